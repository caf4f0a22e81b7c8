import DCSKit
import Foundation
import Testing

/// The sync changes as `wait --until in-sync`, the `events` stream, notifications, the config and
/// `show` see them (issue 16).
@Suite("Sync events")
struct SyncEventsTests {
    let time = Date(timeIntervalSince1970: 1_767_225_600)
    static let key = TaskKey(target: "prod", taskID: "id-a")

    func snapshot(_ status: String, method: String = "incremental_migration") -> TaskSnapshot {
        TaskSnapshot(targets: [
            TargetSnapshot(
                name: "prod",
                tasks: [
                    MigrationTask(
                        taskID: "id-a", name: "orders", status: status, migrationType: "online_migration",
                        migrationMethod: method)
                ], fetchedAt: time)
        ])
    }

    func stats(_ offset: Double?, progress: Double = 100, second: TimeInterval) -> InsightEvent {
        .statsReceived(Self.key, TaskStats(fullMigrationProgress: progress, offset: offset), at: time.addingTimeInterval(second))
    }

    @Test func waitUntilInSyncEndsOnlyAfterThePolls() {
        var waiter = TaskWaiter(specs: ["orders"], goal: .inSync)
        #expect(waiter.observe(snapshot("INCRMIGRATING"), at: time).verdict == .waiting)
        #expect(waiter.pollableTasks.map(\.id) == [Self.key])
        #expect(waiter.observe(stats(0, second: 10)).verdict == .waiting)
        #expect(waiter.observe(stats(0, second: 20)).verdict == .waiting)
        // A failed call in between: stale, not in sync, but it breaks nothing.
        #expect(waiter.observe(.statsFailed(Self.key, message: "HTTP 500", at: time.addingTimeInterval(25))).verdict == .waiting)
        let third = waiter.observe(stats(0, second: 30))
        #expect(third.verdict == .allSucceeded)
        #expect(third.verdict.exitStatus == 0)
        #expect(third.lines == ["2026-01-01T00:00:30Z  prod  orders (id-a)  in sync (INCRMIGRATING, offset 0, progress 100%)"])
        // A snapshot afterwards agrees: still in sync.
        #expect(waiter.observe(snapshot("INCRMIGRATING"), at: time).verdict == .allSucceeded)
    }

    @Test func waitUntilDoneIgnoresInSyncButPrintsTheChange() {
        var waiter = TaskWaiter(specs: ["id-a"], thresholds: SyncThresholds(lagThreshold: 0, polls: 1))
        _ = waiter.observe(snapshot("MIGRATING"), at: time)
        let step = waiter.observe(stats(0, second: 10))
        #expect(step.verdict == .waiting)
        #expect(step.lines.count == 1)
        #expect(waiter.observe(snapshot("SUCCESS"), at: time).verdict == .allSucceeded)
    }

    @Test func waitUntilInSyncFailsWhenTheTaskStopsAndCountsAFullOnlySuccess() {
        var stopped = TaskWaiter(specs: ["id-a"], goal: .inSync)
        _ = stopped.observe(snapshot("INCRMIGRATING"), at: time)
        #expect(stopped.observe(snapshot("TERMINATED"), at: time).verdict.exitStatus == 1)
        var fullOnly = TaskWaiter(specs: ["id-a"], goal: .inSync)
        _ = fullOnly.observe(snapshot("MIGRATING", method: "full_amount_migration"), at: time)
        #expect(fullOnly.observe(stats(nil, second: 10)).verdict == .waiting)
        #expect(fullOnly.observe(snapshot("SUCCESS", method: "full_amount_migration"), at: time).verdict == .allSucceeded)
    }

