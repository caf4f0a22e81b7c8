import DCSKit
import DCSSimulator
import DCSTestSupport
import Foundation
import Logging
import Testing

/// `dcswatch simulate --latency SECONDS` (issue 15): every API answer waits a cloud-like round trip,
/// on the configuration's sleep, so connections wait side by side and never one behind another.
@Suite("Simulator latency", .serialized)
struct LatencyTests {
    typealias Kit = SimulatorTestKit

    @Test func everyAPICallWaitsTheLatencyOnTopOfLatencyFaultsAndControlCallsDoNot() async throws {
        let clock = SimulatorTestKit.clock()
        let sleeps = SleepRecorder()
        var configuration = Kit.configuration(clock: clock, faults: [try FaultRule.parse("latency:2s/list")], sleeps: sleeps)
        configuration.latency = 0.05
        let router = SimulatorRouter(configuration: configuration)
        let list = await router.handle(Kit.signedGET(Kit.listPath(), query: "limit=10&offset=0", date: clock.date))
        #expect(list.status == 200)
        _ = try await Kit.token(router)
        let control = await router.handle(HTTPRequest(method: "GET", url: Kit.base.appendingPathComponent("_sim/faults")))
        #expect(control.status == 200)
        let waits = sleeps.delays
        try #require(waits.count == 3)
        #expect(abs(waits[0] - 2.05) < 1e-9)
        #expect(waits[1] == 0.05)
        #expect(waits[2] == 0)
    }

    @Test func overASocketOneRequestTakesTheLatencyAndEightAtOnceTakeAboutAsLong() async throws {
        // Long enough that the load of a busy machine (up to ~1.4 s for the eight, seen under parallel
        // builds) cannot make requests side by side look like requests one behind another.
        let latency = 0.5
        let server = SimulatorServer(
            configuration: SimulatorConfiguration(taskCount: 20, speed: 0, latency: latency),
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        let url = try await server.start(port: 0)
        let transport = URLSessionTransport(connectTimeout: 10, requestTimeout: 20)
        let clock = ContinuousClock()
        func listPage(_ offset: Int) async throws -> Int {
            let request = Kit.signedGET(Kit.listPath(), query: "limit=1&offset=\(offset)", date: Date(), base: url)
            return try await transport.send(request).status
        }
        let started = clock.now
        #expect(try await listPage(0) == 200)
        let one = clock.now - started
        let eight = try await clock.measure {
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for offset in 1...8 { group.addTask { try await listPage(offset) } }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: 200, count: 8))
        }
        await server.stop()
        #expect(one >= .seconds(latency))
        #expect(eight >= .seconds(latency))
        // One behind another they cannot take less than 4 s; at once they take about 0.5 s.
        #expect(eight < .seconds(8 * latency * 0.75), "8 requests at once took \(eight)")
    }
}
