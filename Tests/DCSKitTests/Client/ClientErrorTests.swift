import DCSKit
import DCSTestSupport
import Foundation
import Testing

@Suite struct ClientErrorTests {
    private func failure(_ reply: ScriptedHTTPServer.Reply, maxRetries: Int = 0) async throws
        -> (APIError?, ScriptedHTTPServer)
    {
        let server = try ScriptedHTTPServer { _ in reply }
        let error = await ClientTestKit.apiError {
            try await ClientTestKit.client(server, maxRetries: maxRetries).listAllTasks()
        }
        server.stop()
        return (error, server)
    }

    @Test func dcsBodyGivesStatusCodeAndMessage() async throws {
        let server = try ScriptedHTTPServer { _ in
            .dcsError(400, code: "DCS.4133", message: "task not found", headers: [("X-Request-Id", "req-9")])
        }
        defer { server.stop() }
        let error = await ClientTestKit.apiError { try await ClientTestKit.client(server).detail(taskID: "gone") }
        #expect(
            error
                == .http(
                    status: 400, code: "DCS.4133", message: "task not found", requestID: "req-9", host: "127.0.0.1:\(server.port)"
                ))
        #expect(error?.userMessage.contains("no such migration task") == true)
        #expect(error?.userMessage.contains("req-9") == true)
    }

    @Test func badSignaturePointsToDebugSign() async throws {
        let (error, _) = try await failure(
            .gatewayError(
                401, code: "APIGW.0301", message: "Incorrect IAM authentication information: GET|/v2/", requestID: "gw-1"))
        #expect(error?.status == 401)
        #expect(error?.code == "APIGW.0301")
        let message = try #require(error?.userMessage)
        #expect(message.contains("dcswatch debug sign"))
        #expect(message.contains("GET|/v2/"))
        #expect(message.contains("gw-1"))
    }

    @Test func expiredSignatureBlamesTheClock() async throws {
        let (error, _) = try await failure(.gatewayError(401, code: "APIGW.0303", message: "signature expired", requestID: "r"))
        #expect(error?.userMessage.contains("clock is more than 15 minutes off") == true)
    }

    @Test func forbiddenNamesTheIAMActions() async throws {
        let (error, _) = try await failure(.dcsError(403, code: "DCS.2003", message: "no permission"))
        let message = try #require(error?.userMessage)
        #expect(message.contains("dcs:migrationTask:list"))
        #expect(message.contains("dcs:migrationTask:get"))
    }

    @Test func htmlFromAProxyShowsStatusAndSanitisedStart() async throws {
        let html = "<html><body>\u{1B}[31mBad Gateway</body></html>" + String(repeating: "x", count: 500)
        let (error, server) = try await failure(.text(502, html))
        guard case .nonJSONBody(let status, let snippet, _, _)? = error else {
            Issue.record("expected nonJSONBody, got \(String(describing: error))")
            return
        }
        #expect(status == 502)
        #expect(snippet.hasPrefix("<html><body>"))
        #expect(!snippet.contains("\u{1B}"))
        #expect(snippet.count <= 201)
        #expect(server.requests.count == 1)
    }

    @Test func emptyBodyTakesRequestIDFromHeader() async throws {
        let (error, server) = try await failure(
            .response(status: 500, headers: [("X-Request-Id", "hdr-7")], body: Data()))
        #expect(error == .emptyBody(status: 500, requestID: "hdr-7", host: "127.0.0.1:\(server.port)"))
    }

    @Test func redirectsAreNotFollowed() async throws {
        let server = try ScriptedHTTPServer { request in
            request.path == "/elsewhere"
                ? .json(200, #"{"count":0,"migration_tasks":[]}"#)
                : .response(status: 302, headers: [("Location", "/elsewhere")], body: Data())
        }
        defer { server.stop() }
        let error = await ClientTestKit.apiError {
            try await ClientTestKit.client(server, maxRetries: 0).listAllTasks()
        }
        #expect(error?.status == 302)
        #expect(error?.userMessage.contains("the endpoint is probably wrong") == true)
        #expect(server.requests.map(\.path) == ["/v2/proj-1/migration-tasks"])
    }

    @Test func nonJSONSuccessBodyIsAnError() async throws {
        let (error, _) = try await failure(.text(200, "hello, this is not an API", contentType: "text/plain"))
        guard case .nonJSONBody(200, let snippet, _, _)? = error else {
            Issue.record("expected nonJSONBody, got \(String(describing: error))")
            return
        }
        #expect(snippet == "hello, this is not an API")
    }

    @Test func cutOffJSONSaysWhatAndWhere() async throws {
        let (error, _) = try await failure(.json(200, #"{"count":3,"migration_tasks":[{"task_id":"#))
        guard case .undecodable(let what, let detail, _)? = error else {
            Issue.record("expected undecodable, got \(String(describing: error))")
            return
        }
        #expect(what.contains("offset 0"))
        #expect(detail.contains("cut off or malformed JSON"))
    }

    @Test func wrongShapeSaysWhatWasFound() async throws {
        let (error, _) = try await failure(.json(200, #"{"migration_tasks":5}"#))
        guard case .undecodable(_, let detail, _)? = error else {
            Issue.record("expected undecodable, got \(String(describing: error))")
            return
        }
        #expect(detail.contains("a number"))
    }

    @Test func bodyShorterThanContentLengthFails() async throws {
        let (error, _) = try await failure(.truncated(#"{"count":1,"migration_tas"#, promised: 400))
        // FoundationNetworking passes on libcurl's "transfer closed with N bytes remaining": a dropped connection.
        guard case .transport(.connectionLost, _, 1)? = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
    }

    @Test func hungResponseHitsTheRequestTimeout() async throws {
        let server = try ScriptedHTTPServer { _ in .hang }
        defer { server.stop() }
        let started = Date()
        let client = ClientTestKit.client(server, maxRetries: 0, requestTimeout: 0.5)
        let error = await ClientTestKit.apiError { try await client.listAllTasks() }
        let elapsed = Date().timeIntervalSince(started)
        guard case .transport(.timedOut, _, _)? = error else {
            Issue.record("expected a timeout, got \(String(describing: error))")
            return
        }
        // The upper bound only proves "no hang" (the server never answers); it is loose because a loaded
        // 2-core CI machine can delay a test by seconds.
        #expect(elapsed >= 0.45 && elapsed < 20)
        #expect(error?.userMessage.contains("no response from 127.0.0.1") == true)
    }

    @Test func connectionResetIsAConnectionError() async throws {
        let (error, _) = try await failure(.reset)
        guard case .transport(.connectionLost(let detail), _, _)? = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(detail.contains("reset"))
    }

    @Test func refusedConnectionAsksAboutTheEndpointAndIsNotRetried()
        async throws
    {
        let port = try ScriptedHTTPServer.closedPort()
        let sleeper = SleepRecorder()
        let target = ResolvedTarget(
            name: "t", endpoint: try #require(URL(string: "http://127.0.0.1:\(port)")), projectID: "p",
            auth: .signing(ClientTestKit.credentials))
        let client = DCSClient(
            target: target, transport: URLSessionTransport(),
            options: ClientOptions(maxRetries: 3, retrySleep: sleeper.sleep), now: { Date(timeIntervalSince1970: 0) })
        let error = await ClientTestKit.apiError { try await client.listAllTasks() }
        #expect(error == .transport(.connectionRefused(host: "127.0.0.1"), host: "127.0.0.1:\(port)", attempts: 1))
        #expect(error?.userMessage.contains("is the endpoint right") == true)
        #expect(sleeper.delays.isEmpty)
    }

    @Test func logsNotFoundIsNotOfferedAndLogsAreRead() async throws {
        let server = try ScriptedHTTPServer { request in
            request.path.hasPrefix("/v2/proj-1/migration-task/a/")
                ? .dcsError(404, code: "DCS.0404", message: "not found")
                : .json(
                    200,
                    #"{"log_num":1,"migration_logs":[{"created_at":"2024/01/02 03:04:05","log_level":"ERROR","message":"boom","log_code":"X"}]}"#
                )
        }
        defer { server.stop() }
        let client = ClientTestKit.client(server)
        #expect(try await client.logs(taskID: "a") == .notOffered)
        let logs = try await client.logs(taskID: "b", offset: 0, limit: 50, level: "ERROR")
        #expect(logs.entries.map(\.message) == ["boom"])
        #expect(server.requests.last?.target == "/v2/proj-1/migration-task/b/logs?limit=50&log_level=ERROR&offset=0")
    }

    @Test func detailAndStatsAreReadOverHTTP() async throws {
        let server = try ScriptedHTTPServer { request in
            request.path.hasSuffix("/stats")
                ? .json(200, #"{"full_migration_progress":"42.5","offset":0,"is_migrating":"true"}"#)
                : .json(
                    200,
                    #"{"task_id":"t1","source_instance":{"addrs":"10.0.0.1:6379","password":"hunter2"},"network_type":"vpc"}"#)
        }
        defer { server.stop() }
        let client = ClientTestKit.client(server)
        let detail = try await client.detail(taskID: "t1")
        #expect(detail.sourceInstance.addresses == "10.0.0.1:6379")
        #expect(!String(describing: detail).contains("hunter2"))
        let stats = try await client.stats(taskID: "t1")
        #expect(stats.fullMigrationProgress == 42.5)
        #expect(stats.isMigrating == true)
        #expect(server.requests.map(\.path) == ["/v2/proj-1/migration-task/t1", "/v2/proj-1/migration-task/t1/stats"])
    }
}
