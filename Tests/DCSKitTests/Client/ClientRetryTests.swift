import DCSKit
import DCSTestSupport
import Foundation
import Testing

@Suite struct ClientRetryTests {
    private static let emptyPage = ScriptedHTTPServer.Reply.json(200, #"{"count":0,"migration_tasks":[]}"#)

    @Test func retryAfterIsHonoured() async throws {
        let counter = Counter()
        let server = try ScriptedHTTPServer { _ in
            counter.next() == 1
                ? .json(429, #"{"error_code":"APIGW.0308","error_msg":"throttled"}"#, headers: [("Retry-After", "7")])
                : Self.emptyPage
        }
        defer { server.stop() }
        let sleeper = SleepRecorder()
        let notices = Collected<RetryNotice>()
        let client = ClientTestKit.client(server, sleeper: sleeper, onRetry: { notices.append($0) })
        _ = try await client.listAllTasks()
        #expect(sleeper.delays == [7])
        #expect(notices.values.map(\.userMessage) == ["throttled — retrying in 7 s (attempt 2)"])
    }

    @Test func backoffDoublesWithoutRetryAfterAndIsCapped() async throws {
        let counter = Counter()
        let server = try ScriptedHTTPServer { _ in
            counter.next() <= 3 ? .dcsError(503, code: "DCS.5000", message: "busy") : Self.emptyPage
        }
        defer { server.stop() }
        let sleeper = SleepRecorder()
        _ = try await ClientTestKit.client(server, sleeper: sleeper).listAllTasks()
        #expect(sleeper.delays == [1, 2, 4])
        #expect(ClientOptions(maxBackoff: 30).backoff(afterAttempt: 10) == 30)
    }

    @Test func givesUpAfterMaxRetriesWithTheLastError() async throws {
        let server = try ScriptedHTTPServer { _ in .json(429, #"{"error_code":"APIGW.0308","error_msg":"slow down"}"#) }
        defer { server.stop() }
        let sleeper = SleepRecorder()
        let error = await ClientTestKit.apiError {
            try await ClientTestKit.client(server, maxRetries: 2, sleeper: sleeper).listAllTasks()
        }
        #expect(error?.status == 429)
        #expect(error?.userMessage.contains("throttled") == true)
        #expect(server.requests.count == 3)
        #expect(sleeper.delays.count == 2)
    }

    @Test func hugeRetryAfterFailsAtOnce() async throws {
        let server = try ScriptedHTTPServer { _ in .json(429, "{}", headers: [("Retry-After", "100000")]) }
        defer { server.stop() }
        let sleeper = SleepRecorder()
        let error = await ClientTestKit.apiError { try await ClientTestKit.client(server, sleeper: sleeper).listAllTasks() }
        #expect(error?.status == 429)
        #expect(sleeper.delays.isEmpty)
    }

    @Test func htmlBadGatewayThenSuccessRecovers() async throws {
        let counter = Counter()
        let server = try ScriptedHTTPServer { _ in
            counter.next() == 1 ? .text(502, "<html>502 Bad Gateway</html>") : Self.emptyPage
        }
        defer { server.stop() }
        let collection = try await ClientTestKit.client(server).listAllTasks()
        #expect(collection.tasks.isEmpty)
        #expect(server.requests.count == 2)
    }

    @Test func resetThenSuccessRecovers() async throws {
        let counter = Counter()
        let server = try ScriptedHTTPServer { _ in counter.next() == 1 ? .reset : Self.emptyPage }
        defer { server.stop() }
        let sleeper = SleepRecorder()
        _ = try await ClientTestKit.client(server, sleeper: sleeper).listAllTasks()
        #expect(sleeper.delays == [1])
    }

    @Test func clientErrorsAreNotRetried() async throws {
        let server = try ScriptedHTTPServer { _ in .dcsError(400, code: "DCS.4000", message: "bad request") }
        defer { server.stop() }
        let sleeper = SleepRecorder()
        _ = await ClientTestKit.apiError { try await ClientTestKit.client(server, sleeper: sleeper).listAllTasks() }
        #expect(server.requests.count == 1)
        #expect(sleeper.delays.isEmpty)
    }

    @Test func everyAttemptIsSignedAfreshAndVerifies() async throws {
        let counter = Counter()
        let server = try ScriptedHTTPServer { _ in
            counter.next() == 1 ? .dcsError(503, code: "DCS.5000", message: "busy") : Self.emptyPage
        }
        defer { server.stop() }
        _ = try await ClientTestKit.client(server, clock: SteppingClock(step: 61)).listPage(offset: 0, limit: 5, name: "x y")
        let requests = server.requests
        #expect(requests.count == 2)
        let dates = requests.compactMap { $0.headers["X-Sdk-Date"] }
        #expect(dates.count == 2 && dates[0] != dates[1])
        for request in requests {
            #expect(request.headers["User-Agent"] == "dcswatch/\(DCSWatchVersion.current)")
            #expect(request.headers["X-Project-Id"] == "proj-1")
            let authorization = try #require(request.headers["Authorization"])
            #expect(authorization.hasPrefix("SDK-HMAC-SHA256 Access=AKTESTKEY1234, SignedHeaders="))
            // Recompute the signature from what arrived on the wire, as a gateway would.
            let signedNames = try #require(
                authorization.components(separatedBy: "SignedHeaders=").last?
                    .components(separatedBy: ",").first
            ).components(separatedBy: ";")
            #expect(signedNames.contains("host") && signedNames.contains("x-sdk-date"))
            let url = try #require(URL(string: "http://127.0.0.1:\(server.port)\(request.target)"))
            let date = try #require(RequestSigner.parseSDKDate(request.headers["X-Sdk-Date"] ?? ""))
            let resigned = RequestSigner(credentials: ClientTestKit.credentials, projectID: "proj-1")
                .sign(
                    HTTPRequest(
                        method: request.method, url: url,
                        headers: HTTPHeaders([("User-Agent", request.headers["User-Agent"] ?? "")])), date: date)
            #expect(resigned.authorization == authorization)
        }
    }
}

@Suite struct ClientCancellationTests {
    @Test func cancellingAHungListingReturnsPromptly() async throws {
        let (arrivals, arrived) = AsyncStream.makeStream(of: Void.self)
        let server = try ScriptedHTTPServer { _ in
            arrived.yield()
            return .hang
        }
        defer { server.stop() }
        let client = ClientTestKit.client(server, requestTimeout: 30)
        let started = Date()
        let listing = Task { try await client.listAllTasks() }
        var iterator = arrivals.makeAsyncIterator()
        _ = await iterator.next()
        listing.cancel()
        let result = await listing.result
        #expect(throws: CancellationError.self) { try result.get() }
        // Well under the 30 s request timeout: the cancellation, not the timeout, ended it (loose for loaded CI).
        #expect(Date().timeIntervalSince(started) < 20)
    }

    @Test func transportErrorsSayWhatToDo() {
        let host = "dcs.eu-de.otc.t-systems.com"
        #expect(
            APIError.transport(.dnsFailure(host: host), host: host, attempts: 1).userMessage
                == "cannot resolve dcs.eu-de.otc.t-systems.com — check the region or --endpoint, and this machine's DNS")
        #expect(APIError.transport(.tls("certificate expired"), host: host, attempts: 1).userMessage.contains("CA certificates"))
        #expect(
            APIError.transport(.timedOut(seconds: 30), host: host, attempts: 4).userMessage
                == "no response from dcs.eu-de.otc.t-systems.com within 30 s — check the network, a proxy (HTTPS_PROXY) or the endpoint (after 4 attempts)"
        )
        let throttled = RetryNotice(
            error: .http(status: 429, code: nil, message: "", requestID: nil, host: host), delay: 2.5, attempt: 1)
        #expect(throttled.userMessage == "throttled — retrying in 2.5 s (attempt 2)")
    }
}
