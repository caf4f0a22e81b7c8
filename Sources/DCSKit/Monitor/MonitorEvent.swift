import Foundation

/// What the monitor tells its front end; every event carries the full current snapshot, so a front
/// end can always just show the latest one.
public enum MonitorEvent: Sendable, Hashable {
    /// A fetch of `target` started (for the spinner).
    case fetchStarted(target: String, snapshot: TaskSnapshot)
    /// A fetch of `target` succeeded; `diff` is against that target's previous good tasks (empty for its
    /// first listing, which is the baseline).
    case refreshed(target: String, snapshot: TaskSnapshot, diff: SnapshotDiff)
    /// A fetch of `target` failed; the snapshot still holds its last good tasks.
    case failed(target: String, snapshot: TaskSnapshot, failure: TargetFailure)

    /// The snapshot the event carries.
    public var snapshot: TaskSnapshot {
        switch self {
        case .fetchStarted(_, let snapshot), .refreshed(_, let snapshot, _), .failed(_, let snapshot, _):
            return snapshot
        }
    }
}
