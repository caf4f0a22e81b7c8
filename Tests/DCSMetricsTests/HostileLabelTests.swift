import DCSKit
import DCSSimulator
import DCSTestSupport
import Foundation
import Testing

@testable import DCSMetrics

/// Task names are untrusted: whatever they hold, the exposition stays one sample per line with every
/// label value quoted and escaped as the format requires, and nothing that drives a terminal gets out
/// (issue 18; `SafeText` first, swift-prometheus's escaping second).
@Suite struct HostileLabelTests {
    /// Quotes, backslashes and a line feed the format must escape, plus the simulator's terminal attacks.
    static let names =
        [#"say "hi" \ bye"#, "C:\\new\\table", "ends with backslash \\", "two\nlines", "\u{1B}[2J\u{1B}]0;x\u{07}"]
        + HostileText.payloads

    static func metrics() -> MigrationMetrics {
        let tasks = names.enumerated().map { index, name in
            MigrationTask(
                taskID: "t\(index)", name: name, status: name, migrationType: name, migrationMethod: name,
                dataSource: name, targetInstanceName: name)
        }
        let metrics = MigrationMetrics()
        metrics.update(TaskSnapshot(targets: [TargetSnapshot(name: "eu \"\\", tasks: tasks, fetchedAt: Date())]))
        for index in names.indices {
            metrics.record(TaskStats(offset: Double(index)), for: TaskKey(target: "eu \"\\", taskID: "t\(index)"))
        }
        return metrics
    }

    @Test func quotesAndBackslashesAreEscapedInPlace() {
        let text = Exposition(Self.metrics().exposition()).text
        #expect(text.contains(#"task_name="say \"hi\" \\ bye""#))
        #expect(text.contains(#"task_name="C:\\new\\table""#))
        #expect(text.contains(#"task_name="ends with backslash \\""#))
        #expect(text.contains(#"target="eu \"\\""#))
    }

    @Test func everyLineIsACommentOrOneWellFormedSample() {
        let text = Exposition(Self.metrics().exposition()).text
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        // info, status and offset for each task, plus up and last success of the target.
        #expect(lines.filter { !$0.hasPrefix("#") }.count == Self.names.count * 3 + 2)
        for line in lines where !line.hasPrefix("#") {
            #expect(Self.isWellFormed(line), "\(line)")
        }
    }

    @Test func nothingThatDrivesATerminalGetsOut() {
        let bytes = Self.metrics().exposition()
        let controls = bytes.filter { $0 < 0x20 && $0 != 0x0A }
        #expect(controls.isEmpty)
        let text = String(decoding: bytes, as: UTF8.self)
        for scalar in ["\u{9B}", "\u{202E}", "\u{200B}", "\u{7F}"] { #expect(!text.contains(scalar)) }
    }

    @Test func theLineCheckRejectsWhatTheFormatRejects() {
        #expect(Self.isWellFormed(#"x{a="b \"c\" \\"} 1.0"#))
        #expect(!Self.isWellFormed(#"x{a="b"c"} 1.0"#))
        #expect(!Self.isWellFormed(#"x{a="b\"} 1.0"#))
    }

    @Test(.requires(.prometheus)) func promtoolAcceptsTheExposition() throws {
        let verdict = try Promtool.checkMetrics(Self.metrics().exposition())
        #expect(verdict.status == 0, "\(verdict.output)")
        // And promtool is a judge that can say no: an unescaped quote in a label value.
        let broken = try Promtool.checkMetrics(Array("# TYPE x gauge\nx{a=\"b\"c\"} 1\n".utf8))
        #expect(broken.status != 0)
    }

    /// `name{label="value",…} number`, where a value is `"` then escaped text (`\\`, `\"`, `\n`, or
    /// anything but `\` and `"`) then `"`: the text format's grammar for one sample.
    static func isWellFormed(_ line: Substring) -> Bool {
        let pattern = #"^[a-z_]+\{([a-z_]+="(\\[\\"n]|[^\\"])*",?)+\} [0-9.e+-]+$"#
        return line.range(of: pattern, options: .regularExpression) != nil
    }
}
