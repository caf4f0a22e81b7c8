import DCSTestSupport
import Foundation
import Testing

/// `docs/prometheus/alerts.yml` is valid for Prometheus and each alert fires when it should (its unit
/// tests, `alerts.test.yml`, run by promtool).
@Suite(.requires(.prometheus)) struct AlertRulesTests {
    /// `docs/prometheus` of this checkout: this file is Tests/DCSMetricsTests/AlertRulesTests.swift.
    static func folder(filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/prometheus")
    }

    @Test func theRulesPassPromtoolCheckRules() throws {
        let verdict = try Promtool.run(["check", "rules", Self.folder().appendingPathComponent("alerts.yml").path])
        #expect(verdict.status == 0, "\(verdict.output)")
        #expect(verdict.output.contains("SUCCESS: 7 rules found"))
    }

    @Test func eachAlertFiresWhenItShouldAndOnlyThen() throws {
        let verdict = try Promtool.run(["test", "rules", Self.folder().appendingPathComponent("alerts.test.yml").path])
        #expect(verdict.status == 0, "\(verdict.output)")
    }
}
