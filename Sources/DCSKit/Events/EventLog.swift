import Foundation

/// The session's list of task events, built from the monitor's diffs (issue 5: "kept for the
/// session"), bounded so that a week-long session cannot grow without end.
///
/// The first successful fetch of a target is its baseline: its "added" tasks are what already
/// existed, not news, so they produce no event.
public struct EventLog: Sendable, Hashable {
    /// Events kept at most (oldest dropped first).
    public let capacity: Int
    /// The events, oldest first.
    public private(set) var events: [TaskEvent] = []
    /// Events dropped because of `capacity`.
    public private(set) var droppedCount = 0
    private var baselined: Set<String> = []

    /// Builds an empty log.
    public init(capacity: Int = 5_000) {
        self.capacity = max(capacity, 1)
    }

    /// Turns one refresh of `target` into events, appends and returns them. Only status changes count
    /// among changed tasks (other fields move all the time).
    @discardableResult
    public mutating func record(target: String, diff: SnapshotDiff, at time: Date) -> [TaskEvent] {
        guard baselined.contains(target) else {
            baselined.insert(target)
            return []
        }
        var new: [TaskEvent] = []
        for change in diff.changed where change.new.target == target && change.statusChanged {
            new.append(
                TaskEvent(
                    time: time, key: change.new.id, name: change.new.task.name,
                    kind: .statusChanged(from: change.old.task.status, to: change.new.task.status),
                    errorMessage: change.new.task.errorMessage))
        }
        for added in diff.added where added.target == target {
            new.append(
                TaskEvent(
                    time: time, key: added.id, name: added.task.name, kind: .added(added.task.status),
                    errorMessage: added.task.errorMessage))
        }
        for removed in diff.removed where removed.target == target {
            new.append(TaskEvent(time: time, key: removed.id, name: removed.task.name, kind: .removed(removed.task.status)))
        }
        append(new)
        return new
    }

    /// Appends events that do not come from a diff (a sync state change, issue 16), dropping the
    /// oldest past `capacity`.
    public mutating func append(_ new: [TaskEvent]) {
        events += new
        if events.count > capacity {
            let excess = events.count - capacity
            events.removeFirst(excess)
            droppedCount += excess
        }
    }

    /// True once `target` has had its baseline fetch.
    public func hasBaseline(_ target: String) -> Bool { baselined.contains(target) }
}
