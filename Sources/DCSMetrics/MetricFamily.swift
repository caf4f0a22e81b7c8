import Prometheus

/// One metric family dcswatch exports: its fixed name (dashboards and `docs/prometheus/alerts.yml` rely
/// on it, issue 18) and its help line. Every family is listed here, so a name is written once.
package struct MetricFamily: Sendable, Hashable {
    /// The metric name.
    package let name: String
    /// The `# HELP` text.
    package let help: String

    /// The descriptor swift-prometheus registers under (no namespace or unit: `name` is complete).
    var descriptor: MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
    }

    /// `{target, task_id, task_name, migration_type, migration_method, source, target_instance}` 1.
    package static let taskInfo = MetricFamily(
        name: "dcswatch_migration_task_info", help: "Migration task metadata, always 1; join on target and task_id.")
    /// `{target, task_id, status, category}` 1 for the current raw status (a change replaces the series).
    package static let taskStatus = MetricFamily(
        name: "dcswatch_migration_task_status",
        help: "Current status of a migration task, always 1: the raw status and its category.")
    /// Full-copy progress, 0 to 1 (`full_migration_progress` / 100).
    package static let fullProgress = MetricFamily(
        name: "dcswatch_migration_task_full_progress_ratio", help: "Progress of the full copy of an online migration, 0 to 1.")
    /// The incremental offset (lag); 0 is caught up.
    package static let incrementalOffset = MetricFamily(
        name: "dcswatch_migration_task_incremental_offset",
        help: "Incremental sync offset of an online migration (lag behind the source; 0 is caught up).")
    /// Keys in the source (`source_dbsize`).
    package static let sourceKeys = MetricFamily(
        name: "dcswatch_migration_task_source_keys", help: "Keys in the source of an online migration.")
    /// Keys in the target (`target_dbsize`).
    package static let targetKeys = MetricFamily(
        name: "dcswatch_migration_task_target_keys", help: "Keys in the target of an online migration.")
    /// Operations per second on the target (`target_ops`).
    package static let targetOps = MetricFamily(
        name: "dcswatch_migration_task_target_ops", help: "Operations per second written to the target of an online migration.")
    /// 1 while a running online task is in sync (`SyncTracker`, issue 16), else 0; only for running
    /// tasks with stats (a task stopped after its cutover has no series, so "in sync lost" stays quiet).
    package static let inSync = MetricFamily(
        name: "dcswatch_migration_task_in_sync",
        help: "1 while a running online migration is in sync: offset at or below the threshold for the last N stats answers.")
    /// `created_at` as Unix seconds.
    package static let createdTimestamp = MetricFamily(
        name: "dcswatch_migration_task_created_timestamp_seconds", help: "When the migration task was created, Unix time.")

    /// `{target}` 1 when the last refresh of the target's task list succeeded, else 0.
    package static let targetUp = MetricFamily(
        name: "dcswatch_target_up", help: "1 when the last refresh of the target's task list succeeded, else 0.")
    /// `{target}` when the last refresh succeeded, Unix seconds.
    package static let targetLastSuccess = MetricFamily(
        name: "dcswatch_target_last_success_timestamp_seconds",
        help: "When the target's task list was last refreshed successfully, Unix time.")
    /// `{target, call, code}` counter of request attempts.
    package static let apiRequests = MetricFamily(
        name: "dcswatch_api_requests_total",
        help: "DCS API request attempts by call and HTTP status (or why no answer came), retries included.")
    /// `{target, call}` histogram of request attempt durations.
    package static let apiRequestDuration = MetricFamily(
        name: "dcswatch_api_request_duration_seconds", help: "Duration of DCS API request attempts by call.")

    /// Every family, in the order the README lists them.
    package static let all: [MetricFamily] = [
        taskInfo, taskStatus, fullProgress, incrementalOffset, inSync, sourceKeys, targetKeys, targetOps, createdTimestamp,
        targetUp, targetLastSuccess, apiRequests, apiRequestDuration,
    ]
}
