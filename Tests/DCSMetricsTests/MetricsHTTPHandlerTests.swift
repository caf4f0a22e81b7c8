import DCSKit
import FlyingFox
import Foundation
import Testing

@testable import DCSMetrics

/// What `serve` answers on each path and method, from memory.
@Suite struct MetricsHTTPHandlerTests {
    static func metrics() -> MigrationMetrics {
        let metrics = MigrationMetrics()
        metrics.update(
            TaskSnapshot(targets: [TargetSnapshot(name: "eu", tasks: [MigrationTask(taskID: "t1")], fetchedAt: Date())]))
        return metrics
    }

    @Test func metricsAreTheTextExposition() async throws {
        let metrics = Self.metrics()
        let response = MetricsHTTPHandler.answer(method: .GET, path: "/metrics", metrics: metrics)
        #expect(response.statusCode == .ok)
        #expect(response.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
        let body = try await response.bodyData
        #expect(body == Data(metrics.exposition()))
        #expect(String(decoding: body, as: UTF8.self).contains(#"dcswatch_target_up{target="eu"} 1"#))
    }

    @Test func openMetricsWhenAcceptAsksForIt() async throws {
        let metrics = Self.metrics()
        metrics.requestObserver.requestCompleted(
            APIRequestRecord(target: "eu", call: .list, code: "200", duration: .milliseconds(200)))
        // What Prometheus 2.x sends by default.
        let accept =
            "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
            + "text/plain;version=0.0.4;q=0.5,*/*;q=0.1"
        #expect(OpenMetricsText.isWanted(byAccept: accept) && !OpenMetricsText.isWanted(byAccept: "text/plain"))
        let response = MetricsHTTPHandler.answer(method: .GET, path: "/metrics", metrics: metrics, openMetrics: true)
        #expect(response.headers[.contentType] == "application/openmetrics-text; version=1.0.0; charset=utf-8")
        let text = String(decoding: try await response.bodyData, as: UTF8.self)
        #expect(text.hasSuffix("\n# EOF\n"))
        // The counter family is named without `_total`; its samples keep it. Gauges are as in text.
        #expect(text.contains("# TYPE dcswatch_api_requests counter\n"))
        #expect(!text.contains("# TYPE dcswatch_api_requests_total"))
        #expect(text.contains(#"dcswatch_api_requests_total{"#))
        #expect(text.contains("# TYPE dcswatch_target_up gauge\n"))
        #expect(text.contains(#"dcswatch_target_up{target="eu"} 1"#))
    }

    @Test func headAnswersTheLengthWithoutTheBody() async throws {
        let metrics = Self.metrics()
        let response = MetricsHTTPHandler.answer(method: .HEAD, path: "/metrics", metrics: metrics)
        #expect(response.statusCode == .ok)
        #expect(response.headers[.contentLength] == String(metrics.exposition().count))
        #expect(try await response.bodyData.isEmpty)
    }

    @Test func healthzSaysOK() async throws {
        let response = MetricsHTTPHandler.answer(method: .GET, path: "/healthz", metrics: MigrationMetrics())
        #expect(response.statusCode == .ok)
        #expect(try await response.bodyData == Data("ok\n".utf8))
    }

    @Test func otherPathsAndMethodsAreRefused() {
        #expect(MetricsHTTPHandler.answer(method: .GET, path: "/", metrics: MigrationMetrics()).statusCode == .notFound)
        #expect(MetricsHTTPHandler.answer(method: .GET, path: "/metricsx", metrics: MigrationMetrics()).statusCode == .notFound)
        let post = MetricsHTTPHandler.answer(method: .POST, path: "/metrics", metrics: MigrationMetrics())
        #expect(post.statusCode == .methodNotAllowed)
        #expect(post.headers[HTTPHeader("Allow")] == "GET, HEAD")
    }
}
