import DCSKit
import Foundation
import Testing

@Suite("EventLog and notifications")
struct EventLogTests {
    let time = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    func snapshot(_ tasks: [MigrationTask], fetched: Bool = true) -> TaskSnapshot {
        TaskSnapshot(targets: [TargetSnapshot(name: "prod", tasks: tasks, fetchedAt: fetched ? time : nil)])
    }

    func task(_ id: String, _ status: String, error: String = "") -> MigrationTask {
        MigrationTask(taskID: id, name: "name-" + id, status: status, errorMessage: error)
    }

    @Test func firstRefreshIsTheBaseline() {
        var log = EventLog()
        let diff = SnapshotDiff.between(snapshot([], fetched: false), snapshot([task("a", "MIGRATING")]))
        #expect(log.record(target: "prod", diff: diff, at: time).isEmpty)
        #expect(log.hasBaseline("prod"))
    }

    @Test func scriptedSnapshotsGiveStatusChangesAdditionsAndRemovals() {
        var log = EventLog()
        let first = snapshot([task("a", "MIGRATING"), task("b", "MIGRATING"), task("c", "SUCCESS")])
        log.record(target: "prod", diff: SnapshotDiff.between(snapshot([], fetched: false), first), at: time)
        let second = snapshot([
            task("a", "FAILED", error: "source redis auth failed"), task("b", "MIGRATING"), task("d", "MIGRATING"),
        ])
        let events = log.record(target: "prod", diff: SnapshotDiff.between(first, second), at: time.addingTimeInterval(5))
        #expect(events.map(\.kind.name) == ["status", "added", "removed"])
        #expect(events.map(\.key.taskID) == ["a", "d", "c"])
        #expect(events[0].kind == .statusChanged(from: TaskStatus(raw: "MIGRATING"), to: TaskStatus(raw: "FAILED")))
        #expect(log.events.count == 3)
        // A change of another field (not the status) is not an event.
        var third = second
        third.targets[0].tasks[1].description = "edited"
        #expect(log.record(target: "prod", diff: SnapshotDiff.between(second, third), at: time).isEmpty)
    }

    @Test func textAndJSONLines() throws {
        let event = TaskEvent(
            time: time.addingTimeInterval(3_723), key: TaskKey(target: "prod", taskID: "id-1"), name: "orders\u{1B}[2J",
            kind: .statusChanged(from: TaskStatus(raw: "MIGRATING"), to: TaskStatus(raw: "FAILED")), errorMessage: "boom\n!")
        #expect(event.textLine() == "2026-01-01T01:02:03Z  prod  orders\u{FFFD} (id-1)  MIGRATING → FAILED: boom !")
        #expect(
            try event.jsonLine()
                == #"{"error_message":"boom\n!","event":"status","name":"orders\u001b[2J","old_status":"MIGRATING","status":"FAILED","status_category":"failed","target":"prod","task_id":"id-1","time":"2026-01-01T01:02:03Z"}"#
        )
        let added = TaskEvent(
            time: time, key: TaskKey(target: "t", taskID: "x"), name: "", kind: .added(TaskStatus(raw: "MIGRATING")))
        #expect(added.textLine() == "2026-01-01T00:00:00Z  t  - (x)  new MIGRATING")
        #expect(try added.jsonLine().contains(#""old_status":null"#))
    }

    @Test func logIsBounded() {
        var log = EventLog(capacity: 2)
        let empty = snapshot([])
        log.record(target: "prod", diff: SnapshotDiff(), at: time)
        let three = snapshot([task("a", "MIGRATING"), task("b", "MIGRATING"), task("c", "MIGRATING")])
        log.record(target: "prod", diff: SnapshotDiff.between(empty, three), at: time)
        #expect(log.events.map(\.key.taskID) == ["b", "c"])
        #expect(log.droppedCount == 1)
    }

    func change(_ id: String, _ from: String, _ to: String, error: String = "") -> TaskEvent {
        TaskEvent(
            time: time, key: TaskKey(target: "prod", taskID: id), name: "name-" + id,
            kind: .statusChanged(from: TaskStatus(raw: from), to: TaskStatus(raw: to)), errorMessage: error)
    }

    @Test func notificationPolicyPerModeAndCategory() {
        let failed = change("a", "MIGRATING", "FAILED", error: "target instance memory insufficient")
        let alerts = NotificationPolicy(mode: .on).alerts(for: [failed])
        #expect(
            alerts == [
                TaskAlert(
                    title: "dcswatch: FAILED", body: "name-a (prod): target instance memory insufficient", bell: true,
                    desktop: true)
            ])
        #expect(NotificationPolicy(mode: .bell).alerts(for: [failed]).first?.desktop == false)
        #expect(NotificationPolicy(mode: .off).alerts(for: [failed]).isEmpty)
        #expect(NotificationPolicy(mode: .on, categories: [.succeeded]).alerts(for: [failed]).isEmpty)
        // Running → running (FULLMIGRATING → MIGRATING) and a task first seen finished do not notify.
        let added = TaskEvent(
            time: time, key: TaskKey(target: "prod", taskID: "n"), name: "", kind: .added(TaskStatus(raw: "FAILED")))
        #expect(
            NotificationPolicy(mode: .on, categories: Set(StatusCategory.allCases)).alerts(for: [
                change("b", "FULLMIGRATING", "MIGRATING"), added,
            ]).isEmpty)
        // Several at once: one merged alert.
        let merged = NotificationPolicy(mode: .bell).alerts(for: [
            failed, change("c", "MIGRATING", "SUCCESS"), change("d", "MIGRATING", "FAILED"),
        ])
        #expect(
            merged == [TaskAlert(title: "dcswatch: 3 tasks finished", body: "1 SUCCESS, 2 FAILED", bell: true, desktop: false)])
    }

    @Test func durations() {
        #expect(DurationText.parse("90") == 90)
        #expect(DurationText.parse("30s") == 30)
        #expect(DurationText.parse("5m") == 300)
        #expect(DurationText.parse("2h") == 7_200)
        #expect(DurationText.parse("1.5h") == 5_400)
        for bad in ["", "0", "-5", "5d", "m", "ten", "1e3", "31000000"] { #expect(DurationText.parse(bad) == nil, "\(bad)") }
    }
}
