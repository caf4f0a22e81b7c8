import DCSKit
import Foundation

/// Everything the task list's region shows, as values (issue 6: idle CPU). Two frames with equal
/// inputs draw the same cells there, so the second copies them from the first: the age clock's frame
/// each second changes the header and perhaps an age, and re-drawing ~36 rows for it was most of the
/// idle dashboard's render time. `TaskListView.draw` draws from these values and nothing else of the
/// rows, so a value that changes what a row shows changes the inputs (a test renders random event
/// sequences both ways).
struct TaskListInputs: Equatable {
    /// One visible row: the task and what the clock and the insights make of it.
    struct Row: Equatable {
        var watched: WatchedTask
        var selected: Bool
        var age: String
        var highlighted: Bool
        var progress: String
    }

    var layout: DashboardLayout
    var columns: TaskColumns
    var sort: TaskSort
    var symbols: SymbolSet
    var timeZone: TimeZone
    var emptyText: String?
    var rows: [Row]

    init(_ state: DashboardState, layout: DashboardLayout) {
        self.layout = layout
        columns = TaskColumns(width: layout.list.width, rows: state.rows, state: state)
        sort = state.sort
        symbols = state.symbols
        timeZone = state.timeZone
        emptyText = state.rows.isEmpty ? TaskListView.emptyText(state) : nil
        let selected = state.selectedIndex
        var rows: [Row] = []
        rows.reserveCapacity(layout.list.height)
        for line in 0..<max(layout.list.height, 0) {
            let index = state.scrollOffset + line
            guard index < state.rows.count else { break }
            let watched = state.rows[index]
            rows.append(
                Row(
                    watched: watched, selected: index == selected, age: TaskListView.ageText(watched.task, now: state.now),
                    highlighted: TaskListView.isHighlighted(watched, state: state),
                    progress: TaskListView.progressText(watched, state: state)))
        }
        self.rows = rows
    }
}

/// The task list's region of a frame and the inputs it was drawn from.
struct TaskListMemo {
    var inputs: TaskListInputs
    /// The frame as it was right after the list was drawn (only the list's region is read).
    var buffer: ScreenBuffer

    /// The region `TaskListView.draw` writes: from the column header to the list's last row, from the
    /// list's left edge to the separator beside a right-hand detail pane (included).
    static func region(of layout: DashboardLayout) -> DashboardLayout.Area {
        let top = layout.columnHeader?.y ?? layout.list.y
        let bottom = layout.list.y + layout.list.height
        var right = layout.list.x + layout.list.width
        if layout.placement == .right, let detail = layout.detail {
            right = max(right, detail.x)
        }
        return DashboardLayout.Area(x: layout.list.x, y: top, width: right - layout.list.x, height: bottom - top)
    }
}
