import Foundation

/// `list --output json` (one array, pretty-printed) and `--output ndjson` (one compact object per
/// line). Keys are sorted, so the output is stable for diffs and scripts.
public struct TaskJSONFormatter: Sendable {
    /// True for NDJSON.
    public var lineDelimited: Bool

    /// Builds a formatter.
    public init(lineDelimited: Bool = false) {
        self.lineDelimited = lineDelimited
    }

    /// The whole output, ending with a newline (NDJSON of no tasks is empty).
    public func format(_ tasks: [TargetTask]) -> String {
        let encoder = JSONEncoder()
        if lineDelimited {
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return tasks.map { encode(TaskRecord($0), with: encoder) + "\n" }.joined()
        }
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return encode(tasks.map(TaskRecord.init), with: encoder) + "\n"
    }

    private func encode<Value: Encodable>(_ value: Value, with encoder: JSONEncoder) -> String {
        // Encoding strings, arrays and nulls cannot fail; an empty array is the safe fallback.
        guard let data = try? encoder.encode(value) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}
