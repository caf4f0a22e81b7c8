import DCSKit
import DCSSimulator
import Foundation
import Logging
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The simulator over a real socket on 127.0.0.1, driven by URLSession (a minimal local sender: the
/// project's own client lives in DCSKit's Client module, written in parallel).
@Suite("Simulator over a socket", .serialized)
struct SocketServerTests {
    static let logger = Logger(label: "test.simulator") { _ in SwiftLogNoOpLogHandler() }

    /// Sends `request` with URLSession; returns status, headers and body, or throws URLSession's error.
    static func send(_ request: DCSKit.HTTPRequest, timeout: TimeInterval = 10) async throws -> (
        Int, [String: String], Data
    ) {
        var urlRequest = URLRequest(url: request.url, timeoutInterval: timeout)
        urlRequest.httpMethod = request.method
        for field in request.headers { urlRequest.setValue(field.value, forHTTPHeaderField: field.name) }
        if !request.body.isEmpty { urlRequest.httpBody = request.body }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: urlRequest)
        let http = try #require(response as? HTTPURLResponse)
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields { headers["\(key)".lowercased()] = "\(value)" }
        return (http.statusCode, headers, data)
    }

    static func startServer(faults: [FaultRule] = []) async throws -> (SimulatorServer, URL) {
        let server = SimulatorServer(
            configuration: SimulatorConfiguration(taskCount: 25, faults: faults), logger: logger)
        let url = try await server.start(port: 0)
        return (server, url)
    }

    @Test func boundURLIsLoopbackWithARealPort() async throws {
        let (server, url) = try await Self.startServer()
        #expect(url.host == "127.0.0.1")
        #expect((url.port ?? 0) > 0)
        await server.stop()
    }

    @Test func signedListOverTheSocketIsAccepted() async throws {
        let (server, url) = try await Self.startServer()
        let signer = RequestSigner(
            credentials: SigningCredentials(
                accessKey: SimulatorConfiguration.demoAccessKey, secretKey: SimulatorConfiguration.demoSecretKey),
            projectID: SimulatorConfiguration.demoProjectID)
        let plain = DCSKit.HTTPRequest(
            method: "GET",
            url: URL(
                string:
                    "\(url.absoluteString)/v2/\(SimulatorConfiguration.demoProjectID)/migration-tasks?limit=100&name=")!
        )
        let (status, headers, body) = try await Self.send(signer.sign(plain, date: Date()).request)
        await server.stop()
        #expect(status == 200)
        #expect(headers["x-request-id"]?.count == 32)
        let page = try JSONValue.parse(body)
        #expect(page["count"].lenientInt == server.router.snapshots().count)
        let wrong = RequestSigner(
            credentials: SigningCredentials(accessKey: SimulatorConfiguration.demoAccessKey, secretKey: "bad"))
        let (server2, url2) = try await Self.startServer()
        let rejected = DCSKit.HTTPRequest(
            method: "GET",
            url: URL(string: "\(url2.absoluteString)/v2/\(SimulatorConfiguration.demoProjectID)/migration-tasks")!)
        let (status2, _, body2) = try await Self.send(wrong.sign(rejected, date: Date()).request)
        await server2.stop()
        #expect(status2 == 401)
        #expect(try JSONValue.parse(body2)["error_msg"].lenientString?.contains("CanonicalRequest: GET|/v2/") == true)
    }

    @Test func controlEndpointSwitchesFaultsOverHTTP() async throws {
        let (server, url) = try await Self.startServer()
        let control = URL(string: "\(url.absoluteString)/_sim/faults")!
        let (setStatus, _, setBody) = try await Self.send(
            DCSKit.HTTPRequest(method: "POST", url: control, body: Data(#"{"faults":["html502/list"]}"#.utf8)))
        #expect(setStatus == 200)
        #expect(try JSONValue.parse(setBody)["faults"] == .array([.string("html502/list")]))
        let signer = RequestSigner(
            credentials: SigningCredentials(
                accessKey: SimulatorConfiguration.demoAccessKey, secretKey: SimulatorConfiguration.demoSecretKey))
        let list = DCSKit.HTTPRequest(
            method: "GET",
            url: URL(string: "\(url.absoluteString)/v2/\(SimulatorConfiguration.demoProjectID)/migration-tasks")!)
        let (faulted, headers, _) = try await Self.send(signer.sign(list, date: Date()).request)
        #expect(faulted == 502)
        #expect(headers["content-type"] == "text/html")
        _ = try await Self.send(DCSKit.HTTPRequest(method: "DELETE", url: control))
        let (healthy, _, _) = try await Self.send(signer.sign(list, date: Date()).request)
        #expect(healthy == 200)
        await server.stop()
    }

    @Test func resetClosesTheConnectionWithoutAResponse() async throws {
        let (server, url) = try await Self.startServer(faults: [try FaultRule.parse("reset")])
        let request = DCSKit.HTTPRequest(method: "GET", url: URL(string: "\(url.absoluteString)/v2/x/migration-tasks")!)
        do {
            _ = try await Self.send(request)
            Issue.record("expected the connection to drop")
        } catch let error as URLError {
            // FoundationNetworking (curl: "empty reply from server") reports badServerResponse;
            // Darwin's URLSession reports networkConnectionLost.
            #expect([.badServerResponse, .networkConnectionLost].contains(error.code))
        }
        await server.stop()
    }

    @Test func hangOutlastsTheClientsTimeout() async throws {
        let (server, url) = try await Self.startServer(faults: [try FaultRule.parse("hang:30s")])
        let request = DCSKit.HTTPRequest(method: "GET", url: URL(string: "\(url.absoluteString)/v2/x/migration-tasks")!)
        let started = Date()
        do {
            _ = try await Self.send(request, timeout: 1)
            Issue.record("expected a timeout")
        } catch let error as URLError {
            #expect(error.code == .timedOut)
        }
        // The client gave up at its own timeout, not when the server closed the connection (30 s).
        let elapsed = Date().timeIntervalSince(started)
        #expect(elapsed >= 0.9 && elapsed < 20)  // loose upper bound: only proves "no hang" on a loaded machine
        await server.stop()
    }
}
