import DCSKit

/// The display width of every task's status, type, name, route and target text, computed once per
/// catalog and kept beside it in `DashboardState`: the column widths then take a maximum over integers
/// instead of formatting every row of the list on every frame (issue 6: with 100,000 tasks that was
/// most of a frame).
struct ColumnContentWidths: Sendable, Equatable {
    /// The widths of one task's texts (or, from `maxima`, the largest of each over rows).
    struct Widths: Sendable, Equatable {
        /// Width of `TaskListView.statusText`.
        var status: UInt16 = 0
        /// Width of `TaskListView.typeText`.
        var type: UInt16 = 0
        /// Width of the sanitised name (as the name column shows it).
        var name: UInt16 = 0
        /// Width of `TaskListView.routeText`.
        var route: UInt16 = 0
        /// Width of the sanitised target name.
        var target: UInt16 = 0
    }

    /// The widths of each task, by flat catalog index, side by side: the maxima over the rows read
    /// one place per row.
    let tasks: [Widths]

    /// No tasks.
    init() {
        tasks = []
    }

    /// The widths of every task of `catalog` drawn with `symbols`.
    init(_ catalog: TaskCatalog, symbols: SymbolSet) {
        var tasks: [Widths] = []
        tasks.reserveCapacity(catalog.count)
        // Status, type and target texts repeat a lot: measure each distinct one once.
        var statusWidths: [String: UInt16] = [:]
        var typeWidths: [String: UInt16] = [:]
        var targetWidths: [String: UInt16] = [:]
        func clamp(_ width: Int) -> UInt16 { UInt16(clamping: width) }
        for index in 0..<catalog.count {
            let watched = catalog[index]
            let task = watched.task
            var widths = Widths()
            let statusKey = task.status.raw
            if let width = statusWidths[statusKey] {
                widths.status = width
            } else {
                widths.status = clamp(DisplayWidth.of(TaskListView.statusText(task, symbols: symbols)))
                statusWidths[statusKey] = widths.status
            }
            let typeKey = task.migrationType.rawValue + "\u{1F}" + task.migrationMethod.rawValue
            if let width = typeWidths[typeKey] {
                widths.type = width
            } else {
                widths.type = clamp(DisplayWidth.of(TaskListView.typeText(task)))
                typeWidths[typeKey] = widths.type
            }
            widths.name = clamp(DisplayWidth.of(SafeText.line(task.name, limit: 200)))
            widths.route = clamp(DisplayWidth.of(TaskListView.routeText(task, symbols: symbols)))
            if let width = targetWidths[watched.target] {
                widths.target = width
            } else {
                widths.target = clamp(DisplayWidth.of(SafeText.line(watched.target, limit: 40)))
                targetWidths[watched.target] = widths.target
            }
            tasks.append(widths)
        }
        self.tasks = tasks
    }

    /// The largest width of each text over `rows` (all 0 when there are none), in one pass.
    func maxima(over rows: TaskRows) -> Widths {
        var largest = Widths()
        tasks.withUnsafeBufferPointer { tasks in
            for index in rows.order {
                let widths = tasks[Int(index)]
                largest.status = max(largest.status, widths.status)
                largest.type = max(largest.type, widths.type)
                largest.name = max(largest.name, widths.name)
                largest.route = max(largest.route, widths.route)
                largest.target = max(largest.target, widths.target)
            }
        }
        return largest
    }
}
