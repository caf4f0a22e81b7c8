import DCSKit
import DCSSimulator
import DCSTestSupport
import Foundation
import Testing

/// The simulator's six writes, driven by `DCSClient` in-process: state changes on the simulator's
/// clock, refusals with the real codes, signatures over the body, and the write faults.
@Suite struct RouterWriteTests {
    private static func client(_ router: SimulatorRouter, clock: ManualClock) -> DCSClient {
        let target = ResolvedTarget(
            name: "sim", endpoint: SimulatorTestKit.base, projectID: SimulatorTestKit.projectID,
            auth: .signing(
                SigningCredentials(
                    accessKey: SimulatorConfiguration.demoAccessKey, secretKey: SimulatorConfiguration.demoSecretKey)))
        return DCSClient(
            target: target, transport: router, options: ClientOptions(retrySleep: SleepRecorder().sleep), now: clock.now)
    }

    /// The ids of online migrations, each set to `status` through the control endpoint.
    private static func online(_ router: SimulatorRouter, count: Int, status: String) throws -> [String] {
        let ids = router.snapshots().filter { $0.task.migrationType == "online_migration" }.prefix(count).map(\.task.id)
        try #require(ids.count == count)
        ids.forEach { router.overrideStatus(of: $0, with: status) }
        return Array(ids)
    }

