import DCSKit
import DCSTestSupport
import Foundation
import Testing

/// Issue 15: a listing has no more than 8 requests in flight, and once the API throttles it (429 or
/// `APIGW.0308`) it goes on with one, after the `Retry-After` it was told; counted by a real HTTP
/// server on 127.0.0.1.
@Suite struct ThrottledPagingTests {
    @Test func aThrottledListingGoesOnOneRequestAtATimeAfterRetryAfter() async throws {
        let script = TaskPageScript.numbered(200)
        let meter = ConcurrencyMeter(holdUntil: ClientOptions.maximumPageConcurrency)
        let server = try ScriptedHTTPServer { request in
            let offset = request.query["offset"] ?? ""
            guard offset != "0" else { return script.reply(request) }
            let throttles = meter.arrive()
            defer { meter.leave() }
            if throttles, offset == "10" {
                meter.markThrottled()
                return .json(
                    429, #"{"error_code":"APIGW.0308","error_msg":"over ratelimit","request_id":"r-429"}"#,
                    headers: [("Retry-After", "7")])
            }
            return script.reply(request)
        }
        defer { server.stop() }
        let sleeper = SleepRecorder()
        // More than the cap is asked for: the listing still sends no more than 8 at once.
        let client = ClientTestKit.client(server, pageSize: 10, pageConcurrency: 20, sleeper: sleeper)
        let collection = try await client.listAllTasks()
        #expect(collection.tasks.map(\.taskID) == (1...200).map { String(format: "task-%05d", $0) })
        #expect(meter.peakBefore == 8)
        #expect(meter.arrivalsAfter >= 5)
        #expect(meter.peakAfter == 1)
        #expect(sleeper.delays == [7])
    }

    @Test func pageConcurrencyIsClampedToEight() {
        #expect(ClientOptions(pageConcurrency: 20).pageConcurrency == 8)
        #expect(ClientOptions(pageConcurrency: 0).pageConcurrency == 1)
        #expect(ClientOptions(pageConcurrency: 6).pageConcurrency == 6)
    }
}

/// Counts the requests a server thread is answering at once, before a throttling answer and after
/// the requests in flight at that moment have all finished.
///
/// Before: the first `holdUntil` requests are held until that many are in (or 5 s passed), so the
/// peak shows what the client sends at once. After: each request is held up to 50 ms for a second
/// one, so a client sending two at once cannot slip through as one after the other.
final class ConcurrencyMeter: @unchecked Sendable {
    private let condition = NSCondition()
    private let holdUntil: Int
    private var current = 0
    private var throttled = false
    private var drained = false
    private var before = 0
    private var after = 0
    private var lateArrivals = 0

    /// The most requests at once before the throttling answer.
    var peakBefore: Int { condition.withLock { before } }
    /// The most requests at once after it, once the ones then in flight had finished.
    var peakAfter: Int { condition.withLock { after } }
    /// How many requests arrived in that second part.
    var arrivalsAfter: Int { condition.withLock { lateArrivals } }

    init(holdUntil: Int) {
        self.holdUntil = holdUntil
    }

    /// A request starts; true for the requests of the first wave (the one that is to be throttled).
    func arrive() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        current += 1
        condition.broadcast()
        if drained {
            lateArrivals += 1
            after = max(after, current)
            // A second request arriving meanwhile records the overlap itself.
            _ = condition.wait(until: Date().addingTimeInterval(0.05))
            return false
        }
        guard !throttled else { return false }
        before = max(before, current)
        let deadline = Date().addingTimeInterval(5)
        while before < holdUntil, condition.wait(until: deadline) { before = max(before, current) }
        return true
    }

    /// The throttling answer is being sent.
    func markThrottled() {
        condition.lock()
        throttled = true
        condition.unlock()
    }

    /// A request ends; once none is left after the throttling, the "after" count starts.
    func leave() {
        condition.lock()
        current -= 1
        if throttled, current == 0 { drained = true }
        condition.broadcast()
        condition.unlock()
    }
}
