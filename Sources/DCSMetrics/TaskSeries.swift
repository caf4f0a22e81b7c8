import DCSKit
import Foundation

/// The series of one task, computed in one place from the task as listed and its latest stats
/// (issue 18). A family derived from more state (the in-sync verdict of issue 16) is one more
/// parameter and one more line in `samples`.
package enum TaskSeries {
    /// Longest label value kept, in characters: task names are untrusted and may be huge.
    package static let labelLimit = 256

    /// The samples of `item`: info and status always; the creation time when it parses; progress,
    /// offset, keys and ops once a stats call answered (each only when the API gave a finite number).
    package static func samples(of item: WatchedTask, stats: TaskStats?, inSync: Bool? = nil) -> [MetricSample] {
        let task = item.task
        let key = [label("target", item.target), label("task_id", task.taskID)]
        var samples = [
            MetricSample(
                .taskInfo,
                key + [
                    label("task_name", task.name), label("migration_type", task.migrationType.rawValue),
                    label("migration_method", task.migrationMethod.rawValue), label("source", task.sourceLabel),
                    label("target_instance", task.targetLabel),
                ], 1),
            MetricSample(
                .taskStatus, key + [label("status", task.status.raw), label("category", task.status.category.rawValue)], 1),
        ]
        if let created = task.createdAt.date {
            samples.append(MetricSample(.createdTimestamp, key, created.timeIntervalSince1970))
        }
        guard let stats else { return samples }
        // `full_migration_progress` is a percentage; a ratio is what Prometheus conventions and alerts expect.
        let gauges: [(MetricFamily, Double?)] = [
            (.fullProgress, stats.fullMigrationProgress.map { min(max($0 / 100, 0), 1) }),
            (.incrementalOffset, stats.offset), (.sourceKeys, stats.sourceDBSize), (.targetKeys, stats.targetDBSize),
            (.targetOps, stats.targetOps),
        ]
        for (family, value) in gauges {
            if let value, value.isFinite { samples.append(MetricSample(family, key, value)) }
        }
        if let inSync { samples.append(MetricSample(.inSync, key, inSync ? 1 : 0)) }
        return samples
    }

    /// A label whose value is safe to read on a terminal (`SafeText.line`: no control characters or
    /// escape sequences, one line) and bounded; quotes and backslashes stay, escaped by the exposition.
    package static func label(_ name: String, _ value: String) -> MetricSample.Label {
        MetricSample.Label(name, SafeText.line(value, limit: labelLimit))
    }
}
