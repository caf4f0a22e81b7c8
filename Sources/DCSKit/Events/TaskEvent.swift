import Foundation

/// One change worth telling a user about: a task appeared, vanished or changed status (issue 5,
/// "What changed"), or its sync state changed (issue 16). Built from a `SnapshotDiff` by `EventLog`,
/// the sync changes from a `SyncTracker`.
public struct TaskEvent: Sendable, Hashable {
    /// What happened.
    public enum Kind: Sendable, Hashable {
        /// A task appeared, with its status.
        case added(TaskStatus)
        /// A task vanished, with its last known status.
        case removed(TaskStatus)
        /// The status changed.
        case statusChanged(from: TaskStatus, to: TaskStatus)
        /// The sync state changed (in sync, fell behind, restarted), with the task's status and the
        /// stats answer's `offset` and `full_migration_progress`.
        case sync(SyncChange, status: TaskStatus, offset: Double?, progress: Double?)
        /// A write the user sent from the dashboard (issue 17), with the task's status when it was sent,
        /// the result word (`success`, `failed`, `unknown`), what happened (sanitised, no secret) and
        /// the request id when the server gave one.
        case action(TaskAction, status: TaskStatus, result: String, outcome: String, requestID: String?)

        /// `added`, `removed`, `status`, `in_sync`, `fell_behind` or `restarted` (the NDJSON `event` field).
        public var name: String {
            switch self {
            case .added: return "added"
            case .removed: return "removed"
            case .statusChanged: return "status"
            case .sync(let change, _, _, _): return change.rawValue
            case .action: return "action"
            }
        }

        /// The status after the event (the last known one for a vanished task).
        public var status: TaskStatus {
            switch self {
            case .added(let status), .removed(let status), .statusChanged(_, let status), .sync(_, let status, _, _),
                .action(_, let status, _, _, _):
                return status
            }
        }
    }

    /// When the change was seen (the monitor's clock at the refresh).
    public var time: Date
    /// The task's target and id.
    public var key: TaskKey
    /// The task's name (raw: sanitise for display).
    public var name: String
    /// What happened.
    public var kind: Kind
    /// The task's `error_message` after the change (raw), empty when none.
    public var errorMessage: String

    /// Builds an event.
    public init(time: Date, key: TaskKey, name: String, kind: Kind, errorMessage: String = "") {
        self.time = time
        self.key = key
        self.name = name
        self.kind = kind
        self.errorMessage = errorMessage
    }

    /// The status before the event, for a status change.
    public var previousStatus: TaskStatus? {
        if case .statusChanged(let from, _) = kind { return from }
        return nil
    }
}
