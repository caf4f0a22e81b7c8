import DashboardUI
import Testing

@Suite("Dashboard layout")
struct DashboardLayoutTests {
    func layout(_ columns: Int, _ rows: Int, mode: DashboardState.Mode = .list, failing: Bool = false) -> DashboardLayout {
        DashboardLayout(size: TerminalSize(columns: columns, rows: rows), mode: mode, failing: failing)
    }

    @Test func detailGoesRightFrom120ColumnsElseBelowWhenTallEnough() {
        #expect(layout(120, 40).placement == .right)
        #expect(layout(119, 40).placement == .below)
        // 17 rows: 2 header + 1 bottom leave 14 body rows, the least for a detail below.
        #expect(layout(100, 17).placement == .below)
        #expect(layout(100, 16).placement == .none)
        #expect(layout(60, 15, mode: .fullDetail).placement == .full)
    }

    @Test func hiddenPaneGivesTheListTheWholeBody() {
        for (columns, rows) in [(120, 40), (100, 30)] {
            let hidden = DashboardLayout(
                size: TerminalSize(columns: columns, rows: rows), mode: .list, failing: false, pane: false)
            #expect(hidden.placement == .none && hidden.detail == nil)
            #expect(hidden.list.width == columns)
            // Header 2 rows, column header 1, bottom line 1.
            #expect(hidden.list.height == rows - 4)
        }
        // The full-screen detail does not depend on the pane.
        let full = DashboardLayout(size: TerminalSize(columns: 120, rows: 40), mode: .fullDetail, failing: false, pane: false)
        #expect(full.placement == .full)
    }

    @Test func rightPaneTakesTwoFifthsAndASeparator() {
        let wide = layout(200, 50)
        #expect(wide.detail?.width == 80)
        #expect(wide.list.width == 119)
        #expect(wide.detail?.x == 120)
        // Never narrower than 40 columns.
        #expect(layout(120, 40).detail?.width == 48)
    }

    @Test func bannerTakesARowOnlyWhileFailing() {
        #expect(layout(80, 24).banner == nil)
        let failing = layout(80, 24, failing: true)
        #expect(failing.banner?.y == 2)
        #expect(failing.columnHeader?.y == 3)
    }

    @Test func smallTerminalsDropHeaderRowsThenGiveUp() {
        let small = layout(20, 5)
        #expect(!small.tooSmall)
        #expect(small.header.height == 1 && small.columnHeader == nil)
        #expect(small.list.height == 3 && small.bottom.y == 4)
        #expect(layout(19, 5).tooSmall && layout(20, 4).tooSmall)
    }
}
