import Foundation

/// An exposition as the tests read it: sample lines by series text (`name{labels}` exactly as written),
/// with their values. Series order is the registry's and not part of the format, so tests never rely on it.
struct Exposition {
    /// The whole text.
    let text: String
    /// Value by series text.
    let samples: [String: String]

    /// Reads `bytes` (sample lines are `SERIES VALUE`; label values hold no unescaped line feed).
    init(_ bytes: [UInt8]) {
        text = String(decoding: bytes, as: UTF8.self)
        var samples: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " ") else { continue }
            samples[String(line[..<space])] = String(line[line.index(after: space)...])
        }
        self.samples = samples
    }

    /// The series of family `name` (exactly that name, not its `_bucket`/`_sum` suffixes).
    func series(_ name: String) -> [String] {
        samples.keys.filter { $0 == name || $0.hasPrefix(name + "{") }.sorted()
    }

    /// The value of one series as a number.
    func value(_ series: String) -> Double? {
        samples[series].flatMap(Double.init)
    }
}
