import Foundation

extension SyncTracker {
    /// Feeds a stats answer or failure of `watched` (the task as last listed) and returns the event of
    /// the sync change it caused, if any: the one path from a poller's answer to an `in_sync`,
    /// `fell_behind` or `restarted` event for `wait`, `events` and the dashboard. Detail and logs
    /// answers are ignored.
    public mutating func record(_ insight: InsightEvent, for watched: WatchedTask) -> TaskEvent? {
        switch insight {
        case .statsReceived(_, let stats, let time):
            guard let change = observe(stats, task: watched.task, at: time) else { return nil }
            return TaskEvent(
                time: time, key: watched.id, name: watched.task.name,
                kind: .sync(
                    change, status: watched.task.status, offset: Self.usable(stats.offset),
                    progress: Self.usable(stats.fullMigrationProgress)))
        case .statsFailed(_, let message, _):
            observeFailure(message)
            return nil
        case .detailReceived, .detailFailed, .logsReceived, .logsFailed:
            return nil
        }
    }
}
