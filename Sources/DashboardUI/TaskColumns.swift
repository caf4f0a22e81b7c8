import DCSKit

/// Column widths of the task list for one width (0 = column hidden). Fixed columns take what their
/// content needs; name and route share the rest; when space runs out, columns are dropped in the
/// order created, type, route, target, age, so status and name always stay.
struct TaskColumns: Hashable {
    /// Widths of each column, 0 when hidden.
    var status = 0, target = 0, name = 0, type = 0, route = 0, created = 0, age = 0

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

    /// Lays the columns out for a list `width` columns wide showing `rows`.
    init(width: Int, rows: [WatchedTask], state: DashboardState) {
        let statusContent = rows.map { DisplayWidth.of(TaskListView.statusText($0.task, symbols: state.symbols)) }
        status = min(max(statusContent.max() ?? 0, 8), 18)
        if state.showsTargetColumn {
            target = min(max(rows.map { DisplayWidth.of(SafeText.line($0.target, limit: 40)) }.max() ?? 0, 6), 14)
        }
        type = min(max(rows.map { DisplayWidth.of(TaskListView.typeText($0.task)) }.max() ?? 0, 4), 16)
        created = Self.createdWidth
        age = Self.ageWidth
        var hasRoute = true
        let dropOrder: [WritableKeyPath<TaskColumns, Int>?] = [\.created, \.type, nil, \.target, \.age]
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
        let namePreferred = rows.map { DisplayWidth.of(SafeText.line($0.task.name, limit: 200)) }.max() ?? 0
        let routePreferred = rows.map { DisplayWidth.of(TaskListView.routeText($0.task, symbols: state.symbols)) }.max() ?? 0
        if namePreferred + routePreferred <= flex {
            route = max(routePreferred, Self.minimumRoute)
            name = flex - route
        } else {
            name = max(min(namePreferred, flex * 11 / 20), min(Self.minimumName, flex - Self.minimumRoute))
            route = max(flex - name, 0)
        }
    }

    /// Columns used by all visible columns but name and route, including their gaps.
    private var fixedTotal: Int {
        [status, target, type, created, age].filter { $0 > 0 }.reduce(0) { $0 + $1 + Self.gap }
    }
}
