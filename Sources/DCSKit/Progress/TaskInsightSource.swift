import Foundation

/// What the stats poller needs of a target's API: the per-task calls beyond the list (live:
/// `DCSClient`; tests: a stub that holds calls until answered).
public protocol TaskInsightSource: Sendable {
    /// `GET …/migration-task/{task_id}/stats`.
    func stats(taskID: String) async throws -> TaskStats
    /// `GET …/migration-task/{task_id}`, passwords already dropped by the decoder.
    func detail(taskID: String) async throws -> TaskDetail
    /// `GET …/migration-task/{task_id}/logs`; `.notOffered` on a 404.
    func logs(taskID: String, offset: Int, limit: Int, level: String?) async throws -> MigrationLogs
}

extension DCSClient: TaskInsightSource {}
