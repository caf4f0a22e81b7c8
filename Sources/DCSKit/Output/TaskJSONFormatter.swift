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
        var output = ""
        write(tasks, to: &output)
        return output
    }

    /// Writes the output record by record, so 100,000 tasks never sit in memory as one JSON document.
    public func write<Target: TextOutputStream>(_ tasks: [TargetTask], to output: inout Target) {
        let encoder = JSONEncoder()
        if lineDelimited {
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for task in tasks { output.write(encode(TaskRecord(task), with: encoder) + "\n") }
            return
        }
        guard !tasks.isEmpty else {
            output.write("[]\n")
            return
        }
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        output.write("[\n")
        for (index, task) in tasks.enumerated() {
            // Each record pretty-printed on its own, indented as an element of the array.
            let record = encode(TaskRecord(task), with: encoder).split(separator: "\n", omittingEmptySubsequences: false)
                .map { "  " + $0 }.joined(separator: "\n")
            output.write(record + (index < tasks.count - 1 ? ",\n" : "\n"))
        }
        output.write("]\n")
    }

    private func encode<Value: Encodable>(_ value: Value, with encoder: JSONEncoder) -> String {
        // Encoding strings, arrays and nulls cannot fail; an empty array is the safe fallback.
        guard let data = try? encoder.encode(value) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}
