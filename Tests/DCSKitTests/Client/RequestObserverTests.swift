import DCSKit
import DCSTestSupport
import Foundation
import Testing

/// The client tells its request observer about every attempt, with the call, the status or the
/// transport failure, and the time it took (issue 18's request metrics).
@Suite struct RequestObserverTests {
    /// Records what it is told.
    final class Recorder: APIRequestObserver, @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [APIRequestRecord] = []

        func requestCompleted(_ record: APIRequestRecord) { lock.withLock { stored.append(record) } }

        /// The records as `call code`, in order.
        var lines: [String] { lock.withLock { stored.map { "\($0.call.rawValue) \($0.code)" } } }
        var records: [APIRequestRecord] { lock.withLock { stored } }
    }

    @Test func everyAttemptOfAListingIsToldWithItsStatusRetriesIncluded() async throws {
        let counter = Counter()
        let server = try ScriptedHTTPServer { request in
            counter.next() == 1 ? .dcsError(503, code: "DCS.5000", message: "busy") : TaskPageScript.numbered(3).reply(request)
        }
        defer { server.stop() }
        let recorder = Recorder()
        let client = ClientTestKit.client(server, pageConcurrency: 1, observer: recorder)
        _ = try await client.listAllTasks()
        #expect(recorder.lines == ["list 503", "list 200"])
        #expect(recorder.records.allSatisfy { $0.target == "test" && $0.duration >= .zero })
    }

    @Test func detailStatsAndLogsAreToldAsTheirCalls() async throws {
        let server = try ScriptedHTTPServer { request in
            if request.target.contains("/logs") { return .json(404, "{}") }
            if request.target.contains("/stats") { return .json(200, #"{"offset": 3}"#) }
            return .json(200, #"{"task_id": "t1", "status": "MIGRATING"}"#)
        }
        defer { server.stop() }
        let recorder = Recorder()
        let client = ClientTestKit.client(server, observer: recorder)
        _ = try await client.stats(taskID: "t1")
        _ = try await client.detail(taskID: "t1")
        _ = try await client.logs(taskID: "t1")
        #expect(recorder.lines == ["stats 200", "detail 200", "logs 404"])
    }

    @Test func aRequestWithoutAnswerIsToldByWhy() async throws {
        let port = try ScriptedHTTPServer.closedPort()
        let target = ResolvedTarget(
            name: "gone", endpoint: try #require(URL(string: "http://127.0.0.1:\(port)")), projectID: "p",
            auth: .signing(ClientTestKit.credentials))
        let recorder = Recorder()
        let sleeper = SleepRecorder()
        let client = DCSClient(
            target: target, transport: URLSessionTransport(connectTimeout: 2, requestTimeout: 2),
            options: ClientOptions(maxRetries: 1, retrySleep: sleeper.sleep, requestObserver: recorder),
            now: { Date(timeIntervalSince1970: 0) })
        _ = await ClientTestKit.apiError { try await client.stats(taskID: "t1") }
        #expect(recorder.lines == ["stats connection_refused"])
        #expect(recorder.records.first?.target == "gone")
    }

    @Test func transportFailuresHaveFixedCodes() {
        let codes = [
            TransportError.dnsFailure(host: "a.example"), .connectionRefused(host: "a"), .timedOut(seconds: 3), .tls("bad cert"),
            .connectionLost("reset by peer"), .other("curl 56: something"),
        ].map(APIRequestRecord.code(for:))
        #expect(codes == ["dns_failure", "connection_refused", "timeout", "tls", "connection_lost", "transport_error"])
    }
}
