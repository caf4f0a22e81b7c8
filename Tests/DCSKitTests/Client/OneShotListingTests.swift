import DCSTestSupport
import Foundation
import Testing

@testable import DCSKit

/// One-shot commands (`list`, `debug fetch`) list once: their clients keep no page digests, which
/// cost ~5 % of a 100,000-task fetch (issue 6), and list exactly what a remembering client lists.
@Suite struct OneShotListingTests {
    @Test func aOneShotClientKeepsNoListingAndListsTheSameTasks() async throws {
        let script = TaskPageScript.numbered(7)
        let server = try ScriptedHTTPServer { script.reply($0) }
        defer { server.stop() }
        let oneShot = ClientTestKit.client(server, pageSize: 3, remembersListings: false)
        let remembering = ClientTestKit.client(server, pageSize: 3)
        let once = try await oneShot.listAllTasks()
        let again = try await oneShot.listAllTasks()
        let kept = try await remembering.listAllTasks()
        #expect(oneShot.listingCache.previous == nil)
        #expect(remembering.listingCache.previous?.pages.count == 3)
        #expect(once == kept && again == kept)
        #expect(kept.tasks.map(\.taskID) == (1...7).map { String(format: "task-%05d", $0) })
    }
}

/// A `count` is the server's word, not a size to allocate: an absurd one must neither crash the client
/// (reserving room for 10^12 tasks) nor change what is listed.
@Suite struct AbsurdCountTests {
    @Test(arguments: [1_000_000_000_000, Int(Int64.max)])
    func anAbsurdCountListsWhatThePagesHold(count: Int) async throws {
        let items = TaskPageScript.numbered(5).tasks
        let server = try ScriptedHTTPServer { request in
            let offset = Int(request.query["offset"] ?? "0") ?? 0
            return .json(200, TaskPageScript.body(items, offset: offset, limit: 3, count: count))
        }
        defer { server.stop() }
        for remembers in [true, false] {
            let client = ClientTestKit.client(server, pageSize: 3, remembersListings: remembers)
            let listed = try await client.listAllTasks()
            #expect(listed.tasks.map(\.taskID) == (1...5).map { String(format: "task-%05d", $0) })
        }
    }
}
