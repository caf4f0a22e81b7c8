import DCSKit
import DCSTestSupport
import Foundation
import Testing

/// The six write calls over real HTTP: paths, methods and bodies as the official SDK sends them,
/// signed over the body, per-task results, and no automatic retry of a write.
@Suite struct ClientWriteTests {
    private static func json(_ data: Data) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: data) as? NSDictionary)
    }

    @Test func stopOneIsASignedPostWithoutBodyAndItsAnswerIsNotRead() async throws {
        let server = try ScriptedHTTPServer { _ in
            .json(200, #"{"task_id":"t1","source_instance":{"password":"hunter2"}}"#, headers: [("X-Request-Id", "req-1")])
        }
        defer { server.stop() }
        let results = try await ClientTestKit.client(server).stop(taskIDs: ["t1"])
        #expect(results == [TaskActionResult(action: .stop, taskID: "t1", outcome: .succeeded, requestID: "req-1")])
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.path == "/v2/proj-1/migration-task/t1/stop")
        #expect(request.body.isEmpty)
        #expect(OfficialSDKInteropTests.signatureVerifies(request, port: server.port, secretKey: "sk-test-secret"))
        #expect(!"\(results)".contains("hunter2"))
    }

    @Test func batchStopSplitsIntoFiftiesAndReadsEachTasksResult() async throws {
        let server = try ScriptedHTTPServer { request in
            let ids = (try? JSONSerialization.jsonObject(with: request.body) as? [String: [String]])?["migration_tasks"] ?? []
            let items = ids.map { id in
                id == "t7"
                    ? #"{"task_id":"t7","result":"failed","error_code":"DCS.4957","error_msg":"status does not allow it"}"#
                    : #"{"task_id":"\#(id)","result":"success"}"#
            }
            return .json(200, #"{"migration_tasks":[\#(items.joined(separator: ","))]}"#)
        }
        defer { server.stop() }
        let ids = (1...120).map { "t\($0)" }
        let results = try await ClientTestKit.client(server).stop(taskIDs: ids)
        #expect(server.requests.map(\.path) == Array(repeating: "/v2/proj-1/migration-task/batch-stop", count: 3))
        let sent = try server.requests.map { try Self.json($0.body)["migration_tasks"] as? [String] ?? [] }
        #expect(sent.map(\.count) == [50, 50, 20])
        #expect(sent.flatMap { $0 } == ids)
        #expect(server.requests.allSatisfy { $0.headers["Content-Type"] == "application/json;charset=UTF-8" })
        #expect(
            server.requests.allSatisfy {
                OfficialSDKInteropTests.signatureVerifies($0, port: server.port, secretKey: "sk-test-secret")
            })
        #expect(results.map(\.taskID) == ids)
        #expect(
            results.filter { !$0.succeeded }.map(\.outcome) == [.failed(code: "DCS.4957", message: "status does not allow it")])
    }

    @Test func performSendsTheIPCallsOnePerTaskInOrderAndTheOthersAsTheirBatch() async throws {
        let server = try ScriptedHTTPServer { request in
            request.path.hasSuffix("rollback-ip") && request.path.contains("/b/")
                ? .json(400, #"{"error_code":"DCS.4957","error_msg":"no switch to roll back"}"#) : .json(204, "")
        }
        defer { server.stop() }
        let client = ClientTestKit.client(server)
        let results = try await client.perform(.rollbackIP, taskIDs: ["a", "b"])
        #expect(
            server.requests.map(\.path) == [
                "/v2/proj-1/migration-task/a/rollback-ip", "/v2/proj-1/migration-task/b/rollback-ip",
            ])
        #expect(results.map(\.outcomeWord) == ["success", "failed"] && results.map(\.action) == [.rollbackIP, .rollbackIP])
        _ = try await client.perform(.delete, taskIDs: ["c"])
        #expect(server.requests.last?.method == "DELETE" && server.requests.last?.path == "/v2/proj-1/migration-tasks/delete")
    }

    @Test func restartNamesTasksTheAnswerLeavesOutAsUnknown() async throws {
        let server = try ScriptedHTTPServer { _ in .json(200, #"{"migration_tasks":[{"task_id":"a","result":"success"}, 7]}"#) }
        defer { server.stop() }
        let results = try await ClientTestKit.client(server).restart(taskIDs: ["a", "b"])
        #expect(server.requests.first?.path == "/v2/proj-1/migration-tasks/batch-restart")
        #expect(try Self.json(try #require(server.requests.first).body) == ["migration_tasks": ["a", "b"]])
        #expect(results.map(\.outcomeWord) == ["success", "unknown"])
    }

    @Test func exchangeIPSendsTheAddressesOnlyWhenGivenAndRollbackHasNoBody() async throws {
        let server = try ScriptedHTTPServer { _ in .response(status: 204, headers: [], body: Data()) }
        defer { server.stop() }
        let client = ClientTestKit.client(server)
        #expect(try await client.exchangeIP(taskID: "t1", addresses: ["10.0.0.5"], exchangeDomain: true).succeeded)
        #expect(try await client.exchangeIP(taskID: "t1").succeeded)
        #expect(try await client.rollbackIP(taskID: "t1").succeeded)
        let requests = server.requests
        #expect(
            requests.map(\.path) == [
                "/v2/proj-1/migration-task/t1/exchange-ip", "/v2/proj-1/migration-task/t1/exchange-ip",
                "/v2/proj-1/migration-task/t1/rollback-ip",
            ])
        #expect(try Self.json(requests[0].body) == ["exchanged_ip": ["10.0.0.5"], "is_exchange_domain": true])
        #expect(try Self.json(requests[1].body) == ["is_exchange_domain": false])
        #expect(requests[2].body.isEmpty && requests[2].method == "POST")
    }

    @Test func deleteTrustsTheListInTheAnswer() async throws {
        let server = try ScriptedHTTPServer { _ in .json(200, #"{"task_id_list":["a"]}"#) }
        defer { server.stop() }
        let results = try await ClientTestKit.client(server).delete(taskIDs: ["a", "b"])
        let request = try #require(server.requests.first)
        #expect(request.method == "DELETE" && request.path == "/v2/proj-1/migration-tasks/delete")
        #expect(try Self.json(request.body) == ["task_id_list": ["a", "b"]])
        #expect(OfficialSDKInteropTests.signatureVerifies(request, port: server.port, secretKey: "sk-test-secret"))
        #expect(results.map(\.outcomeWord) == ["success", "unknown"])
    }

    @Test func aRefusedWriteIsAFailureWithItsCodeAndIsNotRetried() async throws {
        let server = try ScriptedHTTPServer { _ in
            .dcsError(503, code: "DCS.5000", message: "busy", headers: [("X-Request-Id", "req-9")])
        }
        defer { server.stop() }
        let sleeper = SleepRecorder()
        let results = try await ClientTestKit.client(server, sleeper: sleeper).restart(taskIDs: ["a", "b"])
        #expect(server.requests.count == 1)
        #expect(sleeper.delays.isEmpty)
        #expect(results.map(\.requestID) == ["req-9", "req-9"])
        guard case .failed(let code, let message) = results[0].outcome else {
            Issue.record("expected a failure, got \(results[0].outcome)")
            return
        }
        #expect(code == "DCS.5000")
        #expect(message.contains("busy"))
    }

    @Test func aTimeoutIsAnUnknownOutcomeAndIsNotRetried() async throws {
        let server = try ScriptedHTTPServer { _ in .hang }
        defer { server.stop() }
        let sleeper = SleepRecorder()
        let result = try await ClientTestKit.client(server, requestTimeout: 1, sleeper: sleeper).rollbackIP(taskID: "t1")
        #expect(server.requests.count == 1)
        #expect(sleeper.delays.isEmpty)
        guard case .unknown(let reason) = result.outcome else {
            Issue.record("expected an unknown outcome, got \(result.outcome)")
            return
        }
        #expect(reason.hasPrefix("unknown outcome — check the task"))
    }

    @Test func aDroppedConnectionIsUnknownAndARefusedOneWasNotSent() async throws {
        let server = try ScriptedHTTPServer { _ in .reset }
        defer { server.stop() }
        let sleeper = SleepRecorder()
        let dropped = try await ClientTestKit.client(server, sleeper: sleeper).stop(taskIDs: ["t1"])
        #expect(dropped.map(\.outcomeWord) == ["unknown"])
        #expect(server.requests.count <= 1 && sleeper.delays.isEmpty)

        // Port 1, not `closedPort()`: an ephemeral port closed here may be bound by a parallel test's
        // server before we connect, which would then receive this DELETE.
        let target = ResolvedTarget(
            name: "gone", endpoint: try #require(URL(string: "http://127.0.0.1:1")), projectID: "p",
            auth: .signing(ClientTestKit.credentials))
        let client = DCSClient(
            target: target, transport: URLSessionTransport(connectTimeout: 2, requestTimeout: 2),
            options: ClientOptions(retrySleep: sleeper.sleep), now: { Date(timeIntervalSince1970: 0) })
        let refused = try await client.delete(taskIDs: ["t1"])
        guard case .failed(nil, let message) = refused[0].outcome else {
            Issue.record("expected a failure, got \(refused[0].outcome)")
            return
        }
        #expect(message.hasPrefix("not sent: connection to 127.0.0.1"))
    }

    @Test func writesAreToldToTheRequestObserverAsTheirCalls() async throws {
        let server = try ScriptedHTTPServer { request in
            request.method == "DELETE" ? .json(200, #"{"task_id_list":["a"]}"#) : .json(200, #"{"migration_tasks":[]}"#)
        }
        defer { server.stop() }
        let recorder = RequestObserverTests.Recorder()
        let client = ClientTestKit.client(server, observer: recorder)
        _ = try await client.stop(taskIDs: ["a"])
        _ = try await client.stop(taskIDs: ["a", "b"])
        _ = try await client.restart(taskIDs: ["a"])
        _ = try await client.delete(taskIDs: ["a"])
        #expect(recorder.lines == ["stop 200", "batch_stop 200", "batch_restart 200", "delete 200"])
    }
}
