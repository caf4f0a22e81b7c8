import Foundation

/// A task that changed between two successful fetches, with both versions (k9s keeps old values
/// so that a UI can say "MIGRATING → FAILED").
public struct TaskChange: Sendable, Hashable {
    /// The task before.
    public var old: WatchedTask
    /// The task now.
    public var new: WatchedTask

    /// Builds a change.
    public init(old: WatchedTask, new: WatchedTask) {
        self.old = old
        self.new = new
    }

    /// True when the status text changed (the change users care about most).
    public var statusChanged: Bool { old.task.status != new.task.status }
}

/// What changed between two snapshots, keyed by target and task id.
///
/// Only targets whose tasks were refreshed are compared: a target whose fetch failed keeps its last
/// good tasks, so a failure never reads as "everything removed" (DECISIONS.md, diff rules).
public struct SnapshotDiff: Sendable, Hashable {
    /// Tasks present now and not before.
    public var added: [WatchedTask]
    /// Tasks present before and not now (their last known version).
    public var removed: [WatchedTask]
    /// Tasks present in both whose fields differ.
    public var changed: [TaskChange]

    /// Builds a diff.
    public init(added: [WatchedTask] = [], removed: [WatchedTask] = [], changed: [TaskChange] = []) {
        self.added = added
        self.removed = removed
        self.changed = changed
    }

    /// True when nothing changed.
    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    /// Compares two snapshots target by target, in the new snapshot's order; a target absent from `old`
    /// counts as empty.
    public static func between(_ old: TaskSnapshot, _ new: TaskSnapshot) -> SnapshotDiff {
        var diff = SnapshotDiff()
        let oldByName = Dictionary(old.targets.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for target in new.targets {
            let before = oldByName[target.name]?.tasks ?? []
            diff.append(between: before, and: target.tasks, target: target.name)
        }
        return diff
    }

    /// Adds the differences between two task lists of one target.
    mutating func append(between before: [MigrationTask], and after: [MigrationTask], target: String) {
        // An unchanged listing comes back as the very same array (DCSClient's listing cache): `==` then
        // answers from the shared buffer at once, and a refresh of unchanged data costs no hashing
        // (issue 6: this was a quarter of the idle CPU).
        if before == after { return }
        let oldByID = Dictionary(before.map { ($0.taskID, $0) }, uniquingKeysWith: { first, _ in first })
        var seen = Set<String>()
        for task in after {
            seen.insert(task.taskID)
            if let previous = oldByID[task.taskID] {
                if previous != task {
                    changed.append(
                        TaskChange(old: WatchedTask(target: target, task: previous), new: WatchedTask(target: target, task: task))
                    )
                }
            } else {
                added.append(WatchedTask(target: target, task: task))
            }
        }
        for task in before where !seen.contains(task.taskID) {
            removed.append(WatchedTask(target: target, task: task))
        }
    }
}
