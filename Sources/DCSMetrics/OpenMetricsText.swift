import Foundation

/// The OpenMetrics 1.0 form of swift-prometheus's text exposition, for scrapers that ask for it in
/// `Accept` (issue 18; Prometheus does by default). swift-prometheus writes only the text format 0.0.4,
/// and for the families of `MetricFamily` the two differ in two places alone: a counter family is named
/// without its `_total` suffix in its `# HELP`/`# TYPE` lines (its samples keep it), and the exposition
/// ends with `# EOF`. Samples, label escaping and histogram series are the same in both.
enum OpenMetricsText {
    /// The `Content-Type` of an OpenMetrics answer.
    static let contentType = "application/openmetrics-text; version=1.0.0; charset=utf-8"

    /// Whether an `Accept` header asks for OpenMetrics (any version; q-values are not weighed: a scraper
    /// that names it prefers it to the text format it also lists).
    static func isWanted(byAccept accept: String?) -> Bool {
        accept?.lowercased().contains("application/openmetrics-text") ?? false
    }

    /// `text` (the text format 0.0.4) rewritten as OpenMetrics.
    static func convert(_ text: [UInt8]) -> [UInt8] {
        let lines = String(decoding: text, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        let counters = Set(
            lines.compactMap { line -> Substring? in
                let words = line.split(separator: " ", maxSplits: 3)
                return words.count == 4 && words[1] == "TYPE" && words[3] == "counter" ? words[2] : nil
            })
        var output = ""
        output.reserveCapacity(text.count + 16)
        for line in lines {
            let words = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
            if words.count >= 3, words[0] == "#", words[1] == "HELP" || words[1] == "TYPE", counters.contains(words[2]),
                words[2].hasSuffix("_total")
            {
                output += "# \(words[1]) \(words[2].dropLast("_total".count))"
                if words.count == 4 { output += " \(words[3])" }
            } else {
                output += line
            }
            output += "\n"
        }
        output += "# EOF\n"
        return Array(output.utf8)
    }
}
