import DCSKit
import DCSSimulator
import DCSTestSupport
import Foundation
import Testing

@Suite("Router faults")
struct RouterFaultTests {
    typealias Kit = SimulatorTestKit

    private func list(_ router: SimulatorRouter, _ clock: ManualClock, query: String = "limit=10") async
        -> HTTPResponse
    {
        await router.handle(Kit.signedGET(Kit.listPath(), query: query, date: clock.date))
    }

    @Test func everyKthRequestFails() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock, faults: [try FaultRule.parse("500@every:3")])
        var responses: [HTTPResponse] = []
        for _ in 0..<7 { responses.append(await list(router, clock)) }
        #expect(responses.map(\.status) == [200, 200, 500, 200, 200, 500, 200])
        #expect(try Kit.json(responses[2])["error_code"].lenientString == "DCS.5000")
    }

    @Test func windowFaultIsActiveOnlyInsideTheWindow() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock, faults: [try FaultRule.parse("403@window:10s-20s")])
        #expect(await list(router, clock).status == 200)
        clock.advance(by: 10)
        let inside = await list(router, clock)
        #expect(inside.status == 403)
        #expect(try Kit.json(inside)["error_code"].lenientString == "DCS.2003")
        clock.advance(by: 10)
        #expect(await list(router, clock).status == 200)
    }

    @Test func firstNAndScopeLimitWhichRequestsFail() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock, faults: [try FaultRule.parse("401:DCS.1002@first:1/list")])
        let task = try #require(router.snapshots().first)
        let detail = await router.handle(
            Kit.signedGET("/v2/\(Kit.projectID)/migration-task/\(task.task.id)", date: clock.date))
        #expect(detail.status == 200)
        let first = await list(router, clock)
        #expect(first.status == 401)
        #expect(try Kit.json(first)["error_code"].lenientString == "DCS.1002")
        #expect(await list(router, clock).status == 200)
    }

    @Test func throttlingSendsRetryAfter() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock, faults: [try FaultRule.parse("429:7")])
        let response = await list(router, clock)
        #expect(response.status == 429)
        #expect(response.headers["Retry-After"] == "7")
        #expect(try Kit.json(response)["error_code"].lenientString == "APIGW.0308")
    }

    @Test func html502IsNotJSON() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock, faults: [try FaultRule.parse("html502")])
        let response = await list(router, clock)
        #expect(response.status == 502)
        #expect(response.headers["Content-Type"] == "text/html")
        #expect(String(decoding: response.body, as: UTF8.self).contains("<h1>502 Bad Gateway</h1>"))
        #expect((try? JSONValue.parse(response.body)) == nil)
    }

    @Test func notFoundFaultUsesDCS4001() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock, faults: [try FaultRule.parse("404/logs")])
        let task = try #require(router.snapshots().first)
        let response = await router.handle(
            Kit.signedGET("/v2/\(Kit.projectID)/migration-task/\(task.task.id)/logs", date: clock.date))
        #expect(response.status == 404)
        #expect(try Kit.json(response)["error_code"].lenientString == "DCS.4001")
    }

    @Test func latencyIsWaitedThroughTheInjectedSleep() async throws {
        let clock = SimulatorTestKit.clock()
        let sleeps = SleepRecorder()
        let router = Kit.router(clock: clock, faults: [try FaultRule.parse("latency:800ms@every:2")], sleeps: sleeps)
        _ = await list(router, clock)
        let slow = await list(router, clock)
        #expect(slow.status == 200)
        #expect(sleeps.delays == [0, 0.8])
    }

    @Test func resetThrowsConnectionLostInProcess() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock, faults: [try FaultRule.parse("reset")])
        await #expect(throws: TransportError.connectionLost("connection reset by peer (simulated fault)")) {
            try await router.send(Kit.signedGET(Kit.listPath(), date: clock.date))
        }
    }

    @Test func hangThrowsTimedOutWithTheRequestsTimeout() async throws {
        let clock = SimulatorTestKit.clock()
        let sleeps = SleepRecorder()
        let router = Kit.router(clock: clock, faults: [try FaultRule.parse("hang:30s")], sleeps: sleeps)
        var request = Kit.signedGET(Kit.listPath(), date: clock.date)
        request.timeout = 5
        await #expect(throws: TransportError.timedOut(seconds: 5)) { try await router.send(request) }
        #expect(sleeps.delays == [0])
    }

    @Test func hangWaitsTheRequestTimeoutWhenConfigured() async throws {
        let clock = SimulatorTestKit.clock()
        let sleeps = SleepRecorder()
        var configuration = Kit.configuration(clock: clock, faults: [try FaultRule.parse("hang:30s")], sleeps: sleeps)
        configuration.hangWaitsInProcess = true
        let router = SimulatorRouter(configuration: configuration)
        var request = Kit.signedGET(Kit.listPath(), date: clock.date)
        request.timeout = 5
        await #expect(throws: TransportError.timedOut(seconds: 5)) { try await router.send(request) }
        #expect(sleeps.delays == [0, 5])
    }

    @Test func truncatedJSONDoesNotParse() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock, faults: [try FaultRule.parse("truncate")])
        let response = await list(router, clock)
        #expect(response.status == 200)
        #expect(response.body.first == UInt8(ascii: "{"))
        #expect((try? JSONValue.parse(response.body)) == nil)
    }

    @Test func wrongTypesKeepIdsButChangeShapes() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock, faults: [try FaultRule.parse("wrongtypes")])
        let item = try #require(try Kit.json(await list(router, clock))["migration_tasks"].arrayValue?.first)
        #expect(item["task_id"].lenientString?.count == 36)
        if case .string = item["task_name"] { Issue.record("task_name should not be a string") }
        if case .array = item["supported_features"] { Issue.record("supported_features should not be an array") }
        let stats = try #require(router.snapshots().first)
        let body = try Kit.json(
            await router.handle(
                Kit.signedGET("/v2/\(Kit.projectID)/migration-task/\(stats.task.id)/stats", date: clock.date)))
        if case .string = body["is_migrating"] {} else { Issue.record("is_migrating should be a string") }
        if case .string = body["source_dbsize"] {} else { Issue.record("source_dbsize should be a string") }
    }

    @Test func nullsBlankEverythingButTheId() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock, faults: [try FaultRule.parse("nulls")])
        let items = try #require(try Kit.json(await list(router, clock))["migration_tasks"].arrayValue)
        for item in items {
            #expect(item["task_id"].lenientString != nil)
            #expect(item["status"] == .null)
            #expect(item["task_name"] == .null)
        }
    }

    @Test func unknownStatusesAppear() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock, faults: [try FaultRule.parse("unknownstatus")])
        let statuses =
            try Kit.json(await list(router, clock))["migration_tasks"].arrayValue?.compactMap {
                $0["status"].lenientString
            } ?? []
        #expect(statuses.contains("PAUSED"))
        #expect(statuses.contains("WAITING_FOR_ECS"))
        #expect(!statuses.contains("SUCCESS"))
    }

    @Test func lyingCountIsOffByTheDelta() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock, faults: [try FaultRule.parse("liecount:25")], tasks: 12)
        let body = try Kit.json(await list(router, clock))
        #expect(body["count"].lenientInt == router.snapshots().count + 25)
    }

    @Test func duplicatesRepeatRowsAcrossPages() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock, faults: [try FaultRule.parse("duplicates:2")])
        let first =
            try Kit.json(await list(router, clock, query: "limit=10&offset=0"))["migration_tasks"].arrayValue ?? []
        let second =
            try Kit.json(await list(router, clock, query: "limit=10&offset=10"))["migration_tasks"].arrayValue ?? []
        #expect(first.count == 10)
        #expect(second.count == 10)
        #expect(Array(first.suffix(2)) == Array(second.prefix(2)))
    }

    @Test func emptyPageKeepsTheCount() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock, faults: [try FaultRule.parse("emptypage@every:2/list")])
        #expect(try Kit.json(await list(router, clock))["migration_tasks"].arrayValue?.count == 10)
        let empty = try Kit.json(await list(router, clock))
        #expect(empty["migration_tasks"].arrayValue?.isEmpty == true)
        #expect(empty["count"].lenientInt == router.snapshots().count)
    }

    @Test func longStringsAreTwentyThousandCharacters() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock, faults: [try FaultRule.parse("longstrings")])
        let items = try Kit.json(await list(router, clock))["migration_tasks"].arrayValue ?? []
        #expect(items.first?["task_name"].lenientString?.count == 20_000)
    }

    @Test func hostileTextCarriesEscapesBidiAndC1() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock, faults: [try FaultRule.parse("hostile")])
        let items = try Kit.json(await list(router, clock, query: "limit=100"))["migration_tasks"].arrayValue ?? []
        let names = items.compactMap { $0["task_name"].lenientString }.joined()
        #expect(names.contains("\u{1B}]52;"))
        #expect(names.contains("\u{202E}"))
        #expect(names.contains("\u{9B}"))
        #expect(names.contains("\u{1B}["))
    }

    @Test func controlEndpointSwitchesFaultsOnAndOff() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock)
        let url = URL(string: "http://127.0.0.1:1/_sim/faults")!
        let set = await router.handle(
            HTTPRequest(method: "POST", url: url, body: Data(#"{"faults":["500/list"]}"#.utf8)))
        #expect(try Kit.json(set)["faults"] == .array([.string("500/list")]))
        #expect(await list(router, clock).status == 500)
        let bad = await router.handle(HTTPRequest(method: "POST", url: url, body: Data(#"{"faults":["boom"]}"#.utf8)))
        #expect(bad.status == 400)
        #expect(router.faults.map(\.text) == ["500/list"])
        _ = await router.handle(HTTPRequest(method: "DELETE", url: url))
        #expect(await list(router, clock).status == 200)
    }

    @Test func setFaultsAndClearFaultsWorkInProcess() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock)
        router.setFaults([FaultRule(kind: .httpError(status: 403, code: nil))])
        #expect(await list(router, clock).status == 403)
        router.clearFaults()
        #expect(await list(router, clock).status == 200)
    }

    @Test func tokenScopedFaultHitsOnlyTheIAMCall() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock, faults: [try FaultRule.parse("500/token")])
        await #expect(throws: TestFailure.self) { _ = try await Kit.token(router) }
        #expect(await list(router, clock).status == 200)
        router.clearFaults()
        #expect(try await Kit.token(router).hasPrefix("MII"))
    }
}
