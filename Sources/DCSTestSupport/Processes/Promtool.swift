import Foundation

/// Prometheus's own checker (Debian's `prometheus` package), so that what dcswatch writes is judged by
/// the parser Prometheus scrapes with, not by the test's idea of the format (issue 18).
public enum Promtool {
    /// What promtool said: its status (0 when it found nothing wrong) and its output.
    public struct Verdict: Sendable {
        /// 0 when the input passed.
        public let status: Int32
        /// stdout and stderr together (the problems it found).
        public let output: String
    }

    /// `promtool check metrics` on `exposition` (it reads standard input, so the text goes through a file).
    /// Lint problems (a counter without `_total`, …) fail it as well as syntax errors.
    public static func checkMetrics(_ exposition: some Sequence<UInt8>) throws -> Verdict {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dcswatch-\(UUID().uuidString).prom")
        try Data(exposition).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let (status, output) = try ChildProcess.run(["sh", "-c", "exec promtool check metrics < \"$1\"", "sh", file.path])
        return Verdict(status: status, output: output)
    }

    /// `promtool ARGUMENTS…` (`check rules FILE`, `test rules FILE`).
    public static func run(_ arguments: [String]) throws -> Verdict {
        let (status, output) = try ChildProcess.run(["promtool"] + arguments)
        return Verdict(status: status, output: output)
    }
}
