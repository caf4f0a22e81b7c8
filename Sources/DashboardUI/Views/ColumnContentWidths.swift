import DCSKit

/// The display width of every task's status, type, name, route and target text, computed once per
/// catalog and kept beside it in `DashboardState`: the column widths then take a maximum over integers
/// instead of formatting every row of the list on every frame (issue 6: with 100,000 tasks that was
/// most of a frame).
struct ColumnContentWidths: Sendable, Equatable {
    /// Width of `TaskListView.statusText`, by flat catalog index.
    let status: [UInt16]
    /// Width of `TaskListView.typeText`.
    let type: [UInt16]
    /// Width of the sanitised name (as the name column shows it).
    let name: [UInt16]
    /// Width of `TaskListView.routeText`.
    let route: [UInt16]
    /// Width of the sanitised target name.
    let target: [UInt16]

    /// No tasks.
    init() {
        status = []
        type = []
        name = []
        route = []
        target = []
    }

    /// The widths of every task of `catalog` drawn with `symbols`.
    init(_ catalog: TaskCatalog, symbols: SymbolSet) {
        var status: [UInt16] = []
        var type: [UInt16] = []
        var name: [UInt16] = []
        var route: [UInt16] = []
        var target: [UInt16] = []
        status.reserveCapacity(catalog.count)
        type.reserveCapacity(catalog.count)
        name.reserveCapacity(catalog.count)
        route.reserveCapacity(catalog.count)
        target.reserveCapacity(catalog.count)
        // Status and type texts repeat a lot: measure each distinct one once.
        var statusWidths: [String: UInt16] = [:]
        var typeWidths: [String: UInt16] = [:]
        var targetWidths: [String: UInt16] = [:]
        func clamp(_ width: Int) -> UInt16 { UInt16(clamping: width) }
        for index in 0..<catalog.count {
            let watched = catalog[index]
            let task = watched.task
            let statusKey = task.status.raw
            if let width = statusWidths[statusKey] {
                status.append(width)
            } else {
                let width = clamp(DisplayWidth.of(TaskListView.statusText(task, symbols: symbols)))
                statusWidths[statusKey] = width
                status.append(width)
            }
            let typeKey = task.migrationType.rawValue + "\u{1F}" + task.migrationMethod.rawValue
            if let width = typeWidths[typeKey] {
                type.append(width)
            } else {
                let width = clamp(DisplayWidth.of(TaskListView.typeText(task)))
                typeWidths[typeKey] = width
                type.append(width)
            }
            name.append(clamp(DisplayWidth.of(SafeText.line(task.name, limit: 200))))
            route.append(clamp(DisplayWidth.of(TaskListView.routeText(task, symbols: symbols))))
            if let width = targetWidths[watched.target] {
                target.append(width)
            } else {
                let width = clamp(DisplayWidth.of(SafeText.line(watched.target, limit: 40)))
                targetWidths[watched.target] = width
                target.append(width)
            }
        }
        self.status = status
        self.type = type
        self.name = name
        self.route = route
        self.target = target
    }

    /// The largest width in `column` over `rows` (0 when there are none).
    static func maximum(_ column: [UInt16], over rows: TaskRows) -> Int {
        var largest: UInt16 = 0
        column.withUnsafeBufferPointer { widths in
            for index in rows.order {
                let width = widths[Int(index)]
                if width > largest { largest = width }
            }
        }
        return Int(largest)
    }
}
