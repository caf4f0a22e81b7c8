import DCSKit
import DCSSimulator
import DCSTestSupport
import Foundation
import Testing

/// The controls the issue 6 benchmarks need: a frozen scenario and a status override.
@Suite struct BenchmarkControlTests {
    typealias Kit = SimulatorTestKit

    static func list(_ router: SimulatorRouter, _ clock: ManualClock, query: String = "limit=1000") async throws
        -> [JSONValue]
    {
        let request = Kit.signedGET("/v2/\(Kit.projectID)/migration-tasks", query: query, date: clock.date)
        let response = await router.handle(request)
        #expect(response.status == 200)
        return try Kit.json(response)["migration_tasks"].arrayValue ?? []
    }

    @Test func speedZeroFreezesEveryTask() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock, tasks: 60, speed: 0)
        let before = try await Self.list(router, clock)
        clock.advance(by: 6 * 3600)
        let after = try await Self.list(router, clock)
        #expect(before.count == 60)
        #expect(before == after)
    }

    @Test func statusOverrideShowsInListAndDetailUntilDeleted() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock, tasks: 20, speed: 0)
        let first = try #require(try await Self.list(router, clock).first)
        let id = try #require(first["task_id"].lenientString)
        let original = first["status"]
        let control = URL(string: "http://127.0.0.1:1/_sim/tasks/\(id)/status")!
        let set = await router.handle(HTTPRequest(method: "POST", url: control, body: Data(#"{"status":"FAILED"}"#.utf8)))
        #expect(set.status == 200)
        #expect(try await Self.list(router, clock).first?["status"] == .string("FAILED"))
        let detail = await router.handle(Kit.signedGET("/v2/\(Kit.projectID)/migration-task/\(id)", date: clock.date))
        #expect(try Kit.json(detail)["status"] == .string("FAILED"))
        _ = await router.handle(HTTPRequest(method: "DELETE", url: control))
        #expect(try await Self.list(router, clock).first?["status"] == original)
    }

    @Test func statusOverrideRejectsUnknownTasksAndEmptyBodies() async {
        let router = Kit.router(tasks: 5, speed: 0)
        let unknown = URL(string: "http://127.0.0.1:1/_sim/tasks/no-such-task/status")!
        let missing = await router.handle(HTTPRequest(method: "POST", url: unknown, body: Data(#"{"status":"FAILED"}"#.utf8)))
        #expect(missing.status == 404)
        let id = router.scenario.tasks[0].id
        let control = URL(string: "http://127.0.0.1:1/_sim/tasks/\(id)/status")!
        let empty = await router.handle(HTTPRequest(method: "POST", url: control, body: Data("{}".utf8)))
        #expect(empty.status == 400)
    }
}
