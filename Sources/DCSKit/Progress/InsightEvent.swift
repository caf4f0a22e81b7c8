import Foundation

/// What the stats poller tells the front end about one task (progress, detail, logs), posted to an
/// `InsightInbox` next to the monitor's events.
public enum InsightEvent: Sendable, Hashable {
    /// A stats call answered.
    case statsReceived(TaskKey, TaskStats, at: Date)
    /// A stats call failed (message already one line, sanitised).
    case statsFailed(TaskKey, message: String, at: Date)
    /// A detail call answered.
    case detailReceived(TaskKey, TaskDetail, at: Date)
    /// A detail call failed.
    case detailFailed(TaskKey, message: String, at: Date)
    /// A logs call answered (possibly `.notOffered`).
    case logsReceived(TaskKey, MigrationLogs, at: Date)
    /// A logs call failed.
    case logsFailed(TaskKey, message: String, at: Date)

    /// The task the event is about.
    public var key: TaskKey {
        switch self {
        case .statsReceived(let key, _, _), .statsFailed(let key, _, _), .detailReceived(let key, _, _),
            .detailFailed(let key, _, _), .logsReceived(let key, _, _), .logsFailed(let key, _, _):
            return key
        }
    }

    /// True for a stats answer or failure (what the sync state is made of).
    public var isStats: Bool {
        switch self {
        case .statsReceived, .statsFailed: return true
        case .detailReceived, .detailFailed, .logsReceived, .logsFailed: return false
        }
    }
}
