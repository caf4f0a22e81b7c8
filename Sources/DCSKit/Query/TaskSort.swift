import Foundation

/// The column the task list is sorted by; `s` cycles through them, `S` reverses (issue 4, keys).
public enum SortColumn: String, Sendable, CaseIterable, Hashable {
    case status
    case name
    case created
    case type
    case source
    case target

    /// The next column in the `s` cycle.
    public var next: SortColumn {
        let all = SortColumn.allCases
        let index = all.firstIndex(of: self) ?? 0
        return all[(index + 1) % all.count]
    }
}

/// A sort order: column and direction. Sorting is stable with (target, task id) as tie-breaker, so
/// equal rows never swap between refreshes (STYLE.md).
public struct TaskSort: Sendable, Hashable {
    /// The column.
    public var column: SortColumn
    /// True for descending.
    public var descending: Bool

    /// Builds a sort order; the default puts what needs attention first.
    public init(column: SortColumn = .status, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }

    /// Sorts the tasks; total order, so the result does not depend on the input order.
    public func sorted(_ tasks: [WatchedTask]) -> [WatchedTask] {
        tasks.sorted { lhs, rhs in
            let order = compare(lhs, rhs)
            if order != .orderedSame { return descending ? order == .orderedDescending : order == .orderedAscending }
            // Tie-breakers stay ascending whatever the direction: stable rows.
            if lhs.task.taskID != rhs.task.taskID { return lhs.task.taskID < rhs.task.taskID }
            return lhs.target < rhs.target
        }
    }

    private func compare(_ lhs: WatchedTask, _ rhs: WatchedTask) -> ComparisonResult {
        switch column {
        case .status:
            let left = lhs.task.status.category.attentionRank
            let right = rhs.task.status.category.attentionRank
            if left != right { return left < right ? .orderedAscending : .orderedDescending }
            return TaskSort.text(lhs.task.status.raw, rhs.task.status.raw)
        case .name: return TaskSort.text(lhs.task.name, rhs.task.name)
        case .created:
            // Newest first reads naturally for "created"; tasks with no parsable date go last.
            switch (lhs.task.createdAt.date, rhs.task.createdAt.date) {
            case let (left?, right?):
                return left == right ? .orderedSame : (left > right ? .orderedAscending : .orderedDescending)
            case (.some, .none): return .orderedAscending
            case (.none, .some): return .orderedDescending
            case (.none, .none): return TaskSort.text(lhs.task.createdAt.raw, rhs.task.createdAt.raw)
            }
        case .type:
            let left = lhs.task.migrationType.rawValue + " " + lhs.task.migrationMethod.rawValue
            return TaskSort.text(left, rhs.task.migrationType.rawValue + " " + rhs.task.migrationMethod.rawValue)
        case .source: return TaskSort.text(lhs.task.sourceLabel, rhs.task.sourceLabel)
        case .target:
            let order = TaskSort.text(lhs.target, rhs.target)
            return order != .orderedSame ? order : TaskSort.text(lhs.task.targetLabel, rhs.task.targetLabel)
        }
    }

    /// Case-insensitive, numbers by value: the collation bytes the catalog sorts by, so that the list
    /// output and the dashboard agree.
    static func text(_ lhs: String, _ rhs: String) -> ComparisonResult {
        var left: [UInt8] = []
        var right: [UInt8] = []
        CollationKey.append(lhs, to: &left)
        CollationKey.append(rhs, to: &right)
        let order = left.withUnsafeBufferPointer { l in right.withUnsafeBufferPointer { r in CollationKey.compare(l, r) } }
        return order == 0 ? .orderedSame : (order < 0 ? .orderedAscending : .orderedDescending)
    }
}
