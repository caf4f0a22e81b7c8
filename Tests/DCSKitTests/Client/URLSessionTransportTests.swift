import DCSKit
import DCSTestSupport
import Foundation
import Testing

/// The live transport over real HTTP on 127.0.0.1 (`ClientErrorTests` has the faults as the client
/// reports them: redirects, cut-off bodies, resets, refused connections, timeouts).
@Suite struct URLSessionTransportTests {
    @Test func aPostArrivesWithItsBodyAndHeadersAndTheResponseComesBackWhole() async throws {
        // 3 MB of every byte value: crosses the 16 KB chunks it arrives in, and a text decoding would break it.
        let payload = Data((0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) })
        let server = try ScriptedHTTPServer { _ in
            .response(status: 201, headers: [("X-Request-Id", "r-1"), ("X-Subject-Token", "tok")], body: payload)
        }
        defer { server.stop() }
        let url = try #require(URL(string: "\(server.baseURL)/v3/auth/tokens?nocatalog=true"))
        let body = Data(#"{"auth":{"identity":{}}}"#.utf8)
        let request = HTTPRequest(
            method: "POST", url: url,
            headers: HTTPHeaders([("Content-Type", "application/json"), ("X-Sdk-Date", "20261129T000000Z")]),
            body: body)
        let response = try await URLSessionTransport().send(request)
        #expect(response.status == 201)
        #expect(response.headers["x-request-id"] == "r-1")
        #expect(response.headers["X-Subject-Token"] == "tok")
        #expect(response.body == payload)
        let received = try #require(server.requests.first)
        #expect(received.method == "POST")
        #expect(received.target == "/v3/auth/tokens?nocatalog=true")
        #expect(received.body == body)
        #expect(received.headers["Content-Type"] == "application/json")
        #expect(received.headers["X-Sdk-Date"] == "20261129T000000Z")
    }

    @Test func aBodyWithoutContentTypeIsNotLabelledAsAForm() async throws {
        let server = try ScriptedHTTPServer { _ in .json(200, "{}") }
        defer { server.stop() }
        let request = HTTPRequest(method: "PUT", url: server.baseURL.appendingPathComponent("x"), body: Data("a=b".utf8))
        _ = try await URLSessionTransport().send(request)
        let received = try #require(server.requests.first)
        #expect(received.method == "PUT")
        #expect(received.body == Data("a=b".utf8))
        #expect(received.headers["Content-Type"] == nil)
    }

    @Test func requestsOneAfterAnotherShareOneConnection() async throws {
        let server = try ScriptedHTTPServer { _ in .json(200, #"{"count":0,"migration_tasks":[]}"#) }
        defer { server.stop() }
        let transport = URLSessionTransport()
        for _ in 0..<5 {
            let response = try await transport.send(HTTPRequest(method: "GET", url: server.baseURL.appendingPathComponent("v2")))
            #expect(response.status == 200)
        }
        #expect(server.requests.count == 5)
        #expect(server.acceptedConnections == 1)
    }

    @Test func cancellingAHungRequestEndsItAtOnceAndTheTransportGoesOn() async throws {
        let server = try ScriptedHTTPServer { request in request.path == "/hang" ? .hang : .json(200, "{}") }
        defer { server.stop() }
        let transport = URLSessionTransport(connectTimeout: 30, requestTimeout: 60)
        let hung = Task {
            try await transport.send(HTTPRequest(method: "GET", url: server.baseURL.appendingPathComponent("hang")))
        }
        // Cancel only once the server holds the request, so the transfer is really under way.
        while server.requests.isEmpty { await Task.yield() }
        let started = Date()
        hung.cancel()
        let result = await hung.result
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(throws: TransportError.cancelled) { try result.get() }
        let next = try await transport.send(HTTPRequest(method: "GET", url: server.baseURL.appendingPathComponent("ok")))
        #expect(next.status == 200)
    }

    @Test func aDeadlineShorterThanTheIdleTimeoutIsTheOneReported() async throws {
        let server = try ScriptedHTTPServer { _ in .hang }
        defer { server.stop() }
        let transport = URLSessionTransport(connectTimeout: 10, requestTimeout: 30)
        let request = HTTPRequest(method: "GET", url: server.baseURL.appendingPathComponent("slow"), timeout: 0.3)
        await #expect(throws: TransportError.timedOut(seconds: 0.3)) { try await transport.send(request) }
    }

    @Test func aStalledResponseHitsTheNoProgressTimeoutLongBeforeTheDeadline() async throws {
        let server = try ScriptedHTTPServer { _ in .hang }
        defer { server.stop() }
        let transport = URLSessionTransport(connectTimeout: 1, requestTimeout: 30)
        let clock = ContinuousClock()
        let started = clock.now
        await #expect(throws: TransportError.timedOut(seconds: 1)) {
            try await transport.send(HTTPRequest(method: "GET", url: server.baseURL.appendingPathComponent("stalled")))
        }
        // Loose: it only proves the 30 s deadline was not the one that ended it.
        #expect(clock.now - started < .seconds(20))
    }
}
