/// Where each part of the dashboard goes for a given size and state; shared by the reducer (page
/// size, scrolling) and the views, so both agree.
public struct DashboardLayout: Sendable, Hashable {
    /// A rectangle of cells.
    public struct Area: Sendable, Hashable {
        /// Left column, top row, columns, rows.
        public var x, y, width, height: Int
    }

    /// Where the detail pane goes.
    public enum DetailPlacement: Sendable, Hashable {
        case none, right, below, full
    }

    /// Smallest terminal that gets a (reduced) dashboard; below it, a one-line notice.
    public static let minimumSize = TerminalSize(columns: 20, rows: 5)
    /// From this width on, the detail pane sits to the right of the list (issue 4).
    public static let wideColumns = 120

    /// True when the terminal is below `minimumSize`.
    public var tooSmall: Bool
    /// Header rows (title line, and the counts line when there is room).
    public var header: Area
    /// The stale banner row, when a target is failing.
    public var banner: Area?
    /// The list's column-header row, when there is room.
    public var columnHeader: Area?
    /// The task rows.
    public var list: Area
    /// The detail pane.
    public var detail: Area?
    /// Where the detail goes.
    public var placement: DetailPlacement
    /// The bottom line.
    public var bottom: Area

    /// Computes the layout; `pane` false leaves out the pane beside or below the list (the full-screen
    /// detail of `mode` is not affected).
    public init(size: TerminalSize, mode: DashboardState.Mode, failing: Bool, pane: Bool = true) {
        let columns = size.columns
        let rows = size.rows
        let zero = Area(x: 0, y: 0, width: 0, height: 0)
        tooSmall = columns < Self.minimumSize.columns || rows < Self.minimumSize.rows
        guard !tooSmall else {
            self.header = zero
            self.list = zero
            self.bottom = zero
            self.placement = .none
            return
        }
        let headerRows = rows >= 10 ? 2 : 1
        header = Area(x: 0, y: 0, width: columns, height: headerRows)
        var top = headerRows
        if failing {
            banner = Area(x: 0, y: top, width: columns, height: 1)
            top += 1
        }
        bottom = Area(x: 0, y: rows - 1, width: columns, height: 1)
        let bodyHeight = rows - 1 - top
        if mode == .fullDetail {
            placement = .full
            detail = Area(x: 0, y: top, width: columns, height: bodyHeight)
            list = Area(x: 0, y: top, width: columns, height: 0)
            return
        }
        var listArea = Area(x: 0, y: top, width: columns, height: bodyHeight)
        if !pane {
            placement = .none
        } else if columns >= Self.wideColumns {
            placement = .right
            let detailWidth = max(columns * 2 / 5, 40)
            listArea.width = columns - detailWidth - 1
            detail = Area(x: listArea.width + 1, y: top, width: detailWidth, height: bodyHeight)
        } else if bodyHeight >= 14 {
            placement = .below
            let detailHeight = bodyHeight * 2 / 5
            listArea.height = bodyHeight - detailHeight
            detail = Area(x: 0, y: top + listArea.height, width: columns, height: detailHeight)
        } else {
            placement = .none
        }
        if rows >= 8, listArea.height > 1 {
            columnHeader = Area(x: listArea.x, y: listArea.y, width: listArea.width, height: 1)
            listArea.y += 1
            listArea.height -= 1
        }
        list = listArea
    }

    /// The layout for a state.
    public init(_ state: DashboardState) {
        // The events pane (`e`) takes the pane's place, so it gets the area also while the pane is hidden.
        self.init(
            size: state.size, mode: state.mode, failing: !state.snapshot.failingTargets.isEmpty,
            pane: state.showsDetailPane || state.showEvents)
    }
}
