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