    @Test func stopTerminatesAfterAMomentAndRestartMigratesAgain() async throws {
        let clock = SimulatorTestKit.clock()
        let router = SimulatorTestKit.router(clock: clock)
        let client = Self.client(router, clock: clock)
        let ids = try Self.online(router, count: 2, status: "MIGRATING")
        #expect(try await client.stop(taskIDs: ids).allSatisfy(\.succeeded))
        #expect(try await client.detail(taskID: ids[0]).task.status.raw == "TERMINATING")
        #expect(try await client.restart(taskIDs: ids).map(\.outcomeWord) == ["failed", "failed"])
        clock.advance(by: 2)
        #expect(try await client.detail(taskID: ids[1]).task.status.raw == "TERMINATED")
        #expect(try await client.restart(taskIDs: ids).allSatisfy(\.succeeded))
        #expect(
            try await client.listAllTasks().tasks.filter { ids.contains($0.id) }.map(\.status.raw) == ["MIGRATING", "MIGRATING"])
    }

    @Test func wrongStatesAndUnknownTasksAreRefusedWithTheirCodes() async throws {
        let clock = SimulatorTestKit.clock()
        let router = SimulatorTestKit.router(clock: clock)
        let client = Self.client(router, clock: clock)
        let done = try Self.online(router, count: 1, status: "SUCCESS")[0]
        let stop = try await client.stop(taskIDs: [done])[0]
        #expect(stop.outcome == .failed(code: "DCS.4957", message: try #require(Self.message(stop))))
        #expect(Self.message(stop)?.contains("does not allow stop") == true)
        #expect(try await client.rollbackIP(taskID: done).outcome.code == "DCS.4957")
        #expect(try await client.stop(taskIDs: ["no-such-task"])[0].outcome.code == "DCS.4133")
        #expect(try await client.restart(taskIDs: [done, "no-such-task"]).map(\.outcome.code) == ["DCS.4957", "DCS.4133"])
    }

    @Test func exchangeGoesThroughExchangingAndRollsBack() async throws {
        let clock = SimulatorTestKit.clock()
        let router = SimulatorTestKit.router(clock: clock)
        let client = Self.client(router, clock: clock)
        let id = try Self.online(router, count: 1, status: "INCRMIGEATING")[0]
        #expect(try await client.rollbackIP(taskID: id).outcome.code == "DCS.4957")
        #expect(try await client.exchangeIP(taskID: id, addresses: ["192.168.0.8"]).succeeded)
        #expect(try await client.detail(taskID: id).taskStatus == "EXCHANGING")
        #expect(try await client.exchangeIP(taskID: id).outcome.code == "DCS.4957")
        clock.advance(by: 2)
        #expect(try await client.detail(taskID: id).taskStatus == "EXCHANGE_SUCCESS")
        #expect(try await client.rollbackIP(taskID: id).succeeded)
        #expect(try await client.detail(taskID: id).taskStatus == "ROLLBACK_SUCCESS")
    }

    @Test func deleteRefusesARunningTaskAndRemovesFinishedOnesFromTheList() async throws {
        let clock = SimulatorTestKit.clock()
        let router = SimulatorTestKit.router(clock: clock, speed: 0)
        let client = Self.client(router, clock: clock)
        let running = try Self.online(router, count: 1, status: "MIGRATING")[0]
        let finished = router.snapshots().map(\.task.id).filter { $0 != running }.prefix(2).map { $0 }
        finished.forEach { router.overrideStatus(of: $0, with: "TERMINATED") }
        let before = try await client.listAllTasks().tasks.count
        #expect(try await client.delete(taskIDs: finished + [running]).allSatisfy { $0.outcome.code == "DCS.4957" })
        #expect(try await client.delete(taskIDs: finished).allSatisfy(\.succeeded))
        let after = try await client.listAllTasks()
        #expect(after.tasks.count == before - 2)
        #expect(!after.tasks.contains { finished.contains($0.id) })
        #expect(try await client.detail(taskID: finished[0]).task.status.raw == "SUCCESS")
        #expect(try await client.delete(taskIDs: finished)[0].outcome.code == "DCS.4133")
    }

    @Test func batchesCheckTheirBodyAndTheSignatureCoversIt() async throws {
        let clock = SimulatorTestKit.clock()
        let router = SimulatorTestKit.router(clock: clock)
        let path = "/v2/\(SimulatorTestKit.projectID)/migration-task/batch-stop"
        func signed(_ body: String) -> HTTPRequest {
            let request = HTTPRequest(
                method: "POST", url: URL(string: SimulatorTestKit.base.absoluteString + path)!, body: Data(body.utf8))
            return RequestSigner(
                credentials: SigningCredentials(
                    accessKey: SimulatorConfiguration.demoAccessKey, secretKey: SimulatorConfiguration.demoSecretKey),
                projectID: SimulatorTestKit.projectID
            ).sign(request, date: clock.date).request
        }
        let ids = (0..<51).map { "\"t\($0)\"" }.joined(separator: ",")
        let tooMany = await router.handle(signed(#"{"migration_tasks":[\#(ids)]}"#))
        #expect(tooMany.status == 400)
        #expect(try SimulatorTestKit.json(tooMany)["error_code"].lenientString == "DCS.4800")
        #expect(await router.handle(signed(#"{"migration_tasks":[]}"#)).status == 400)
        var tampered = signed(#"{"migration_tasks":["a"]}"#)
        tampered.body = Data(#"{"migration_tasks":["b"]}"#.utf8)
        let refused = await router.handle(tampered)
        #expect(refused.status == 401)
        #expect(try SimulatorTestKit.json(refused)["error_code"].lenientString == "APIGW.0301")
    }

    @Test func writeFaultsRefuseOrHangWritesAndLeaveReadsAlone() async throws {
        let clock = SimulatorTestKit.clock()
        let router = SimulatorTestKit.router(clock: clock, faults: [try FaultRule.parse("403/write")])
        let client = Self.client(router, clock: clock)
        let id = try Self.online(router, count: 1, status: "MIGRATING")[0]
        let denied = try await client.stop(taskIDs: [id])[0]
        #expect(denied.outcome.code == "DCS.2003")
        #expect(denied.requestID?.count == 32)
        #expect(try await client.detail(taskID: id).task.status.raw == "MIGRATING")
        router.setFaults([try FaultRule.parse("400:DCS.4957/write")])
        #expect(try await client.restart(taskIDs: [id])[0].outcome.code == "DCS.4957")
        router.setFaults([try FaultRule.parse("hang/write")])
        guard case .unknown = try await client.exchangeIP(taskID: id).outcome else {
            Issue.record("a hung write must have an unknown outcome")
            return
        }
        #expect(try await client.detail(taskID: id).taskStatus == "MIGRATING")
    }

    private static func message(_ result: TaskActionResult) -> String? {
        if case .failed(_, let message) = result.outcome { return message }
        return nil
    }
}

extension TaskActionResult.Outcome {
    /// The DCS code of a failure, for short expectations.
    fileprivate var code: String? {
        if case .failed(let code, _) = self { return code }
        return nil
    }
}
