import DCSKit
import DCSTestSupport
import Foundation
import Testing

@Suite("TaskMonitor")
struct TaskMonitorTests {
    let clock = ManualClock()
    let ticker = ManualTicker()
    let recorder = MonitorEventRecorder()

    func makeMonitor(_ targets: [MonitoredTarget], interval: TimeInterval = 5) -> TaskMonitor {
        TaskMonitor(
            targets: targets, ticker: ticker, interval: interval, backoff: RefreshBackoff(cap: 40), now: clock.now,
            publish: recorder.publish)
    }

    @Test func startFetchesAtOnceAndPublishesTasks() async throws {
        let stub = StubTaskListing()
        let monitor = makeMonitor([MonitoredTarget(name: "prod", listing: stub)])
        monitor.start()
        await stub.waitForCalls(1)
        await stub.answer(tasks: [MigrationTask(taskID: "a", status: "MIGRATING")])
        let event = try #require(await recorder.nextResult())
        guard case .refreshed(let target, let snapshot, let diff) = event else {
            Issue.record("expected refreshed, got \(event)")
            return
        }
        #expect(target == "prod")
        #expect(snapshot.targets.first?.tasks.map(\.taskID) == ["a"])
        #expect(snapshot.targets.first?.fetchedAt == clock.date)
        #expect(diff.isEmpty, "the first listing is the baseline, not news")
        #expect(ticker.interval == 5)
        monitor.stop()
    }

    @Test func laterListingReportsNewTasks() async throws {
        let stub = StubTaskListing()
        let monitor = makeMonitor([MonitoredTarget(name: "prod", listing: stub)])
        monitor.start()
        await stub.waitForCalls(1)
        await stub.answer(tasks: [])
        _ = try #require(await recorder.nextResult())
        ticker.fire()
        await stub.waitForCalls(2)
        await stub.answer(tasks: [MigrationTask(taskID: "a", status: "MIGRATING")])
        let event = try #require(await recorder.nextResult())
        guard case .refreshed(_, _, let diff) = event else {
            Issue.record("expected refreshed, got \(event)")
            return
        }
        // An empty project that gains its first task: that task is news.
        #expect(diff.added.map(\.task.taskID) == ["a"])
        monitor.stop()
    }

    @Test func overlappingTickIsDroppedNotQueued() async throws {
        let stub = StubTaskListing()
        let monitor = makeMonitor([MonitoredTarget(name: "prod", listing: stub)])
        monitor.start()
        await stub.waitForCalls(1)
        ticker.fire()
        ticker.fire()
        #expect(monitor.droppedTickCount == 2)
        await stub.answer(tasks: [])
        _ = await recorder.nextResult()
        #expect(await stub.callCount == 1)
        #expect(await stub.waitingCount == 0)
        // Once idle, the next tick fetches again.
        clock.advance(by: 5)
        ticker.fire()
        await stub.waitForCalls(2)
        #expect(await stub.callCount == 2)
        monitor.stop()
    }

    @Test func failureKeepsLastGoodTasksAndReportsMessage() async throws {
        let stub = StubTaskListing()
        let monitor = makeMonitor([MonitoredTarget(name: "prod", listing: stub)])
        monitor.start()
        await stub.waitForCalls(1)
        await stub.answer(tasks: [MigrationTask(taskID: "a"), MigrationTask(taskID: "b")])
        _ = await recorder.nextResult()
        let goodAt = clock.date
        clock.advance(by: 5)
        ticker.fire()
        await stub.waitForCalls(2)
        await stub.answer(.failure(StubFailure("DCS API unreachable: check the network")))
        let event = try #require(await recorder.nextResult())
        guard case .failed(_, let snapshot, let failure) = event else {
            Issue.record("expected failed, got \(event)")
            return
        }
        #expect(failure.message == "DCS API unreachable: check the network")
        #expect(failure.since == clock.date)
        #expect(snapshot.targets[0].tasks.map(\.taskID) == ["a", "b"])
        #expect(snapshot.targets[0].fetchedAt == goodAt)
        monitor.stop()
    }

