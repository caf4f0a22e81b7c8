import DCSKit
import Foundation

/// The task list: a column header and one row per visible task, the selected row reversed.
enum TaskListView {
    /// Draws the column header, the visible rows and the separator of a right-hand detail pane.
    static func draw(_ state: DashboardState, layout: DashboardLayout, into buffer: inout ScreenBuffer) {
        let area = layout.list
        let columns = TaskColumns(width: area.width, state: state)
        if let header = layout.columnHeader {
            drawHeader(state, columns: columns, area: header, into: &buffer)
        }
        if state.rows.isEmpty {
            buffer.put(DisplayWidth.truncate(emptyText(state), to: area.width), x: area.x, y: area.y, style: CellStyle(.dim))
        }
        let selected = state.selectedIndex
        for line in 0..<max(area.height, 0) {
            let index = state.scrollOffset + line
            guard index < state.rows.count else { break }
            drawRow(
                state.rows[index], state: state, columns: columns, x: area.x, y: area.y + line, width: area.width,
                selected: index == selected, into: &buffer)
        }
        if layout.placement == .right, let detail = layout.detail {
            for row in detail.y..<(detail.y + detail.height) {
                buffer.put(state.symbols.vertical, x: detail.x - 1, y: row, style: CellStyle(.separator))
            }
            if let header = layout.columnHeader {
                buffer.put(state.symbols.vertical, x: detail.x - 1, y: header.y, style: CellStyle(.separator))
            }
        }
    }

    /// Draws the column titles; the sorted column carries ▼ (▲ when reversed).
    static func drawHeader(
        _ state: DashboardState, columns: TaskColumns, area: DashboardLayout.Area, into buffer: inout ScreenBuffer
    ) {
        let mark = state.sort.descending ? (state.symbols == .ascii ? "^" : "▲") : (state.symbols == .ascii ? "v" : "▼")
        func title(_ text: String, _ column: SortColumn) -> String { state.sort.column == column ? text + mark : text }
        let cells: [(String, Int)] = [
            (title("STATUS", .status), columns.status), ("PROGRESS", columns.progress),
            (title("TARGET", .target), columns.target),
            (title("NAME", .name), columns.name), (title("TYPE", .type), columns.type),
            (title("SOURCE \(state.symbols.arrow) TARGET", .source), columns.route),
            (title("CREATED", .created), columns.created), ("AGE", columns.age),
        ]
        drawCells(cells.map { ($0.0, $0.1, CellStyle(.columnHeader)) }, x: area.x, y: area.y, width: area.width, into: &buffer)
    }

    /// Draws one task. The selected row is reversed from the column after the status through the name
    /// (progress, target, name): a move then rewrites ~25 cells of two rows instead of every cell of
    /// both (issue 6: bytes per cursor move); the status keeps its colour on every row, so a move
    /// never rewrites it (issue 15).
    static func drawRow(
        _ watched: WatchedTask, state: DashboardState, columns: TaskColumns, x: Int, y: Int, width: Int, selected: Bool,
        into buffer: inout ScreenBuffer
    ) {
        let task = watched.task
        let plain = CellStyle(.normal)
        let bar = CellStyle(.normal, selected: selected)
        if selected {
            let start = columns.status > 0 ? columns.status + TaskColumns.gap : 0
            buffer.fill(x: x + start, y: y, count: max(min(columns.selectionWidth, width) - start, 0), style: bar)
        }
        let cells: [(String, Int, CellStyle)] = [
            (statusText(task, symbols: state.symbols), columns.status, CellStyle(.status(task.status.category))),
            (progressText(watched, state: state), columns.progress, bar),
            (SafeText.line(watched.target, limit: 40), columns.target, bar),
            (
                // Marked for an action (issue 17): a `*` readable without colour; no cell moves when
                // nothing is marked.
                (isMarked(watched, state: state) ? "* " : "") + (task.name.isEmpty ? "-" : SafeText.line(task.name, limit: 200)),
                columns.name,
                isHighlighted(watched, state: state) ? CellStyle(.changed, selected: selected) : bar
            ),
            (typeText(task), columns.type, plain),
            (routeText(task, symbols: state.symbols), columns.route, plain),
            (createdText(task, timeZone: state.timeZone), columns.created, plain),
            (ageText(task, now: state.now), columns.age, plain),
        ]
        drawCells(cells, x: x, y: y, width: width, into: &buffer)
    }

    /// True when the task is marked for the actions menu.
    static func isMarked(_ watched: WatchedTask, state: DashboardState) -> Bool {
        !state.marked.isEmpty && state.marked.contains(watched.id)
    }

    /// True while the task's name is flashed after a change.
    static func isHighlighted(_ watched: WatchedTask, state: DashboardState) -> Bool {
        state.highlights[watched.id].map { $0 > state.now } ?? false
    }

    /// Draws cells of the given widths left to right; zero-width columns are skipped.
    static func drawCells(_ cells: [(String, Int, CellStyle)], x: Int, y: Int, width: Int, into buffer: inout ScreenBuffer) {
        var column = x
        for (text, columnWidth, style) in cells where columnWidth > 0 {
            let room = min(columnWidth, x + width - column)
            guard room > 0 else { return }
            buffer.put(DisplayWidth.truncate(text, to: room), x: column, y: y, style: style, limit: room)
            column += columnWidth + TaskColumns.gap
        }
    }

    /// "✖ FAILED": symbol and raw status (the word itself, so monochrome still reads).
    static func statusText(_ task: MigrationTask, symbols: SymbolSet) -> String {
        let raw = SafeText.line(task.status.raw.trimmedFast(.whitespaces), limit: 40)
        return symbols.symbol(for: task.status.category) + " " + (raw.isEmpty ? "(none)" : raw)
    }

    /// "online full+incr".
    static func typeText(_ task: MigrationTask) -> String {
        SafeText.line(task.migrationType.shortLabel + " " + task.migrationMethod.shortLabel, limit: 60)
    }

    /// "source → target".
    static func routeText(_ task: MigrationTask, symbols: SymbolSet) -> String {
        let source = task.sourceLabel.isEmpty ? "?" : SafeText.line(task.sourceLabel, limit: 100)
        let target = task.targetLabel.isEmpty ? "?" : SafeText.line(task.targetLabel, limit: 100)
        return source + " " + symbols.arrow + " " + target
    }

    /// Creation time in the user's zone, or the raw text when it cannot be parsed.
    static func createdText(_ task: MigrationTask, timeZone: TimeZone) -> String {
        if let date = task.createdAt.date { return AgeFormat.dateTime(date, timeZone: timeZone) }
        return task.createdAt.raw.isEmpty ? "-" : SafeText.line(task.createdAt.raw, limit: 40)
    }

    /// Time since creation.
    static func ageText(_ task: MigrationTask, now: Date) -> String {
        guard let date = task.createdAt.date else { return "-" }
        return AgeFormat.duration(now.timeIntervalSince(date))
    }

    /// What an empty list says.
    static func emptyText(_ state: DashboardState) -> String {
        if state.totalCount > 0 { return "No task matches the filter (Esc clears it)" }
        if state.snapshot.oldestFetch == nil {
            return state.snapshot.failingTargets.isEmpty ? "Loading tasks…" : "No data yet: see the message above"
        }
        return "No migration tasks"
    }
}
