import DCSKit
import Foundation
import Testing

@Suite("TaskWaiter")
struct TaskWaiterTests {
    let time = Date(timeIntervalSince1970: 1_767_225_600)

    func snapshot(_ tasks: [(String, String, String)], fetched: Bool = true) -> TaskSnapshot {
        TaskSnapshot(targets: [
            TargetSnapshot(
                name: "prod", tasks: tasks.map { MigrationTask(taskID: $0.0, name: $0.1, status: $0.2) },
                fetchedAt: fetched ? time : nil)
        ])
    }

    @Test func succeedsWhenEveryTaskSucceeded() {
        var waiter = TaskWaiter(specs: ["id-a", "orders  new x"])
        var step = waiter.observe(snapshot([("id-a", "a", "MIGRATING"), ("id-b", "orders  new x", "MIGRATING")]), at: time)
        #expect(step.verdict == .waiting)
        #expect(
            step.lines == [
                "2026-01-01T00:00:00Z  prod  a (id-a)  MIGRATING", "2026-01-01T00:00:00Z  prod  orders  new x (id-b)  MIGRATING",
            ])
        step = waiter.observe(snapshot([("id-a", "a", "SUCCESS"), ("id-b", "orders  new x", "MIGRATING")]), at: time)
        #expect(step.lines == ["2026-01-01T00:00:00Z  prod  a (id-a)  MIGRATING → SUCCESS"])
        #expect(step.verdict == .waiting)
        step = waiter.observe(snapshot([("id-a", "a", "SUCCESS"), ("id-b", "orders  new x", "MIGRATING")]), at: time)
        #expect(step.lines.isEmpty)
        step = waiter.observe(snapshot([("id-a", "a", "SUCCESS"), ("id-b", "orders  new x", "SUCCESS")]), at: time)
        #expect(step.verdict == .allSucceeded)
        #expect(step.verdict.exitStatus == 0)
    }

    @Test func failsAsSoonAsOneFailsOrStops() {
        var waiter = TaskWaiter(specs: ["x", "y"])
        _ = waiter.observe(snapshot([("x", "", "MIGRATING"), ("y", "", "MIGRATING")]), at: time)
        let step = waiter.observe(snapshot([("x", "", "MIGRATING"), ("y", "", "TERMINATED")]), at: time)
        #expect(step.verdict == .failed(TaskKey(target: "prod", taskID: "y")))
        #expect(step.verdict.exitStatus == 1)
        var failing = TaskWaiter(specs: ["x"])
        #expect(failing.observe(snapshot([("x", "", "FAILED")]), at: time).verdict.exitStatus == 1)
        // Stopping is not stopped yet.
        var stopping = TaskWaiter(specs: ["x"])
        #expect(stopping.observe(snapshot([("x", "", "TERMINATING")]), at: time).verdict == .waiting)
    }

    @Test func vanishedTaskFailsButAFailingTargetDoesNot() {
        var waiter = TaskWaiter(specs: ["x"])
        _ = waiter.observe(snapshot([("x", "", "MIGRATING")]), at: time)
        #expect(waiter.observe(snapshot([], fetched: false), at: time).verdict == .waiting)
        #expect(waiter.observe(snapshot([]), at: time).verdict.exitStatus == 1)
    }

    @Test func unknownOrAmbiguousNamesAreUsageErrors() {
        var waiter = TaskWaiter(specs: ["nope"])
        #expect(waiter.observe(snapshot([], fetched: false), at: time).verdict == .waiting)
        #expect(waiter.observe(snapshot([("a", "x", "MIGRATING")]), at: time).verdict.exitStatus == 2)
        var twice = TaskWaiter(specs: ["same"])
        #expect(
            twice.observe(snapshot([("a", "same", "MIGRATING"), ("b", "same", "MIGRATING")]), at: time).verdict.exitStatus == 2)
        // The id wins over a name.
        var byID = TaskWaiter(specs: ["b"])
        _ = byID.observe(snapshot([("a", "b", "MIGRATING"), ("b", "other", "SUCCESS")]), at: time)
        #expect(byID.resolvedKeys["b"]?.taskID == "b")
    }
}
