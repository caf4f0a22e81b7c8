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

    static func server(_ items: Items, pageSize: Int) throws -> ScriptedHTTPServer {
        try ScriptedHTTPServer { request in
            let offset = Int(request.query["offset"] ?? "0") ?? 0
            return .json(200, TaskPageScript.body(items.current, offset: offset, limit: pageSize))
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
}
