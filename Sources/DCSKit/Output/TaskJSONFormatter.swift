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
    public func format(_ tasks: [WatchedTask]) -> String {
        var output = ""
        write(tasks, to: &output)
        return output
    }

    /// Writes the output in chunks of records, so 100,000 tasks never sit in memory as one JSON
    /// document; each record is written as bytes straight into the chunk (issue 6).
    public func write<Target: TextOutputStream>(_ tasks: [WatchedTask], to output: inout Target) {
        write(tasks) { chunk in output.write(String(decoding: chunk, as: UTF8.self)) }
    }

    /// Writes the output as UTF-8 chunks of about 64 KiB to `sink` (`list` hands them to stdout as they
    /// are, without making a `String` of each).
    public func write(_ tasks: [WatchedTask], bytesTo sink: (UnsafeBufferPointer<UInt8>) -> Void) {
        if !lineDelimited, tasks.isEmpty {
            Array("[]\n".utf8).withUnsafeBufferPointer(sink)
            return
        }
        let indent = Array("  ".utf8)
        var chunk: [UInt8] = []
        chunk.reserveCapacity(1 << 17)
        if !lineDelimited { chunk.append(contentsOf: "[\n".utf8) }
        for index in tasks.indices {
            if lineDelimited {
                TaskRecord.appendJSON(of: tasks[index], pretty: false, indent: [], to: &chunk)
                chunk.append(0x0A)
            } else {
                chunk.append(contentsOf: indent)
                TaskRecord.appendJSON(of: tasks[index], pretty: true, indent: indent, to: &chunk)
                if index < tasks.count - 1 { chunk.append(UInt8(ascii: ",")) }
                chunk.append(0x0A)
            }
            if chunk.count >= 1 << 16 {
                chunk.withUnsafeBufferPointer(sink)
                chunk.removeAll(keepingCapacity: true)
            }
        }
        if !lineDelimited { chunk.append(contentsOf: "]\n".utf8) }
        if !chunk.isEmpty { chunk.withUnsafeBufferPointer(sink) }
    }
}
