import DCSKit
import DCSTestSupport
import Foundation
import Testing

@Suite struct ClientPagingTests {
    @Test(arguments: [1, 7, 1000])
    func listsAll2500TasksInOrderWithAnyPageSize(pageSize: Int) async throws {
        let script = TaskPageScript.numbered(2500)
        let server = try ScriptedHTTPServer { script.reply($0) }
        defer { server.stop() }
        let collection = try await ClientTestKit.client(server, pageSize: pageSize, maxPages: 3000).listAllTasks()

        #expect(collection.tasks.count == 2500)
        #expect(collection.tasks.first?.taskID == "task-00001")
        #expect(collection.tasks.last?.taskID == "task-02500")
        #expect(Set(collection.tasks.map(\.taskID)).count == 2500)
        let requests = server.requests
        // Stops when count is reached by a page that is not full; after a full last page, one more
        // request shows that count did not under-report.
        #expect(requests.count == (2500 + pageSize - 1) / pageSize + (2500 % pageSize == 0 ? 1 : 0))
        #expect(requests.map { Int($0.query["offset"] ?? "") ?? -1 }.sorted() == (0..<requests.count).map { $0 * pageSize })
        #expect(requests.allSatisfy { $0.query["limit"] == String(pageSize) && $0.path == "/v2/proj-1/migration-tasks" })
    }

    @Test func shrinkingCountEndsTheListingAtAPageThatIsNotFull() async throws {
        let tasks = TaskPageScript.numbered(5).tasks
        let server = try ScriptedHTTPServer { request in
            let offset = Int(request.query["offset"] ?? "0") ?? 0
            // The first page says 10 tasks; by the second page, tasks were deleted: 5 left, count 5.
            return .json(200, TaskPageScript.body(tasks, offset: offset, limit: 3, count: offset == 0 ? 10 : 5))
        }
        defer { server.stop() }
        let collection = try await ClientTestKit.client(server, pageSize: 3, pageConcurrency: 1).listAllTasks()
        #expect(collection.tasks.map(\.taskID) == (1...5).map { String(format: "task-%05d", $0) })
        #expect(server.requests.count == 2)
    }

    @Test func countOfTheCurrentPageDecidesTheEndOfAPageThatIsNotFull() async throws {
        let tasks = TaskPageScript.numbered(9).tasks
        let server = try ScriptedHTTPServer { request in
            let offset = Int(request.query["offset"] ?? "0") ?? 0
            return .json(200, TaskPageScript.body(tasks, offset: offset, limit: 4, count: offset == 0 ? 20 : 9))
        }
        defer { server.stop() }
        // Pages 0, 4, 8: the third holds one task and count (9 by then) is reached.
        let collection = try await ClientTestKit.client(server, pageSize: 4, pageConcurrency: 1).listAllTasks()
        #expect(collection.tasks.count == 9)
        #expect(server.requests.count == 3)
    }

    @Test func duplicatesAcrossPagesAreRemoved() async throws {
        let original = TaskPageScript.numbered(6).tasks
        let inserted = #"{"task_id":"task-new","task_name":"new","status":"MIGRATING"}"#
        let server = try ScriptedHTTPServer { request in
            let offset = Int(request.query["offset"] ?? "0") ?? 0
            // After the first page a task is created at the head: everything shifts by one.
            let items = offset == 0 ? original : [inserted] + original
            return .json(200, TaskPageScript.body(items, offset: offset, limit: 3))
        }
        defer { server.stop() }
        let collection = try await ClientTestKit.client(server, pageSize: 3).listAllTasks()
        let ids = collection.tasks.map(\.taskID)
        #expect(ids.count == Set(ids).count)
        #expect(ids == ["task-00001", "task-00002", "task-00003", "task-00004", "task-00005", "task-00006"])
    }

    @Test func emptyPageEndsTheListing() async throws {
        let tasks = TaskPageScript.numbered(3).tasks
        let server = try ScriptedHTTPServer { request in
            let offset = Int(request.query["offset"] ?? "0") ?? 0
            return .json(
                200,
                offset == 0 ? TaskPageScript.body(tasks, offset: 0, limit: 3, count: 50) : #"{"count":50,"migration_tasks":[]}"#)
        }
        defer { server.stop() }
        let collection = try await ClientTestKit.client(server, pageSize: 3, pageConcurrency: 1).listAllTasks()
        #expect(collection.tasks.count == 3)
        #expect(server.requests.count == 2)
    }

    @Test func pageCapStopsAnEndlessListing() async throws {
        let server = try ScriptedHTTPServer { request in
            let offset = Int(request.query["offset"] ?? "0") ?? 0
            return .json(200, #"{"count":1000000,"migration_tasks":[{"task_id":"t\#(offset)"}]}"#)
        }
        defer { server.stop() }
        let error = await ClientTestKit.apiError {
            try await ClientTestKit.client(server, pageSize: 1, maxPages: 5).listAllTasks()
        }
        #expect(error == .pageCapExceeded(pages: 5, pageSize: 1, host: "127.0.0.1:\(server.port)"))
        #expect(error?.userMessage.contains("page_size") == true)
        #expect(server.requests.count == 5)
    }

    @Test func oddItemsAreReportedWithTheirPositionAndTheRestKept() async throws {
        let server = try ScriptedHTTPServer { request in
            let offset = Int(request.query["offset"] ?? "0") ?? 0
            let page = offset == 0 ? #"[{"task_id":"a"},{"task_id":"b"}]"# : (offset == 2 ? #"[7,{"task_id":"c"}]"# : "[]")
            return .json(200, #"{"count":4,"migration_tasks":\#(page)}"#)
        }
        defer { server.stop() }
        let collection = try await ClientTestKit.client(server, pageSize: 2).listAllTasks()
        #expect(collection.tasks.map(\.taskID) == ["a", "b", "c"])
        #expect(collection.issues.map(\.index) == [2])
    }

    @Test func nameFilterIsSentEncoded() async throws {
        let server = try ScriptedHTTPServer { _ in .json(200, #"{"count":0,"migration_tasks":[]}"#) }
        defer { server.stop() }
        _ = try await ClientTestKit.client(server).listPage(offset: 0, limit: 10, name: "a b*c")
        #expect(server.requests.first?.target == "/v2/proj-1/migration-tasks?limit=10&name=a%20b%2Ac&offset=0")
    }
}
