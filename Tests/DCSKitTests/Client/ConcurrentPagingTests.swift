import DCSKit
import DCSTestSupport
import Foundation
import Testing

/// Pages requested ahead (issue 6) give exactly what the sequential listing gives; count that
/// under-reports loses no task.
@Suite struct ConcurrentPagingTests {
    @Test(arguments: [1, 7, 1000])
    func concurrentPagingReturnsTheSequentialTasksInTheSameOrder(pageSize: Int) async throws {
        let script = TaskPageScript.numbered(2500)
        let server = try ScriptedHTTPServer { script.reply($0) }
        defer { server.stop() }
        let sequential = try await ClientTestKit.client(server, pageSize: pageSize, maxPages: 3000, pageConcurrency: 1)
            .listAllTasks()
        let concurrent = try await ClientTestKit.client(server, pageSize: pageSize, maxPages: 3000, pageConcurrency: 6)
            .listAllTasks()
        #expect(concurrent == sequential)
        #expect(concurrent.tasks.map(\.taskID) == (1...2500).map { String(format: "task-%05d", $0) })
    }

    @Test func rowsShiftedByAnInsertedTaskAreReadOnceWhenPagesRunAhead() async throws {
        let original = TaskPageScript.numbered(20).tasks
        let inserted = #"{"task_id":"task-new","task_name":"new","status":"MIGRATING"}"#
        let server = try ScriptedHTTPServer { request in
            let offset = Int(request.query["offset"] ?? "0") ?? 0
            // After the first page a task is created at the head: every later page repeats one row.
            let items = offset == 0 ? original : [inserted] + original
            return .json(200, TaskPageScript.body(items, offset: offset, limit: 4, count: offset == 0 ? 20 : 21))
        }
        defer { server.stop() }
        let sequential = try await ClientTestKit.client(server, pageSize: 4, pageConcurrency: 1).listAllTasks()
        let concurrent = try await ClientTestKit.client(server, pageSize: 4, pageConcurrency: 4).listAllTasks()
        #expect(concurrent == sequential)
        #expect(Array(concurrent.tasks.map(\.taskID).prefix(20)) == (1...20).map { String(format: "task-%05d", $0) })
    }

    @Test func anErrorHalfwayFailsTheListingAsSequentialPagingDoes() async throws {
        let script = TaskPageScript.numbered(50)
        let server = try ScriptedHTTPServer { request in
            if request.query["offset"] == "30" { return .dcsError(403, code: "DCS.2003", message: "no permission") }
            return script.reply(request)
        }
        defer { server.stop() }
        let sequential = await ClientTestKit.apiError {
            try await ClientTestKit.client(server, pageSize: 10, pageConcurrency: 1).listAllTasks()
        }
        let concurrent = await ClientTestKit.apiError {
            try await ClientTestKit.client(server, pageSize: 10, pageConcurrency: 4).listAllTasks()
        }
        #expect(sequential?.code == "DCS.2003")
        #expect(concurrent == sequential)
    }

    @Test func anErrorOnAPageTheListingNeverNeedsIsIgnored() async throws {
        let tasks = TaskPageScript.numbered(9).tasks
        let server = try ScriptedHTTPServer { request in
            let offset = Int(request.query["offset"] ?? "0") ?? 0
            switch offset {
            // Offset 3 repeats task 3, so the listing moves on to offset 5, never 6: that guess fails.
            case 3: return .json(200, TaskPageScript.body(tasks, offset: 2, limit: 3))
            case 6: return .dcsError(404, code: "DCS.4001", message: "no such page")
            default: return .json(200, TaskPageScript.body(tasks, offset: offset, limit: 3))
            }
        }
        defer { server.stop() }
        let collection = try await ClientTestKit.client(server, pageSize: 3, pageConcurrency: 3).listAllTasks()
        #expect(collection.tasks.map(\.taskID) == (1...9).map { String(format: "task-%05d", $0) })
    }

    @Test func retriesOfAPageAheadAreKept() async throws {
        let script = TaskPageScript.numbered(40)
        let attempts = Counter()
        let server = try ScriptedHTTPServer { request in
            if request.query["offset"] == "20", attempts.next() == 1 {
                return .dcsError(503, code: "DCS.5000", message: "busy")
            }
            return script.reply(request)
        }
        defer { server.stop() }
        let sleeper = SleepRecorder()
        let collection = try await ClientTestKit.client(server, pageSize: 10, pageConcurrency: 4, sleeper: sleeper)
            .listAllTasks()
        #expect(collection.tasks.count == 40)
        #expect(server.requests.filter { $0.query["offset"] == "20" }.count == 2)
    }

