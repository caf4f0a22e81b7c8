import DCSKit
import Testing

@Suite("SnapshotDiff")
struct SnapshotDiffTests {
    @Test func addedRemovedAndChangedKeepOldValues() {
        let old = TaskSnapshot(targets: [
            TargetSnapshot(
                name: "p",
                tasks: [
                    MigrationTask(taskID: "1", status: "MIGRATING"), MigrationTask(taskID: "2", status: "SUCCESS"),
                    MigrationTask(taskID: "3", name: "same"),
                ])
        ])
        let new = TaskSnapshot(targets: [
            TargetSnapshot(
                name: "p",
                tasks: [
                    MigrationTask(taskID: "1", status: "FAILED"), MigrationTask(taskID: "3", name: "same"),
                    MigrationTask(taskID: "4"),
                ])
        ])
        let diff = SnapshotDiff.between(old, new)
        #expect(diff.added.map(\.task.taskID) == ["4"])
        #expect(diff.removed.map(\.task.taskID) == ["2"])
        #expect(diff.changed.count == 1)
        #expect(diff.changed.first?.old.task.status.raw == "MIGRATING")
        #expect(diff.changed.first?.new.task.status.raw == "FAILED")
        #expect(diff.changed.first?.statusChanged == true)
    }

    @Test func sameIDOnTwoTargetsIsTwoTasks() {
        let old = TaskSnapshot(targets: [TargetSnapshot(name: "a", tasks: [MigrationTask(taskID: "1")])])
        let new = TaskSnapshot(targets: [
            TargetSnapshot(name: "a", tasks: [MigrationTask(taskID: "1")]),
            TargetSnapshot(name: "b", tasks: [MigrationTask(taskID: "1")]),
        ])
        let diff = SnapshotDiff.between(old, new)
        #expect(diff.added.map(\.target) == ["b"])
        #expect(diff.removed.isEmpty && diff.changed.isEmpty)
    }

    @Test func identicalSnapshotsGiveEmptyDiff() {
        let snapshot = TaskSnapshot(targets: [TargetSnapshot(name: "a", tasks: [MigrationTask(taskID: "1")])])
        #expect(SnapshotDiff.between(snapshot, snapshot).isEmpty)
    }

    @Test func backoffIsCappedExponential() {
        let backoff = RefreshBackoff(cap: 60)
        #expect(backoff.delay(afterFailures: 0, interval: 5) == 5)
        #expect(backoff.delay(afterFailures: 1, interval: 5) == 5)
        #expect(backoff.delay(afterFailures: 2, interval: 5) == 10)
        #expect(backoff.delay(afterFailures: 4, interval: 5) == 40)
        #expect(backoff.delay(afterFailures: 5, interval: 5) == 60)
        #expect(backoff.delay(afterFailures: 500, interval: 5) == 60)
        // An interval longer than the cap is never shortened.
        #expect(backoff.delay(afterFailures: 3, interval: 90) == 90)
    }
}
