import DCSKit
import DCSTestSupport
import Foundation
import Testing

/// Issue 6: pages whose bytes did not change are not decoded again; the result must always equal what
/// a client without any history returns for the same responses.
@Suite struct ListingCacheTests {
    /// A server whose task list can be swapped between listings.
    final class Items: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String]
        init(_ items: [String]) { self.items = items }
        var current: [String] {
            get { lock.withLock { items } }
            set { lock.withLock { items = newValue } }
        }
    }

    /// Serves `items` in pages of `pageSize`; `count` is their number unless given (an under-report).
    static func server(_ items: Items, pageSize: Int, count: Int? = nil) throws -> ScriptedHTTPServer {
        try ScriptedHTTPServer { request in
            let offset = Int(request.query["offset"] ?? "0") ?? 0
            return .json(200, TaskPageScript.body(items.current, offset: offset, limit: pageSize, count: count))
        }
    }

    /// Lists with a client that has seen `before`, and with a fresh one; both after the change.
    static func listAfterChange(from before: [String], to after: [String], pageSize: Int = 3) async throws
        -> (cached: TaskCollection, fresh: TaskCollection)
    {
        let items = Items(before)
        let server = try server(items, pageSize: pageSize)
        defer { server.stop() }
        let client = ClientTestKit.client(server, pageSize: pageSize)
        _ = try await client.listAllTasks()
        items.current = after
        let cached = try await client.listAllTasks()
        let fresh = try await ClientTestKit.client(server, pageSize: pageSize).listAllTasks()
        return (cached, fresh)
    }

    @Test func unchangedListingReturnsTheSameTasks() async throws {
        let tasks = TaskPageScript.numbered(8).tasks
        let (cached, fresh) = try await Self.listAfterChange(from: tasks, to: tasks)
        #expect(cached == fresh)
        #expect(cached.tasks.count == 8)
    }

    @Test func aChangedMiddlePageIsDecodedAndTheOthersKept() async throws {
        var tasks = TaskPageScript.numbered(8).tasks
        let before = tasks
        tasks[4] = #"{"task_id":"task-00005","task_name":"renamed","status":"FAILED"}"#
        let (cached, fresh) = try await Self.listAfterChange(from: before, to: tasks)
        #expect(cached == fresh)
        #expect(cached.tasks[4].name == "renamed")
        #expect(cached.tasks[4].status.category == .failed)
    }

    @Test func aChangedFirstPageKeepsLaterUnchangedPagesRight() async throws {
        var tasks = TaskPageScript.numbered(8).tasks
        let before = tasks
        tasks[0] = #"{"task_id":"task-00001","task_name":"first","status":"SUCCESS"}"#
        let (cached, fresh) = try await Self.listAfterChange(from: before, to: tasks)
        #expect(cached == fresh)
        #expect(cached.tasks.map(\.taskID) == fresh.tasks.map(\.taskID))
    }

    @Test func aShorterListEndsAtTheNewCount() async throws {
        let tasks = TaskPageScript.numbered(8).tasks
        let (cached, fresh) = try await Self.listAfterChange(from: tasks, to: Array(tasks.prefix(5)))
        #expect(cached == fresh)
        #expect(cached.tasks.count == 5)
    }

    @Test func duplicatesAcrossChangedPagesAreStillRemoved() async throws {
        let tasks = TaskPageScript.numbered(6).tasks
        // The second listing repeats task 2 on the second page: it must appear once.
        let after = [tasks[0], tasks[1], tasks[2], tasks[1], tasks[4], tasks[5]]
        let (cached, fresh) = try await Self.listAfterChange(from: tasks, to: after)
        #expect(cached == fresh)
        #expect(Set(cached.tasks.map(\.taskID)).count == cached.tasks.count)
    }

    // MARK: The request past `count` (issue 6: at exactly a multiple of the page size it was half the
    // requests of every refresh).

    /// Offsets of the list requests the server saw from `first` on.
    static func offsets(_ server: ScriptedHTTPServer, from first: Int) -> [Int] {
        server.requests.dropFirst(first).map { Int($0.query["offset"] ?? "-1") ?? -1 }
    }

    @Test func anUnchangedListingDoesNotRepeatAnEmptyProbePastCount() async throws {
        let items = Items(TaskPageScript.numbered(6).tasks)
        let server = try Self.server(items, pageSize: 3)
        defer { server.stop() }
        let client = ClientTestKit.client(server, pageSize: 3, pageConcurrency: 1)
        let first = try await client.listAllTasks()
        #expect(Self.offsets(server, from: 0) == [0, 3, 6])
        let second = try await client.listAllTasks()
        #expect(Self.offsets(server, from: 3) == [0, 3])
        #expect(second == first)
        #expect(second.tasks.count == 6)
    }

    @Test func theProbeIsAskedAgainOnceItIsOlderThanItsLifetime() async throws {
        let items = Items(TaskPageScript.numbered(6).tasks)
        let server = try Self.server(items, pageSize: 3)
        defer { server.stop() }
        let clock = SteppingClock()
        let client = ClientTestKit.client(server, pageSize: 3, pageConcurrency: 1, clock: clock)
        _ = try await client.listAllTasks()
        clock.advance(by: 31)
        _ = try await client.listAllTasks()
        #expect(Self.offsets(server, from: 3) == [0, 3, 6])
        // Asked again and still empty: believed for another lifetime.
        _ = try await client.listAllTasks()
        #expect(Self.offsets(server, from: 6) == [0, 3])
    }

    @Test func aChangedPageAsksTheProbeAgainAndFindsTasksBeyondAnUnderReportedCount() async throws {
        let items = Items(TaskPageScript.numbered(8).tasks)
        // The server says 6 while it holds 8 once the list changes (issue 7, `liecount`).
        let server = try Self.server(items, pageSize: 3, count: 6)
        defer { server.stop() }
        items.current = Array(TaskPageScript.numbered(6).tasks)
        let client = ClientTestKit.client(server, pageSize: 3, pageConcurrency: 1)
        #expect(try await client.listAllTasks().tasks.count == 6)
        var grown = TaskPageScript.numbered(8).tasks
        grown[4] = #"{"task_id":"task-00005","task_name":"changed","status":"SUCCESS"}"#
        items.current = grown
        let listed = try await client.listAllTasks()
        #expect(listed.tasks.map(\.taskID) == (1...8).map { String(format: "task-%05d", $0) })
        #expect(Self.offsets(server, from: 3).contains(6))
    }

    @Test func aProbeThatBroughtTasksIsAlwaysAskedAgain() async throws {
        let items = Items(TaskPageScript.numbered(8).tasks)
        let server = try Self.server(items, pageSize: 3, count: 6)
        defer { server.stop() }
        let client = ClientTestKit.client(server, pageSize: 3, pageConcurrency: 1)
        #expect(try await client.listAllTasks().tasks.count == 8)
        let before = server.requests.count
        #expect(try await client.listAllTasks().tasks.count == 8)
        #expect(Self.offsets(server, from: before) == [0, 3, 6])
    }

    @Test func aZeroLifetimeAlwaysAsksPastCount() async throws {
        let items = Items(TaskPageScript.numbered(6).tasks)
        let server = try Self.server(items, pageSize: 3)
        defer { server.stop() }
        let options = ClientOptions(pageSize: 3, pageConcurrency: 1, pastCountProbeReuse: 0)
        let client = DCSClient(
            target: ClientTestKit.target(server), transport: URLSessionTransport(), options: options,
            now: { Date(timeIntervalSince1970: 0) })
        _ = try await client.listAllTasks()
        _ = try await client.listAllTasks()
        #expect(Self.offsets(server, from: 0) == [0, 3, 6, 0, 3, 6])
    }
}