    /// The most requests a listing of `tasks` in pages of 10 had at once while a gate held offsets 10,
    /// 20 and 30 until all three had arrived (or 5 s passed).
    static func peakInFlight(tasks: Int, pageConcurrency: Int) async throws -> Int {
        let script = TaskPageScript.numbered(tasks)
        let gate = InFlightGate(waitingFor: ["10", "20", "30"])
        let server = try ScriptedHTTPServer { request in
            gate.arrive(request.query["offset"] ?? "")
            defer { gate.leave() }
            return script.reply(request)
        }
        defer { server.stop() }
        let collection = try await ClientTestKit.client(server, pageSize: 10, pageConcurrency: pageConcurrency)
            .listAllTasks()
        #expect(collection.tasks.count == tasks)
        return gate.maximum
    }

    @Test func pagesAfterTheFirstAreInFlightTogetherButNoMoreThanTheLimit() async throws {
        // Sequential paging would have had one request at a time (and waited out the gate).
        #expect(try await Self.peakInFlight(tasks: 100, pageConcurrency: 3) == 3)
    }

    @Test func aFirstListingAsksTheProbePastCountWithTheLastPages() async throws {
        // 30 tasks in pages of 10: the last page is full, so the listing asks offset 30 as well. With no
        // previous listing nothing can skip that probe, so it goes out beside pages 10 and 20 instead
        // of one round trip later.
        #expect(try await Self.peakInFlight(tasks: 30, pageConcurrency: 4) == 3)
    }

    @Test func cancellingTheListingCancelsThePagesInFlight() async throws {
        let script = TaskPageScript.numbered(100)
        let arrivals = AsyncStream<Void>.makeStream()
        let server = try ScriptedHTTPServer { request in
            guard request.query["offset"] != "0" else { return script.reply(request) }
            arrivals.continuation.yield()
            return .hang
        }
        defer { server.stop() }
        let client = ClientTestKit.client(server, pageSize: 10, pageConcurrency: 4, requestTimeout: 60)
        let listing = Task { try await client.listAllTasks() }
        var iterator = arrivals.stream.makeAsyncIterator()
        for _ in 0..<3 { await iterator.next() }
        let started = Date()
        listing.cancel()
        let result = await listing.result
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func countThatUnderReportsLosesNoTask() async throws {
        let tasks = TaskPageScript.numbered(25).tasks
        let server = try ScriptedHTTPServer { request in
            let offset = Int(request.query["offset"] ?? "0") ?? 0
            // The server says 10 but has 25 (`liecount:-15` in the simulator).
            return .json(200, TaskPageScript.body(tasks, offset: offset, limit: 5, count: 10))
        }
        defer { server.stop() }
        for concurrency in [1, 4] {
            let collection = try await ClientTestKit.client(server, pageSize: 5, pageConcurrency: concurrency).listAllTasks()
            #expect(collection.tasks.map(\.taskID) == (1...25).map { String(format: "task-%05d", $0) })
        }
    }

    @Test func aServerRepeatingItsLastPagePastCountEndsTheListing() async throws {
        let tasks = TaskPageScript.numbered(6).tasks
        let server = try ScriptedHTTPServer { request in
            let offset = Int(request.query["offset"] ?? "0") ?? 0
            // Past the end this server answers with the last full page again instead of an empty one.
            return .json(200, TaskPageScript.body(tasks, offset: min(offset, 3), limit: 3))
        }
        defer { server.stop() }
        let collection = try await ClientTestKit.client(server, pageSize: 3, maxPages: 50).listAllTasks()
        #expect(collection.tasks.count == 6)
        #expect(server.requests.count <= 6)
    }
}

/// Holds the requests for some offsets until all of them have arrived (or 5 s passed), and records
/// the most requests that were being served at once.
final class InFlightGate: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: Set<String>
    private var current = 0
    private var peak = 0

    init(waitingFor offsets: Set<String>) {
        waiting = offsets
    }

    /// A request for `offset` starts.
    func arrive(_ offset: String) {
        condition.lock()
        defer { condition.unlock() }
        current += 1
        peak = max(peak, current)
        guard waiting.contains(offset) else { return }
        waiting.remove(offset)
        condition.broadcast()
        let deadline = Date().addingTimeInterval(5)
        while !waiting.isEmpty, condition.wait(until: deadline) {}
    }

    /// A request ends.
    func leave() {
        condition.lock()
        current -= 1
        condition.unlock()
    }

    /// The most requests served at once.
    var maximum: Int {
        condition.lock()
        defer { condition.unlock() }
        return peak
    }
}
