import DCSKit
import DCSSimulator
import DCSTestSupport
import Foundation
import Testing

@Suite("Router calls")
struct RouterCallsTests {
    typealias Kit = SimulatorTestKit

    @Test func pagingReturnsEveryTaskOnceWithTheTotalCount() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock, tasks: 23)
        let items = try await Kit.listAll(router, clock: clock, limit: 10)
        let ids = items.compactMap { $0["task_id"].lenientString }
        #expect(ids.count == 23)
        #expect(Set(ids).count == 23)
        #expect(Set(ids) == Set(router.snapshots().map(\.task.id)))
        let last = await router.handle(Kit.signedGET(Kit.listPath(), query: "limit=10&offset=20", date: clock.date))
        #expect(try Kit.json(last)["migration_tasks"].arrayValue?.count == 3)
        #expect(try Kit.json(last)["count"].lenientInt == 23)
    }

    @Test func defaultLimitIsTen() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock)
        let response = await router.handle(Kit.signedGET(Kit.listPath(), date: clock.date))
        #expect(try Kit.json(response)["migration_tasks"].arrayValue?.count == 10)
    }

    @Test(arguments: ["limit=0", "limit=1001", "limit=-1", "limit=ten", "offset=-1", "offset=x"])
    func invalidPagingIsA400(query: String) async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock)
        let response = await router.handle(Kit.signedGET(Kit.listPath(), query: query, date: clock.date))
        #expect(response.status == 400)
        #expect(try Kit.json(response)["error_code"].lenientString == "DCS.4800")
    }

    @Test func limitBoundsAreAccepted() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock)
        for query in ["limit=1", "limit=1000"] {
            let response = await router.handle(Kit.signedGET(Kit.listPath(), query: query, date: clock.date))
            #expect(response.status == 200)
        }
    }

    @Test func nameFilterMatchesSubstringsIgnoringCase() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock)
        let target = try #require(
            router.snapshots().first { $0.task.name.count > 6 && $0.task.name.allSatisfy(\.isASCII) })
        let fragment = String(target.task.name.dropFirst(2).prefix(4)).uppercased()
        let expected = router.snapshots().filter { $0.task.name.lowercased().contains(fragment.lowercased()) }.map(
            \.task.id)
        let encoded = PercentEncoding.encode(fragment)
        let response = await router.handle(
            Kit.signedGET(Kit.listPath(), query: "limit=1000&name=\(encoded)", date: clock.date))
        let ids = try Kit.json(response)["migration_tasks"].arrayValue?.compactMap { $0["task_id"].lenientString } ?? []
        #expect(ids == expected)
        #expect(ids.contains(target.task.id))
    }

    @Test func nameFilterTakesCJKNames() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock, tasks: 80)
        let target = try #require(
            router.snapshots().first { $0.task.name.unicodeScalars.contains { $0.value > 0x2E80 } })
        let response = await router.handle(
            Kit.signedGET(Kit.listPath(), query: "name=\(PercentEncoding.encode(target.task.name))", date: clock.date))
        let names =
            try Kit.json(response)["migration_tasks"].arrayValue?.compactMap { $0["task_name"].lenientString } ?? []
        #expect(names == [target.task.name])
    }

    @Test func detailCarriesInstancesWithPasswords() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock)
        let task = try #require(router.snapshots().first { $0.task.sourceInstance != nil })
        let response = await router.handle(
            Kit.signedGET("/v2/\(Kit.projectID)/migration-task/\(task.task.id)", date: clock.date))
        #expect(response.status == 200)
        let raw = String(decoding: response.body, as: UTF8.self)
        #expect(raw.contains("\"password\":\"\(task.task.targetInstance.password)\""))
        let body = try Kit.json(response)
        #expect(body["task_id"].lenientString == task.task.id)
        #expect(body["source_instance"]["password"].lenientString == task.task.sourceInstance?.password)
        #expect(body["target_instance"]["addrs"].lenientString == task.task.targetInstance.address)
        #expect(body["status"].lenientString == task.status)
    }

    @Test func statsFollowTheTask() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock)
        let task = try #require(router.snapshots().first { $0.status == "SUCCESS" })
        let response = await router.handle(
            Kit.signedGET("/v2/\(Kit.projectID)/migration-task/\(task.task.id)/stats", date: clock.date))
        let body = try Kit.json(response)
        #expect(body["full_migration_progress"].lenientString.flatMap(Double.init) == 100)
        #expect(body["source_dbsize"].lenientInt == Int(task.task.sourceKeys))
        #expect(body["target_dbsize"].lenientInt == Int(task.task.sourceKeys))
        #expect(body["is_migrating"] == .bool(false))
        #expect(body["offset"].lenientInt == 0)
    }

    @Test func logsPageAndFilterByLevel() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock)
        let failed = try #require(router.snapshots().first { $0.status == "FAILED" })
        let path = "/v2/\(Kit.projectID)/migration-task/\(failed.task.id)/logs"
        let all = try Kit.json(await router.handle(Kit.signedGET(path, query: "limit=100", date: clock.date)))
        let total = try #require(all["log_num"].lenientInt)
        #expect(total >= 3)
        let errors = try Kit.json(await router.handle(Kit.signedGET(path, query: "log_level=ERROR", date: clock.date)))
        let messages = errors["migration_logs"].arrayValue?.compactMap { $0["message"].lenientString } ?? []
        #expect(messages == [failed.task.failure?.message])
        let page = try Kit.json(await router.handle(Kit.signedGET(path, query: "limit=1&offset=1", date: clock.date)))
        #expect(page["migration_logs"].arrayValue?.count == 1)
    }

    @Test func unknownTaskIsA400WithDCS4133() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock)
        for suffix in ["", "/stats", "/logs"] {
            let response = await router.handle(
                Kit.signedGET("/v2/\(Kit.projectID)/migration-task/no-such-task\(suffix)", date: clock.date))
            #expect(response.status == 400)
            #expect(try Kit.json(response)["error_code"].lenientString == "DCS.4133")
        }
    }

    @Test func unknownPathIsA404WithDCS4001() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock)
        let response = await router.handle(Kit.signedGET("/v2/\(Kit.projectID)/instances", date: clock.date))
        #expect(response.status == 404)
        #expect(try Kit.json(response)["error_code"].lenientString == "DCS.4001")
        #expect(response.headers["X-Request-Id"] != nil)
    }

    @Test func listItemsDecodeWithDCSKitsModel() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock)
        let response = await router.handle(Kit.signedGET(Kit.listPath(), query: "limit=1000", date: clock.date))
        let body = try Kit.json(response)
        let items = try #require(body["migration_tasks"].arrayValue)
        #expect(items.count == router.snapshots().count)
        for item in items {
            #expect(item["task_id"].lenientString?.count == 36)
            #expect(
                [
                    "SUCCESS", "FAILED", "MIGRATING", "FULLMIGRATING", "INCRMIGRATING", "INCRMIGEATING", "TERMINATED",
                    "TERMINATING",
                ].contains(
                    item["status"].lenientString ?? ""))
            #expect(APITimestamp.parse(item["created_at"].lenientString ?? "") != nil)
        }
    }
}
