import DCSKit
import DCSTestSupport
import Foundation
import Testing

/// The libcurl transport over real HTTP on 127.0.0.1, next to URLSession's where both must agree
/// (issue 6 replaced the live client; `ClientErrorTests` runs its transport faults on both).
@Suite struct CurlTransportTests {
    @Test(arguments: HTTPClientKind.allCases) func aPostArrivesWithItsBodyAndHeadersAndTheResponseComesBackWhole(
        http: HTTPClientKind
    ) async throws {
        // 3 MB of every byte value: crosses libcurl's 16 KB chunks, and a text decoding would break it.
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
        let response = try await ClientTestKit.transport(http).send(request)
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
        _ = try await ClientTestKit.transport(.curl).send(request)
        let received = try #require(server.requests.first)
        #expect(received.method == "PUT")
        #expect(received.body == Data("a=b".utf8))
        #expect(received.headers["Content-Type"] == nil)
    }

    @Test func aBodyStillHeldIsNotOverwrittenByTheNextResponse() async throws {
        // Bodies are written into pooled buffers (session 6); a buffer goes back only when its `Data` is
        // released, so a kept body must survive later responses, released ones be reused.
        let server = try ScriptedHTTPServer { request in
            .response(status: 200, headers: [], body: Data(repeating: request.path == "/a" ? 0x61 : 0x62, count: 300_000))
        }
        defer { server.stop() }
        let transport = ClientTestKit.transport(.curl)
        let first = try await transport.send(HTTPRequest(method: "GET", url: server.baseURL.appendingPathComponent("a")))
        for _ in 0..<3 {
            let other = try await transport.send(HTTPRequest(method: "GET", url: server.baseURL.appendingPathComponent("b")))
            #expect(other.body == Data(repeating: 0x62, count: 300_000))
        }
        #expect(first.body == Data(repeating: 0x61, count: 300_000))
    }

    @Test func requestsOneAfterAnotherShareOneConnection() async throws {
        let server = try ScriptedHTTPServer { _ in .json(200, #"{"count":0,"migration_tasks":[]}"#) }
        defer { server.stop() }
        let transport = ClientTestKit.transport(.curl)
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
        let transport = ClientTestKit.transport(.curl, connectTimeout: 30, requestTimeout: 60)
        let hung = Task {
            try await transport.send(HTTPRequest(method: "GET", url: server.baseURL.appendingPathComponent("hang")))
        }
        // Cancel only once the server holds the request, so the transfer is really in libcurl.
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
        let transport = ClientTestKit.transport(.curl, connectTimeout: 10, requestTimeout: 30)
        let request = HTTPRequest(method: "GET", url: server.baseURL.appendingPathComponent("slow"), timeout: 0.3)
        await #expect(throws: TransportError.timedOut(seconds: 0.3)) { try await transport.send(request) }
    }

    @Test func theLiveTransportIsLibcurlUnlessURLSessionIsAskedFor() {
        let curl = LiveTransport.make(.curl)
        #expect(curl.transport is CurlTransport)
        #expect(curl.fallbackReason == nil)
        #expect(CurlTransport.libraryVersion?.hasPrefix("libcurl/") == true)
        #expect(LiveTransport.make(.urlsession).transport is URLSessionTransport)
    }

    /// The option and error numbers in CLibcurl.h are typed in by hand (libcurl is loaded with dlopen,
    /// without its headers): each is checked here against <curl/curl.h> by the C compiler.
    @Test func everyConstantMatchesTheInstalledCurlHeader() throws {
        let header = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../../Sources/CLibcurl/include/CLibcurl.h"
        ).standardizedFileURL
        let text = try String(contentsOf: header, encoding: .utf8)
        let names = text.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("DCS_"), let equals = trimmed.firstIndex(of: "=") else { return nil }
            return String(trimmed[trimmed.index(trimmed.startIndex, offsetBy: 4)..<equals]).trimmingCharacters(in: .whitespaces)
        }
        #expect(names.count >= 50)
        var source = "#include <curl/curl.h>\n#include \"\(header.path)\"\n"
        for name in names { source += "_Static_assert(DCS_\(name) == \(name), \"DCS_\(name) differs from curl.h\");\n" }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dcswatch-curl-\(UUID().uuidString).c")
        try source.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let compiled = try ChildProcess.run(["cc", "-fsyntax-only", file.path])
        #expect(
            compiled.status == 0,
            "curl.h disagrees (or is missing: apt-get install libcurl4-openssl-dev): \(compiled.output)")
    }
}