    @Test func ndjsonOfASyncEventCarriesOffsetAndProgress() throws {
        let event = TaskEvent(
            time: time, key: Self.key, name: "orders",
            kind: .sync(.restarted, status: TaskStatus(raw: "FULLMIGRATING"), offset: nil, progress: 5))
        #expect(
            try event.jsonLine()
                == #"{"error_message":null,"event":"restarted","name":"orders","offset":null,"old_status":null,"progress":5,"status":"FULLMIGRATING","status_category":"running","target":"prod","task_id":"id-a","time":"2026-01-01T00:00:00Z"}"#
        )
        #expect(event.textLine() == "2026-01-01T00:00:00Z  prod  orders (id-a)  restarted (FULLMIGRATING, offset -, progress 5%)")
        let status = TaskEvent(
            time: time, key: Self.key, name: "orders", kind: .statusChanged(from: TaskStatus(raw: "A"), to: TaskStatus(raw: "B")))
        #expect(!(try status.jsonLine()).contains("offset"))
    }

    @Test func notificationsForSyncChanges() {
        func event(_ change: SyncChange, _ name: String = "orders") -> TaskEvent {
            TaskEvent(
                time: time, key: Self.key, name: name,
                kind: .sync(change, status: TaskStatus(raw: "MIGRATING"), offset: 0, progress: 100))
        }
        let policy = NotificationPolicy(mode: .on)
        #expect(
            policy.alerts(for: [event(.inSync)]) == [
                TaskAlert(title: "dcswatch: in sync", body: "orders (prod)", bell: true, desktop: true)
            ])
        #expect(policy.alerts(for: [event(.restarted)]).first?.title == "dcswatch: restarted")
        // Falling behind rings only when asked for.
        #expect(policy.alerts(for: [event(.fellBehind)]).isEmpty)
        let asked = NotificationPolicy(mode: .bell, syncChanges: [.fellBehind])
        #expect(asked.alerts(for: [event(.fellBehind)]).first?.title == "dcswatch: fell behind")
        let merged = policy.alerts(for: [event(.inSync, "a"), event(.inSync, "b"), event(.restarted, "c")])
        #expect(
            merged == [TaskAlert(title: "dcswatch: 3 task changes", body: "1 restarted, 2 in sync", bell: true, desktop: true)])
    }

    @Test func configReadsSyncKeysAndSyncChangesInNotifyOn() throws {
        let files = [
            "/c.json": #"{"sync_lag_threshold": 500, "sync_polls": 5, "notify_on": ["failed", "IN_SYNC", "fell_behind"]}"#
        ]
        let config = try ConfigTestKit.loader(files: files).load(configPath: "/c.json")
        #expect(config.syncLagThreshold == 500)
        #expect(config.syncPolls == 5)
        #expect(config.notifyOn == [.failed])
        #expect(config.notifyOnSync == [.inSync, .fellBehind])
        let cases: [(String, String)] = [
            (#"{"sync_lag_threshold": -1}"#, "at least 0"),
            (#"{"sync_lag_threshold": "10"}"#, "at least 0"),
            (#"{"sync_polls": 0}"#, "from 1 to 100"),
            (#"{"sync_polls": 2.5}"#, "from 1 to 100"),
            (#"{"notify_on": ["caught_up"]}"#, "in_sync, fell_behind, restarted"),
        ]
        for (text, expected) in cases {
            let message = ConfigTestKit.message {
                _ = try ConfigTestKit.loader(files: ["/c.json": text]).load(configPath: "/c.json")
            }
            #expect(message?.contains(expected) == true, "\(text): \(message ?? "no error")")
        }
    }

    @Test func showTellsWhatOneAnswerCan() throws {
        let task = WatchedTask(
            target: "prod",
            task: MigrationTask(
                taskID: "t-1", status: "INCRMIGEATING", migrationType: "online_migration",
                migrationMethod: "incremental_migration"))
        let report = TaskReport(
            task: task, detail: .success(TaskDetail(task: task.task, taskStatus: "ROLLBACK_SUCCESS")),
            stats: .success(TaskStats(fullMigrationProgress: 100, offset: 0, sourceDBSize: 1_000, targetDBSize: 990)),
            logs: .success(.notOffered))
        let lines = report.tableText().split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("  task_status ") && $0.hasSuffix(" ROLLBACK_SUCCESS (IP switch rolled back)") })
        #expect(lines.contains("Sync"))
        #expect(
            lines.contains {
                $0.hasPrefix("  state ") && $0.contains("catching up (this answer is at the threshold; in sync needs 3 in a row")
            })
        #expect(lines.contains { $0.hasPrefix("  phase ") && $0.hasSuffix(" incremental") })
        #expect(lines.contains { $0.hasPrefix("  key_difference ") && $0.hasSuffix(" 10 (source - target)") })
        let json = try report.json()
        #expect(json.contains(#""at_threshold" : true"#))
        #expect(json.contains(#""state" : "catching up""#))
        // An unknown task_status is shown raw.
        #expect(DetailTaskStatus.describe("SWITCHING_DNS") == "SWITCHING_DNS")
    }
}
