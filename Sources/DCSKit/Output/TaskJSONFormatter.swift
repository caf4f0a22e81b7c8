import Foundation

/// `list --output json` (one array, pretty-printed) and `--output ndjson` (one compact object per
/// line), written by `JSONOutput`. Keys are sorted, so the output is stable for diffs and scripts.
public struct TaskJSONFormatter: Sendable {
    /// True for NDJSON.
    public var lineDelimited: Bool

    /// Records encoded per `JSONEncoder` call: 100,000 tasks never sit in memory as one document.
    package static let block = 1_000

    /// Builds a formatter.
    public init(lineDelimited: Bool = false) {
        self.lineDelimited = lineDelimited
    }

    /// The whole output, ending with a newline (NDJSON of no tasks is empty).
    public func format(_ tasks: [WatchedTask]) throws -> String {
        var output = ""
        try write(tasks, to: &output)
        return output
    }

    /// Writes the output, a block of records at a time.
    public func write<Target: TextOutputStream>(_ tasks: [WatchedTask], to output: inout Target) throws {
        try write(tasks) { chunk in output.write(String(decoding: chunk, as: UTF8.self)) }
    }

    /// Writes the output as UTF-8 chunks to `sink`, one per block of records, in order.
    public func write(_ tasks: [WatchedTask], bytesTo sink: (Data) -> Void) throws {
        if !lineDelimited, tasks.isEmpty {
            sink(Data("[]\n".utf8))
            return
        }
        let encoder = JSONOutput.encoder(pretty: !lineDelimited)
        var first = 0
        while first < tasks.count {
            let range = first..<min(first + Self.block, tasks.count)
            if lineDelimited {
                var chunk = Data()
                for index in range {
                    chunk.append(try encoder.encode(TaskRecord(tasks[index])))
                    chunk.append(0x0A)
                }
                sink(JSONOutput.escapingInvisibles(chunk))
            } else {
                // The block as a pretty array, "[\n  {…},\n  {…}\n]": its elements are already indented as
                // those of the whole output; the brackets are those of the first and last blocks only.
                let array = try encoder.encode(tasks[range].map(TaskRecord.init))
                var chunk = Data(range.lowerBound == 0 ? "[\n".utf8 : ",\n".utf8)
                chunk.append(array.dropFirst(2).dropLast(2))
                chunk.append(contentsOf: range.upperBound == tasks.count ? Array("\n]\n".utf8) : [])
                sink(JSONOutput.escapingInvisibles(chunk))
            }
            first = range.upperBound
        }
    }
}
