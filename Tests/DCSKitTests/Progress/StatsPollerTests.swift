import DCSKit
import DCSTestSupport
import Foundation
import Testing

/// Records insight events and lets a test wait for the n-th one.
final class InsightRecorder: Sendable {
    private let stream: AsyncStream<InsightEvent>
    private let continuation: AsyncStream<InsightEvent>.Continuation

    init() { (stream, continuation) = AsyncStream.makeStream(of: InsightEvent.self) }

    var publish: @Sendable (InsightEvent) -> Void {
        let continuation = self.continuation
        return { continuation.yield($0) }
    }

    func next() async -> InsightEvent? {
        var iterator = stream.makeAsyncIterator()
        return await iterator.next()
    }
}

@Suite("StatsPoller")
struct StatsPollerTests {
    let clock = ManualClock()
    let ticker = ManualTicker()
    let recorder = InsightRecorder()

    static func running(_ id: String, type: String = "online_migration", status: String = "MIGRATING") -> WatchedTask {
        WatchedTask(target: "prod", task: MigrationTask(taskID: id, status: status, migrationType: type))
    }

    func makePoller(_ source: StubInsightSource, maxInFlight: Int = 4) -> StatsPoller {
        StatsPoller(
            sources: ["prod": source], ticker: ticker, interval: 10, maxInFlight: maxInFlight,
            backoff: RefreshBackoff(cap: 80), now: clock.now, publish: recorder.publish)
    }

    @Test func pollsOnlyRunningOnlineTasks() async throws {
        let source = StubInsightSource()
        let poller = makePoller(source)
        poller.start()
        poller.setTasks([
            Self.running("a"), Self.running("b", type: "backupfile_import"), Self.running("c", status: "SUCCESS"),
            Self.running("d", status: "FULLMIGRATING"),
        ])
        await source.waitForCalls(2)
        poller.sync()
        #expect(await source.calls.sorted() == ["stats:a", "stats:d"])
        poller.stop()
    }

    @Test func neverMoreThanFourInFlightAndQueueDrains() async throws {
        let source = StubInsightSource()
        let poller = makePoller(source)
        poller.start()
        poller.setTasks((1...10).map { Self.running("t\($0)") })
        await source.waitForCalls(4)
        poller.sync()
        #expect(poller.inFlightCount == 4)
        #expect(poller.waitingCount == 6)
        #expect(await source.calls.count == 4)
        for answered in 1...10 {
            await source.waitForCalls(min(answered + 3, 10))
            await source.answerOldest()
            _ = await recorder.next()
        }
        poller.sync()
        #expect(poller.peakInFlight == 4)
        #expect(await source.calls.count == 10)
        #expect(poller.waitingCount == 0)
        poller.stop()
    }

    @Test func cadenceFollowsIntervalNotEveryTick() async throws {
        let source = StubInsightSource()
        let poller = makePoller(source)
        poller.start()
        poller.setTasks([Self.running("a")])
        await source.waitForCalls(1)
        await source.answerOldest()
        _ = await recorder.next()
        clock.advance(by: 3)
        ticker.fire()  // 3 s after the last call: not due
        poller.sync()
        #expect(await source.calls.count == 1)
        clock.advance(by: 7)
        ticker.fire()  // 10 s: due
        await source.waitForCalls(2)
        #expect(await source.calls == ["stats:a", "stats:a"])
        // A tick while the call is still in flight does not start a second one.
        clock.advance(by: 10)
        ticker.fire()
        poller.sync()
        #expect(poller.inFlightCount == 1)
        #expect(await source.calls.count == 2)
        poller.stop()
    }

    @Test func throttlingPausesEveryCallThenBacksOffLonger() async throws {
        let source = StubInsightSource()
        let poller = makePoller(source, maxInFlight: 1)
        poller.start()
        poller.setTasks([Self.running("a"), Self.running("b")])
        await source.waitForCalls(1)
        let throttled = APIError.http(status: 429, code: "APIGW.0308", message: "slow down", requestID: nil, host: "h")
        await source.answerOldest(error: throttled)
        let failure = await recorder.next()
        guard case .statsFailed(let key, _, _) = failure else {
            Issue.record("expected statsFailed, got \(String(describing: failure))")
            return
        }
        #expect(key.taskID == "a")
        poller.sync()
        // First throttle: one interval (10 s) of silence, although "b" is waiting.
        #expect(poller.throttledUntilDate == clock.date.addingTimeInterval(10))
        #expect(poller.waitingCount == 1)
        clock.advance(by: 5)
        ticker.fire()
        poller.sync()
        #expect(await source.calls.count == 1)
        clock.advance(by: 5)
        ticker.fire()
        await source.waitForCalls(2)
        #expect(await source.calls.last == "stats:b")
        // Throttled again: the pause doubles.
        await source.answerOldest(error: throttled)
        _ = await recorder.next()
        poller.sync()
        #expect(poller.throttledUntilDate == clock.date.addingTimeInterval(20))
        poller.stop()
    }

