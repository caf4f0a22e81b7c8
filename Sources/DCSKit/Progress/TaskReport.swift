import Foundation

/// Everything `dcswatch show` knows about one task: the list fields, the detail, the stats and the
/// recent logs, each with the error that kept it away (issue 5). Passwords are never part of it:
/// the detail decoder drops them.
public struct TaskReport: Sendable, Hashable {
    /// The task as listed, with its target.
    public var task: WatchedTask
    /// The detail, or why not.
    public var detail: Result<TaskDetail, ReportError>
    /// The stats, or why not.
    public var stats: Result<TaskStats, ReportError>
    /// The logs (possibly `.notOffered`), or why not.
    public var logs: Result<MigrationLogs, ReportError>
    /// The thresholds the sync section is judged by (issue 16).
    public var thresholds: SyncThresholds

    /// Builds a report.
    public init(
        task: WatchedTask, detail: Result<TaskDetail, ReportError>, stats: Result<TaskStats, ReportError>,
        logs: Result<MigrationLogs, ReportError>, thresholds: SyncThresholds = SyncThresholds()
    ) {
        self.task = task
        self.detail = detail
        self.stats = stats
        self.logs = logs
        self.thresholds = thresholds
    }

    /// Gathers the detail, stats and logs of `task` from `source`, concurrently; a failing part is
    /// reported, never fatal.
    public static func gather(
        _ task: WatchedTask, from source: any TaskInsightSource, logLimit: Int = 20,
        thresholds: SyncThresholds = SyncThresholds()
    ) async -> TaskReport {
        let id = task.task.taskID
        async let detail = capture { try await source.detail(taskID: id) }
        async let stats = capture { try await source.stats(taskID: id) }
        async let logs = capture { try await source.logs(taskID: id, offset: 0, limit: logLimit, level: nil) }
        return TaskReport(
            task: task, detail: await detail, stats: await stats, logs: await logs, thresholds: thresholds)
    }

    /// The sync section: what one stats answer tells (an online migration only).
    var sync: Result<ReportSync, ReportError>? {
        guard task.task.migrationType == .onlineMigration else { return nil }
        return stats.map { ReportSync(task: task.task, stats: $0, thresholds: thresholds) }
    }

    private static func capture<Value: Sendable>(_ call: @Sendable () async throws -> Value) async -> Result<Value, ReportError> {
        do {
            return .success(try await call())
        } catch {
            return .failure(ReportError(message: error.oneLineMessage))
        }
    }
}

/// Why one part of a report is missing (the error's one-line, sanitised message).
public struct ReportError: Error, Sendable, Hashable {
    /// The message.
    public var message: String

    /// Builds an error.
    public init(message: String) {
        self.message = message
    }
}
