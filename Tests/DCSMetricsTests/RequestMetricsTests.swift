import DCSKit
import Foundation
import Testing

@testable import DCSMetrics

/// `dcswatch_api_requests_total` and `dcswatch_api_request_duration_seconds` from the records the
/// clients report.
@Suite struct RequestMetricsTests {
    @Test func attemptsAreCountedByCallAndCode() {
        let metrics = MigrationMetrics()
        let observer = metrics.requestObserver
        for code in ["200", "200", "503"] {
            observer.requestCompleted(APIRequestRecord(target: "eu", call: .list, code: code, duration: .milliseconds(20)))
        }
        observer.requestCompleted(APIRequestRecord(target: "eu", call: .stats, code: "timeout", duration: .seconds(30)))
        let exposition = Exposition(metrics.exposition())
        #expect(exposition.value(#"dcswatch_api_requests_total{target="eu",call="list",code="200"}"#) == 2)
        #expect(exposition.value(#"dcswatch_api_requests_total{target="eu",call="list",code="503"}"#) == 1)
        #expect(exposition.value(#"dcswatch_api_requests_total{target="eu",call="stats",code="timeout"}"#) == 1)
        #expect(exposition.series("dcswatch_api_requests_total").count == 3)
    }

    @Test func durationsFallIntoTheirBucketsByCall() {
        let metrics = MigrationMetrics()
        let observer = metrics.requestObserver
        observer.requestCompleted(APIRequestRecord(target: "eu", call: .list, code: "200", duration: .milliseconds(20)))
        observer.requestCompleted(APIRequestRecord(target: "eu", call: .list, code: "500", duration: .milliseconds(700)))
        let exposition = Exposition(metrics.exposition())
        let prefix = #"dcswatch_api_request_duration_seconds_bucket{target="eu",call="list",le="#
        #expect(exposition.value(prefix + #""0.01"}"#) == 0)
        #expect(exposition.value(prefix + #""0.025"}"#) == 1)
        #expect(exposition.value(prefix + #""0.5"}"#) == 1)
        #expect(exposition.value(prefix + #""1.0"}"#) == 2)
        #expect(exposition.value(prefix + #""+Inf"}"#) == 2)
        #expect(exposition.value(#"dcswatch_api_request_duration_seconds_count{target="eu",call="list"}"#) == 2)
        #expect(exposition.value(#"dcswatch_api_request_duration_seconds_sum{target="eu",call="list"}"#) == 0.72)
        #expect(exposition.series("dcswatch_api_request_duration_seconds_count").count == 1)
    }
}
