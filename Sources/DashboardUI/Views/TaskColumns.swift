import DCSKit

/// Column widths of the task list for one width (0 = column hidden). Fixed columns take what their
/// content needs; name and route share the rest; when space runs out, columns are dropped in the
/// order created, type, route, target, age, so status and name always stay.
struct TaskColumns: Hashable {
    /// Widths of each column, 0 when hidden.
    var status = 0, progress = 0, target = 0, name = 0, type = 0, route = 0, created = 0, age = 0

    /// Blank columns between two columns.
    static let gap = 1
    /// "2024-04-01 10:57".
    static let createdWidth = 16
    /// "14h30m".
    static let ageWidth = 6
    /// Narrowest name column before other columns are dropped.
    static let minimumName = 10
    /// Narrowest source → target column before it is dropped.
    static let minimumRoute = 12
    /// "lag 52.1k ↓ ETA 3m" (issue 16: the sync state; longer ETAs are cut with …): the widest.
    static let progressWidth = 18
    /// "in sync 3h05m", "RESTART 64.5%": the width without a lag's ETA.
    static let compactProgressWidth = 13

    /// Widths for the state's rows; content widths are the largest of its rows' (issue 6).
    init(width: Int, state: DashboardState) {
        let rows = state.rows
        let content = state.rowsContentWidths
        status = min(max(Int(content.status), 8), 18)
        if state.showsTargetColumn {
            target = min(max(Int(content.target), 6), 14)
        }
        // Walks the tasks with stats (those the poller was asked for: on screen, or seen this session),
        // not every row: this runs on every frame, the age clock's included (issue 6: idle CPU). The
        // width follows the states shown, not each answer's text (issue 16): 18 while a task catches up
        // ("lag 52.1k ↓ ETA 3m"), else 13 ("in sync 3h05m"), so the list is laid out again only when a
        // task changes state, and a narrow terminal keeps its name column while no ETA can show.
        for (key, insight) in state.insights where insight.stats != nil {
            guard progress < Self.progressWidth, let row = rows.row(of: key), rows[row].task.status.category == .running
            else { continue }
            switch insight.sync?.state {
            case .catchingUp, .fellBehind: progress = Self.progressWidth
            default: progress = Self.compactProgressWidth
            }
        }
        type = min(max(Int(content.type), 4), 16)
        created = Self.createdWidth
        age = Self.ageWidth
        var hasRoute = true
        let dropOrder: [WritableKeyPath<TaskColumns, Int>?] = [\.created, \.type, nil, \.target, \.progress, \.age]
        var drop = dropOrder.makeIterator()
        while fixedTotal + Self.minimumName + (hasRoute ? Self.minimumRoute + Self.gap : 0) > width {
            guard let next = drop.next() else { break }
            if let path = next { self[keyPath: path] = 0 } else { hasRoute = false }
        }
        let flex = max(width - fixedTotal - (hasRoute ? Self.gap : 0), 1)
        guard hasRoute else {
            name = flex
            return
        }
        let namePreferred = Int(content.name)
        let routePreferred = Int(content.route)
        if namePreferred + routePreferred <= flex {
            route = max(routePreferred, Self.minimumRoute)
            name = flex - route
        } else {
            name = max(min(namePreferred, flex * 11 / 20), min(Self.minimumName, flex - Self.minimumRoute))
            route = max(flex - name, 0)
        }
    }

    /// Columns from the left edge through the end of the name column: the selection bar.
    var selectionWidth: Int {
        [status, progress, target].filter { $0 > 0 }.reduce(0) { $0 + $1 + Self.gap } + name
    }

    /// Columns used by all visible columns but name and route, including their gaps.
    private var fixedTotal: Int {
        [status, progress, target, type, created, age].filter { $0 > 0 }.reduce(0) { $0 + $1 + Self.gap }
    }
}
