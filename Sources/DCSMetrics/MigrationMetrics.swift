import DCSKit
import Foundation
import Prometheus

/// The Prometheus view of what the monitor and the stats poller know (issue 18): one registry holding
/// a gauge per task series and per target, updated from monitor snapshots and stats answers, and the
/// request metrics the clients report. Reading the exposition never makes an API call.
///
/// Series are reconciled per task: a task whose listing and stats are unchanged costs one comparison;
/// a changed one gets its samples from `TaskSeries` and only the series whose labels changed (a new
/// status, a rename) are replaced. Tasks that left the listing lose every series at that refresh.
///
/// `@unchecked Sendable`: `tasks` and `targets` are touched only under `lock`; the registry and its
/// gauges are thread-safe themselves (the exposition is read without the lock).
package final class MigrationMetrics: @unchecked Sendable {
    /// What is known and exported of one task.
    private struct TrackedTask {
        var task: WatchedTask
        var stats: TaskStats?
        /// The sync state over the stats answers so far (nil without thresholds: `list`'s one answer
        /// cannot tell "in sync", which takes several in a row).
        var sync: SyncTracker?
        var gauges: [MetricSample.Identity: Gauge] = [:]

        /// `dcswatch_migration_task_in_sync` of the task: only while it runs and has a tracker that
        /// has seen an answer.
        var inSync: Bool? {
            guard let sync, task.task.status.category == .running, sync.history.count > 0 || sync.staleReason != nil
            else { return nil }
            return sync.isInSync
        }
    }

    /// The registry every family is in.
    package let registry: PrometheusCollectorRegistry
    /// The observer to give the clients (`ClientOptions.requestObserver`).
    package let requestObserver: APIRequestMetrics
    private let lock = NSLock()
    private var tasks: [TaskKey: TrackedTask] = [:]
    private var targets: [String: [MetricSample.Identity: Gauge]] = [:]
    /// The in-sync rule (`serve`); nil leaves `dcswatch_migration_task_in_sync` out. Under `lock`.
    private var thresholds: SyncThresholds?

    /// An empty set of metrics in a registry of its own; `thresholds` turns on the in-sync family.
    package init(thresholds: SyncThresholds? = nil) {
        self.thresholds = thresholds
        registry = PrometheusCollectorRegistry()
        requestObserver = APIRequestMetrics(registry: registry)
    }

    /// Turns on `dcswatch_migration_task_in_sync` with this rule (`serve`, once its config is read).
    package func judgeSync(by thresholds: SyncThresholds) {
        lock.withLock { self.thresholds = thresholds }
    }

    /// Takes a monitor event: every refresh or failure carries the whole snapshot.
    package func apply(_ event: MonitorEvent) {
        switch event {
        case .fetchStarted: return
        case .refreshed(_, let snapshot, _), .failed(_, let snapshot, _): update(snapshot)
        }
    }

    /// Takes a poller event: stats answers update their task; failures keep the last good stats (and
    /// make the sync state stale, never in sync).
    package func apply(_ event: InsightEvent) {
        guard event.isStats else { return }
        lock.withLock {
            guard var tracked = tasks[event.key] else { return }
            if let thresholds {
                var sync = tracked.sync ?? SyncTracker(thresholds: thresholds, capacity: 2)
                _ = sync.record(event, for: tracked.task)
                tracked.sync = sync
                tasks[event.key] = tracked
            }
            if case .statsReceived(_, let stats, _) = event {
                // The same answer again can still change the sync state (one more confirmation).
                refresh(tracked.task, stats: stats, force: thresholds != nil)
            } else {
                refresh(tracked.task, stats: tracked.stats, force: true)
            }
        }
    }

    /// Brings every series in line with `snapshot`: target health, and the tasks of every target (the
    /// last good ones of a failing target); tasks no longer listed lose their series and stats.
    package func update(_ snapshot: TaskSnapshot) {
        lock.withLock {
            var listed = Set<TaskKey>()
            for target in snapshot.targets {
                updateTarget(target)
                for task in target.tasks {
                    let item = WatchedTask(target: target.name, task: task)
                    // A task id listed twice keeps its first entry (as the poller does): two entries
                    // would replace each other's series at every refresh.
                    guard listed.insert(item.id).inserted else { continue }
                    refresh(item, stats: tasks[item.id]?.stats)
                }
            }
            for (key, tracked) in tasks where !listed.contains(key) {
                for gauge in tracked.gauges.values { registry.unregisterGauge(gauge) }
                tasks[key] = nil
            }
        }
    }

    /// Records the latest stats of a listed task (stats of a task not listed, or no longer, are dropped).
    package func record(_ stats: TaskStats, for key: TaskKey) {
        lock.withLock {
            guard let tracked = tasks[key] else { return }
            refresh(tracked.task, stats: stats)
        }
    }

    /// The text exposition format (version 0.0.4) of every series.
    package func exposition() -> [UInt8] {
        registry.emitToBuffer()
    }

    /// Under `lock`: recomputes the series of one task unless nothing it depends on changed.
    private func refresh(_ item: WatchedTask, stats: TaskStats?, force: Bool = false) {
        var tracked = tasks[item.id] ?? TrackedTask(task: item)
        if !force, !tracked.gauges.isEmpty, tracked.task == item, tracked.stats == stats { return }
        tracked.task = item
        tracked.stats = stats
        reconcile(&tracked.gauges, with: TaskSeries.samples(of: item, stats: stats, inSync: tracked.inSync))
        tasks[item.id] = tracked
    }

    /// Under `lock`: `dcswatch_target_up` always; the last success once there was one.
    private func updateTarget(_ target: TargetSnapshot) {
        let key = [TaskSeries.label("target", target.name)]
        var samples = [MetricSample(.targetUp, key, target.failure == nil && target.fetchedAt != nil ? 1 : 0)]
        if let fetchedAt = target.fetchedAt {
            samples.append(MetricSample(.targetLastSuccess, key, fetchedAt.timeIntervalSince1970))
        }
        var gauges = targets[target.name] ?? [:]
        reconcile(&gauges, with: samples)
        targets[target.name] = gauges
    }

    /// Under `lock`: sets the gauges of `samples`, registering the new series and unregistering, first,
    /// those no sample names any more (so a scrape never sees a task with two statuses).
    private func reconcile(_ gauges: inout [MetricSample.Identity: Gauge], with samples: [MetricSample]) {
        let wanted = Set(samples.map(\.identity))
        for (identity, gauge) in gauges where !wanted.contains(identity) {
            registry.unregisterGauge(gauge)
            gauges[identity] = nil
        }
        for sample in samples {
            let identity = sample.identity
            let gauge =
                gauges[identity] ?? registry.makeGauge(descriptor: sample.family.descriptor, labels: sample.labelPairs)
            gauge.set(to: sample.value)
            gauges[identity] = gauge
        }
    }
}