    @Test func onDemandDetailAndLogsGoFirst() async throws {
        let source = StubInsightSource()
        let poller = makePoller(source, maxInFlight: 1)
        poller.start()
        poller.setTasks([Self.running("a"), Self.running("b"), Self.running("c")])
        await source.waitForCalls(1)
        poller.requestDetail(Self.running("z", status: "FAILED"))
        poller.requestLogs(Self.running("z", status: "FAILED"))
        poller.sync()
        await source.answerOldest()
        await source.waitForCalls(2)
        await source.answerOldest()
        await source.waitForCalls(3)
        #expect(await source.calls == ["stats:a", "detail:z", "logs:z"])
        poller.stop()
    }

    @Test func prefetchWaitsBehindEverythingAndSelectingMovesItAhead() async throws {
        let source = StubInsightSource()
        let poller = makePoller(source, maxInFlight: 1)
        poller.start()
        poller.setTasks([Self.running("a"), Self.running("b")])
        await source.waitForCalls(1)
        // Ahead of the cursor: a failed online task (detail, stats once, logs) and an import (detail).
        poller.prefetch(Self.running("p", status: "FAILED"), logs: true)
        poller.prefetch(Self.running("q", type: "backupfile_import", status: "FAILED"), logs: false)
        // The user selects q before its prefetched detail ran: it moves ahead of p's calls.
        poller.requestDetail(Self.running("q", type: "backupfile_import", status: "FAILED"))
        poller.sync()
        for count in 2...6 {
            await source.answerOldest()
            await source.waitForCalls(count)
        }
        #expect(await source.calls == ["stats:a", "detail:q", "stats:b", "detail:p", "stats:p", "logs:p"])
        poller.stop()
    }

    @Test func detailOfAnUnpolledOnlineTaskAlsoFetchesItsStatsOnce() async throws {
        let source = StubInsightSource()
        let poller = makePoller(source)
        poller.start()
        poller.requestDetail(Self.running("f", status: "FAILED"))
        poller.requestDetail(Self.running("i", type: "backupfile_import", status: "FAILED"))
        await source.waitForCalls(3)
        poller.sync()
        #expect(await source.calls.sorted() == ["detail:f", "detail:i", "stats:f"])
        // Not polled afterwards: a tick adds nothing.
        while await source.answerOldest() != nil {}
        clock.advance(by: 60)
        ticker.fire()
        poller.sync()
        #expect(await source.calls.count == 3)
        poller.stop()
    }

    @Test func pauseIgnoresTicksAndPollNowIgnoresTheCadence() async throws {
        let source = StubInsightSource()
        let poller = makePoller(source)
        poller.start()
        poller.setTasks([Self.running("a")])
        await source.waitForCalls(1)
        await source.answerOldest()
        _ = await recorder.next()
        poller.setPaused(true)
        clock.advance(by: 10)
        ticker.fire()
        poller.sync()
        #expect(await source.calls.count == 1)
        // Paused or not, `r` polls at once, 10 s or 1 s after the last call.
        poller.pollNow()
        await source.waitForCalls(2)
        await source.answerOldest()
        _ = await recorder.next()
        poller.setPaused(false)
        clock.advance(by: 1)
        ticker.fire()  // 1 s after the last call: not due
        poller.pollNow()
        await source.waitForCalls(3)
        #expect(await source.calls == ["stats:a", "stats:a", "stats:a"])
        poller.stop()
    }

    @Test func tasksThatStopRunningAreDropped() async throws {
        let source = StubInsightSource()
        let poller = makePoller(source, maxInFlight: 1)
        poller.start()
        poller.setTasks([Self.running("a"), Self.running("b")])
        await source.waitForCalls(1)
        poller.setTasks([Self.running("a"), Self.running("b", status: "SUCCESS")])
        poller.sync()
        #expect(poller.waitingCount == 0)
        poller.stop()
    }

    @Test func aTaskScrolledOutAndBackWithinTheIntervalIsNotPolledAgainAtOnce() async throws {
        let source = StubInsightSource()
        let poller = makePoller(source)
        poller.start()
        poller.setTasks([Self.running("a")])
        await source.waitForCalls(1)
        await source.answerOldest()
        _ = await recorder.next()
        // Scrolled away and back 3 s later: "a" keeps its cadence, "b" (new on screen) is polled at once.
        poller.setTasks([Self.running("b")])
        await source.waitForCalls(2)
        await source.answerOldest()
        _ = await recorder.next()
        clock.advance(by: 3)
        poller.setTasks([Self.running("a"), Self.running("b")])
        poller.sync()
        #expect(await source.calls == ["stats:a", "stats:b"])
        #expect(poller.polledTasks.map(\.taskID) == ["a", "b"])
        // Back after more than an interval: due at once.
        poller.setTasks([])
        clock.advance(by: 11)
        poller.setTasks([Self.running("a")])
        await source.waitForCalls(3)
        #expect(await source.calls == ["stats:a", "stats:b", "stats:a"])
        poller.stop()
    }

    @Test func ticksPollOnlyTheTasksOfTheLastSet() async throws {
        let source = StubInsightSource()
        let poller = makePoller(source)
        poller.start()
        poller.setTasks([Self.running("a"), Self.running("b")])
        await source.waitForCalls(2)
        for _ in 0..<2 {
            await source.answerOldest()
            _ = await recorder.next()
        }
        poller.setTasks([Self.running("b")])
        clock.advance(by: 10)
        ticker.fire()
        await source.waitForCalls(3)
        poller.sync()
        #expect(await source.calls.sorted() == ["stats:a", "stats:b", "stats:b"])
        poller.stop()
    }
}
