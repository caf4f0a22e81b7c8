import DCSKit
import DCSTestSupport
import Foundation
import Testing

@testable import DCSMetrics

/// The families of issue 18 from monitor snapshots and stats answers, as the exposition shows them.
@Suite struct MigrationMetricsTests {
    static let fetchedAt = Date(timeIntervalSince1970: 1_800_000_000)

    static func task(_ id: String, name: String = "orders", status: String = "MIGRATING") -> MigrationTask {
        MigrationTask(
            taskID: id, name: name, status: status, migrationType: "online_migration",
            migrationMethod: "incremental_migration", dataSource: "10.0.0.5:6379", targetInstanceName: "dcs-orders",
            createdAt: "2026-12-01T10:00:00.000Z")
    }

    static func snapshot(_ tasks: [MigrationTask], target: String = "eu", failure: TargetFailure? = nil) -> TaskSnapshot {
        TaskSnapshot(targets: [TargetSnapshot(name: target, tasks: tasks, fetchedAt: fetchedAt, failure: failure)])
    }

    @Test func everyTaskFamilyHasItsLabelsAndValues() {
        let metrics = MigrationMetrics()
        metrics.update(Self.snapshot([Self.task("t1")]))
        metrics.record(
            TaskStats(fullMigrationProgress: 42.5, offset: 17, sourceDBSize: 1000, targetDBSize: 990, targetOps: 12.5),
            for: TaskKey(target: "eu", taskID: "t1"))
        let exposition = Exposition(metrics.exposition())
        let key = #"target="eu",task_id="t1""#
        #expect(
            exposition.series("dcswatch_migration_task_info") == [
                #"dcswatch_migration_task_info{\#(key),task_name="orders",migration_type="online_migration","#
                    + #"migration_method="incremental_migration",source="10.0.0.5:6379",target_instance="dcs-orders"}"#
            ])
        #expect(
            exposition.series("dcswatch_migration_task_status") == [
                #"dcswatch_migration_task_status{\#(key),status="MIGRATING",category="running"}"#
            ])
        #expect(exposition.value("dcswatch_migration_task_full_progress_ratio{\(key)}") == 0.425)
        #expect(exposition.value("dcswatch_migration_task_incremental_offset{\(key)}") == 17)
        #expect(exposition.value("dcswatch_migration_task_source_keys{\(key)}") == 1000)
        #expect(exposition.value("dcswatch_migration_task_target_keys{\(key)}") == 990)
        #expect(exposition.value("dcswatch_migration_task_target_ops{\(key)}") == 12.5)
        #expect(exposition.value("dcswatch_migration_task_created_timestamp_seconds{\(key)}") == 1_796_119_200)
        #expect(exposition.value(#"dcswatch_target_up{target="eu"}"#) == 1)
        #expect(exposition.value(#"dcswatch_target_last_success_timestamp_seconds{target="eu"}"#) == 1_800_000_000)
    }

    @Test func inSyncFollowsTheTrackerOverAnswersAndIsNeverOneWhenStale() {
        let metrics = MigrationMetrics()
        metrics.judgeSync(by: SyncThresholds(lagThreshold: 0, polls: 2))
        let key = TaskKey(target: "eu", taskID: "t1")
        let series = #"dcswatch_migration_task_in_sync{target="eu",task_id="t1"}"#
        metrics.update(Self.snapshot([Self.task("t1")]))
        #expect(Exposition(metrics.exposition()).value(series) == nil)
        func answer(_ offset: Double, minute: Double) {
            metrics.apply(
                .statsReceived(
                    key, TaskStats(fullMigrationProgress: 100, offset: offset),
                    at: Self.fetchedAt.addingTimeInterval(minute * 60)))
        }
        answer(52_100, minute: 0)
        #expect(Exposition(metrics.exposition()).value(series) == 0)
        answer(0, minute: 1)
        // One answer at the threshold is not enough (polls 2); the same answer again is.
        #expect(Exposition(metrics.exposition()).value(series) == 0)
        answer(0, minute: 2)
        #expect(Exposition(metrics.exposition()).value(series) == 1)
        metrics.apply(.statsFailed(key, message: "HTTP 503", at: Self.fetchedAt.addingTimeInterval(180)))
        #expect(Exposition(metrics.exposition()).value(series) == 0)
        // Stopped after the cutover: no series, so "in sync lost" does not fire for it.
        metrics.update(Self.snapshot([Self.task("t1", status: "TERMINATED")]))
        #expect(Exposition(metrics.exposition()).series("dcswatch_migration_task_in_sync").isEmpty)
    }

    @Test func withoutThresholdsThereIsNoInSyncSeries() {
        let metrics = MigrationMetrics()
        metrics.update(Self.snapshot([Self.task("t1")]))
        metrics.apply(
            .statsReceived(
                TaskKey(target: "eu", taskID: "t1"), TaskStats(fullMigrationProgress: 100, offset: 0), at: Self.fetchedAt))
        let exposition = Exposition(metrics.exposition())
        #expect(exposition.series("dcswatch_migration_task_in_sync").isEmpty)
        #expect(exposition.value(#"dcswatch_migration_task_incremental_offset{target="eu",task_id="t1"}"#) == 0)
    }

    @Test func statsSeriesAppearOnlyOnceStatsAnswered() {
        let metrics = MigrationMetrics()
        metrics.update(Self.snapshot([Self.task("t1")]))
        let exposition = Exposition(metrics.exposition())
        #expect(exposition.series("dcswatch_migration_task_info").count == 1)
        #expect(exposition.series("dcswatch_migration_task_full_progress_ratio").isEmpty)
        #expect(exposition.series("dcswatch_migration_task_incremental_offset").isEmpty)
    }

    @Test func aStatusChangeReplacesTheStatusSeries() {
        let metrics = MigrationMetrics()
        metrics.update(Self.snapshot([Self.task("t1", status: "MIGRATING")]))
        metrics.update(Self.snapshot([Self.task("t1", status: "FAILED")]))
        #expect(
            Exposition(metrics.exposition()).series("dcswatch_migration_task_status") == [
                #"dcswatch_migration_task_status{target="eu",task_id="t1",status="FAILED",category="failed"}"#
            ])
    }

    @Test func vanishedTasksLoseEverySeriesAndTheirStats() {
        let metrics = MigrationMetrics()
        metrics.update(Self.snapshot([Self.task("t1"), Self.task("t2")]))
        metrics.record(TaskStats(fullMigrationProgress: 100, offset: 3), for: TaskKey(target: "eu", taskID: "t2"))
        metrics.update(Self.snapshot([Self.task("t1")]))
        // Stats arriving after the task vanished (a call in flight) must not bring it back.
        metrics.record(TaskStats(offset: 4), for: TaskKey(target: "eu", taskID: "t2"))
        let exposition = Exposition(metrics.exposition())
        #expect(!exposition.text.contains(#"task_id="t2""#))
        #expect(exposition.series("dcswatch_migration_task_info").count == 1)
        // Listed again, it starts without the old stats.
        metrics.update(Self.snapshot([Self.task("t1"), Self.task("t2")]))
        #expect(Exposition(metrics.exposition()).series("dcswatch_migration_task_incremental_offset").isEmpty)
    }

    @Test func aRenameReplacesTheInfoSeriesAndKeepsTheStats() {
        let metrics = MigrationMetrics()
        metrics.update(Self.snapshot([Self.task("t1", name: "old")]))
        metrics.record(TaskStats(offset: 9), for: TaskKey(target: "eu", taskID: "t1"))
        metrics.update(Self.snapshot([Self.task("t1", name: "new")]))
        let exposition = Exposition(metrics.exposition())
        let info = exposition.series("dcswatch_migration_task_info")
        #expect(info.count == 1)
        #expect(info.first?.contains(#"task_name="new""#) == true)
        #expect(exposition.value(#"dcswatch_migration_task_incremental_offset{target="eu",task_id="t1"}"#) == 9)
    }

    @Test func aFailingTargetIsDownAndKeepsItsLastGoodTasks() {
        let metrics = MigrationMetrics()
        metrics.update(Self.snapshot([Self.task("t1")]))
        let failure = TargetFailure(
            message: "timed out", since: Self.fetchedAt, consecutiveFailures: 1, nextAttemptAt: Self.fetchedAt)
        metrics.update(Self.snapshot([Self.task("t1")], failure: failure))
        let exposition = Exposition(metrics.exposition())
        #expect(exposition.value(#"dcswatch_target_up{target="eu"}"#) == 0)
        #expect(exposition.value(#"dcswatch_target_last_success_timestamp_seconds{target="eu"}"#) == 1_800_000_000)
        #expect(exposition.series("dcswatch_migration_task_info").count == 1)
    }

    @Test func aTargetNeverFetchedIsDownWithoutALastSuccess() {
        let metrics = MigrationMetrics()
        metrics.update(TaskSnapshot(targets: [TargetSnapshot(name: "eu", isFetching: true)]))
        let exposition = Exposition(metrics.exposition())
        #expect(exposition.value(#"dcswatch_target_up{target="eu"}"#) == 0)
        #expect(exposition.series("dcswatch_target_last_success_timestamp_seconds").isEmpty)
    }

    @Test func aTaskIDListedTwiceKeepsItsFirstEntry() {
        let metrics = MigrationMetrics()
        metrics.update(Self.snapshot([Self.task("t1", status: "MIGRATING"), Self.task("t1", status: "FAILED")]))
        let status = Exposition(metrics.exposition()).series("dcswatch_migration_task_status")
        #expect(status.count == 1)
        #expect(status.first?.contains(#"status="MIGRATING""#) == true)
    }

    @Test func monitorAndPollerEventsDriveTheSameSeries() {
        let metrics = MigrationMetrics()
        let snapshot = Self.snapshot([Self.task("t1")])
        metrics.apply(MonitorEvent.refreshed(target: "eu", snapshot: snapshot, diff: SnapshotDiff()))
        let key = TaskKey(target: "eu", taskID: "t1")
        metrics.apply(InsightEvent.statsReceived(key, TaskStats(offset: 5), at: Self.fetchedAt))
        metrics.apply(InsightEvent.statsFailed(key, message: "throttled", at: Self.fetchedAt))
        // A failed stats call keeps the last good numbers.
        #expect(
            Exposition(metrics.exposition()).value(#"dcswatch_migration_task_incremental_offset{target="eu",task_id="t1"}"#)
                == 5)
    }
}
