import DCSKit
import DCSSimulator
import DCSTestSupport
import Foundation
import Logging
import Testing

/// The official Python SDK's six write requests (its own classes, signer and bodies) against the
/// simulator's socket server: they succeed, the state changes show in later reads, a wrong state
/// and more than 50 ids are refused.
@Suite("Official SDK writes", .serialized)
struct OfficialSDKWriteTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Python/official_sdk_writes.py")

    @Test func officialSDKWriteRequestsSucceedAndChangeTheState() async throws {
        // Starts at the wall clock (the SDK signs with it) and moves only when the test says.
        let clock = ManualClock(start: Date())
        let configuration = SimulatorConfiguration(taskCount: 40, seed: 4, now: clock.now)
        let server = SimulatorServer(
            configuration: configuration, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        let url = try await server.start(port: 0)
        defer { Task { await server.stop() } }
        let router = server.router
        let online = router.snapshots().filter { $0.task.migrationType == "online_migration" }.map(\.task.id)
        let all = router.snapshots().map(\.task.id)
        try #require(online.count >= 6)
        let (stopOne, batch, restart, exchange, refused) = (online[0], [online[1], online[2]], online[3], online[4], online[5])
        let deleted = try #require(all.first { !online.prefix(6).contains($0) })
        for id in [stopOne, exchange] + batch { router.overrideStatus(of: id, with: "MIGRATING") }
        router.overrideStatus(of: restart, with: "TERMINATED")
        router.overrideStatus(of: deleted, with: "SUCCESS")
        router.overrideStatus(of: refused, with: "SUCCESS")
        let ids: [String: JSONValue] = [
            "stop_one": .string(stopOne), "batch_stop": .array(batch.map(JSONValue.string)),
            "restart": .array([.string(restart)]), "exchange": .string(exchange), "delete": .array([.string(deleted)]),
            "refused": .string(refused),
        ]
        let idsText = String(decoding: try JSONEncoder().encode(JSONValue.object(ids)), as: UTF8.self)

        let first = try await run(url, configuration, phase: "first", ids: idsText)
        #expect(first["stop_one"]["status"].lenientInt == 200)
        #expect(first["stop_one"]["task_id"].lenientString == stopOne)
        #expect(
            first["batch_stop"]["results"] == .object(Dictionary(uniqueKeysWithValues: batch.map { ($0, .string("success")) })))
        #expect(first["restart"]["results"] == .object([restart: .string("success")]))
        #expect(first["exchange"]["status"].lenientInt == 204)
        #expect(first["delete"]["task_id_list"] == .array([.string(deleted)]))
        #expect(first["refused"]["status"].lenientInt == 400)
        #expect(first["refused"]["code"].lenientString == "DCS.4957")
        #expect(first["too_many"]["status"].lenientInt == 400)
        let listed = try await SimulatorTestKit.listAll(router, clock: clock, limit: 100)
        let statuses = Dictionary(
            uniqueKeysWithValues: listed.map { ($0["task_id"].lenientString ?? "", $0["status"].lenientString) })
        #expect(statuses[stopOne] == "TERMINATING")
        #expect(statuses[restart] == "MIGRATING")
        #expect(statuses[deleted] == nil)

        clock.advance(by: 3)
        let second = try await run(url, configuration, phase: "second", ids: idsText)
        #expect(second["rollback"]["status"].lenientInt == 204)
        #expect(second["restart"]["results"] == .object(Dictionary(uniqueKeysWithValues: batch.map { ($0, .string("success")) })))
        let detail = await router.handle(
            SimulatorTestKit.signedGET("/v2/\(configuration.projectID)/migration-task/\(exchange)", date: clock.date))
        #expect(try SimulatorTestKit.json(detail)["task_status"].lenientString == "ROLLBACK_SUCCESS")
    }

    /// Runs the script's phase and returns its document (records an issue when the SDK is missing).
    private func run(_ url: URL, _ configuration: SimulatorConfiguration, phase: String, ids: String) async throws
        -> JSONValue
    {
        var environment = ProcessInfo.processInfo.environment
        environment["NO_PROXY"] = "127.0.0.1"
        let result = try await ChildProcess.captureOffPool(
            [
                "python3", Self.script.path, url.absoluteString, configuration.projectID, configuration.accessKey,
                configuration.secretKey, phase, ids,
            ], environment: environment, searchPath: true)
        try #require(result.status != 3, "the official SDK is not importable: run scripts/install-test-deps")
        try #require(result.status == 0, "write script failed (exit \(result.status)): \(result.err)")
        return try JSONValue.parse(result.stdout)
    }
}
