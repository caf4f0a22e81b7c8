import DCSKit
import Foundation
import Testing

/// The config keys of issue 5: stats interval, notification mode, categories and escape.
@Suite struct ProgressConfigTests {
    func load(_ text: String) throws -> DCSWatchConfig {
        try ConfigTestKit.loader(files: ["/c.json": text]).load(configPath: "/c.json")
    }

    @Test func keysAreRead() throws {
        let config = try load(
            #"{"stats_interval_seconds": 30, "notifications": "on", "notify_on": ["failed", "STOPPED"], "notification_escape": "osc777"}"#
        )
        #expect(config.statsIntervalSeconds == 30)
        #expect(config.notifications == .on)
        #expect(config.notifyOn == [.failed, .stopped])
        #expect(config.notificationEscape == .osc777)
        #expect(config.otherKeys.isEmpty)
        let empty = try load("{}")
        #expect(
            empty.statsIntervalSeconds == nil && empty.notifications == nil && empty.notifyOn == nil
                && empty.notificationEscape == nil)
    }

    @Test func badValuesSayWhatToUse() {
        let cases: [(String, String)] = [
            (#"{"stats_interval_seconds": 0}"#, "use 1 to 3600 seconds"),
            (#"{"stats_interval_seconds": "10"}"#, "a number of seconds"),
            (#"{"notifications": "loud"}"#, #"use "off", "bell" or "on""#),
            (#"{"notify_on": "failed"}"#, "an array"),
            (#"{"notify_on": ["broken"]}"#, "running, stopping, succeeded, stopped, failed, unknown"),
            (#"{"notification_escape": "osc99"}"#, #"use "osc9" or "osc777""#),
        ]
        for (text, expected) in cases {
            let message = ConfigTestKit.message { _ = try load(text) }
            #expect(message?.contains(expected) == true, "\(text): \(message ?? "no error")")
        }
    }

    @Test func detailPaneIsABoolean() throws {
        #expect(try load(#"{"detail_pane": false}"#).detailPane == false)
        #expect(try load(#"{"detail_pane": true}"#).detailPane == true)
        #expect(try load("{}").detailPane == nil)
        for text in [#"{"detail_pane": "off"}"#, #"{"detail_pane": 0}"#] {
            let message = ConfigTestKit.message { _ = try load(text) }
            #expect(message?.contains("true or false") == true, "\(text): \(message ?? "no error")")
        }
    }
}