    @Test func failingTargetBacksOffThenRecovers() async throws {
        let stub = StubTaskListing()
        let monitor = makeMonitor([MonitoredTarget(name: "prod", listing: stub)])
        monitor.start()
        var calls = 1
        // Failures 1, 2, 3, 4 wait 5, 10, 20, 40 (cap) seconds.
        for expectedDelay in [5.0, 10, 20, 40, 40] as [TimeInterval] {
            await stub.waitForCalls(calls)
            await stub.answer(.failure(StubFailure("down")))
            guard case .failed(_, _, let failure)? = await recorder.nextResult() else {
                Issue.record("expected a failure event")
                return
            }
            #expect(failure.nextAttemptAt.timeIntervalSince(clock.date) == expectedDelay)
            // Ticks before the retry is due fetch nothing.
            var waited: TimeInterval = 0
            while waited + 5 < expectedDelay {
                clock.advance(by: 5)
                waited += 5
                ticker.fire()
                #expect(await stub.callCount == calls)
            }
            clock.advance(by: expectedDelay - waited)
            ticker.fire()
            calls += 1
        }
        await stub.waitForCalls(calls)
        await stub.answer(tasks: [MigrationTask(taskID: "x")])
        guard case .refreshed(_, let snapshot, _)? = await recorder.nextResult() else {
            Issue.record("expected recovery")
            return
        }
        #expect(snapshot.targets[0].failure == nil)
        // After recovery the normal interval applies again.
        clock.advance(by: 5)
        ticker.fire()
        await stub.waitForCalls(calls + 1)
        monitor.stop()
    }

    @Test func refreshNowIgnoresBackoffAndPause() async throws {
        let stub = StubTaskListing()
        let monitor = makeMonitor([MonitoredTarget(name: "prod", listing: stub)])
        monitor.start()
        await stub.waitForCalls(1)
        await stub.answer(.failure(StubFailure("down")))
        _ = await recorder.nextResult()
        monitor.setPaused(true)
        clock.advance(by: 100)
        ticker.fire()
        #expect(await stub.callCount == 1)
        monitor.refreshNow()
        await stub.waitForCalls(2)
        #expect(await stub.callCount == 2)
        monitor.stop()
    }

    @Test func hungTargetDoesNotDelayAnother() async throws {
        let slow = StubTaskListing()
        let fast = StubTaskListing()
        let monitor = makeMonitor([
            MonitoredTarget(name: "slow", listing: slow), MonitoredTarget(name: "fast", listing: fast),
        ])
        monitor.start()
        await fast.waitForCalls(1)
        await fast.answer(tasks: [MigrationTask(taskID: "f")])
        guard case .refreshed(let target, let snapshot, _)? = await recorder.nextResult() else {
            Issue.record("expected the fast target's result")
            return
        }
        #expect(target == "fast")
        #expect(snapshot.targets.map(\.name) == ["slow", "fast"])
        #expect(snapshot.targets[0].isFetching)
        #expect(snapshot.isFetching)
        clock.advance(by: 5)
        ticker.fire()
        await fast.waitForCalls(2)
        #expect(await slow.callCount == 1)
        await slow.answer(tasks: [])
        await fast.answer(tasks: [])
        monitor.stop()
    }

    @Test func intervalChangeReachesTicker() async throws {
        let monitor = makeMonitor([MonitoredTarget(name: "p", listing: FixedTaskListing(tasks: []))])
        monitor.start()
        monitor.setInterval(0.01)
        _ = monitor.snapshot  // a sync point on the monitor's queue
        #expect(ticker.interval == TaskMonitor.minimumInterval)
        monitor.setInterval(30)
        _ = monitor.snapshot
        #expect(ticker.interval == 30)
        monitor.stop()
        #expect(ticker.stopped)
    }
}
