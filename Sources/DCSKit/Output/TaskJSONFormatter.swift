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

    /// Writes the output as UTF-8 chunks to `sink` (`list` hands them to stdout as they are, without
    /// making a `String` of each). Records are formatted in blocks of 512, two blocks at a time on two
    /// threads (issue 6: formatting was a quarter of `list`'s CPU at 100,000 tasks); the chunks still
    /// reach `sink` in order, and at most two blocks (~1 MB) are held at once.
    public func write(_ tasks: [WatchedTask], bytesTo sink: (UnsafeBufferPointer<UInt8>) -> Void) {
        if !lineDelimited, tasks.isEmpty {
            Array("[]\n".utf8).withUnsafeBufferPointer(sink)
            return
        }
        if !lineDelimited { Array("[\n".utf8).withUnsafeBufferPointer(sink) }
        let block = 512
        var first = 0
        while first < tasks.count {
            let ranges = [
                first..<min(first + block, tasks.count), min(first + block, tasks.count)..<min(first + 2 * block, tasks.count),
            ]
            let chunks = FormattedBlocks(count: 2)
            DispatchQueue.concurrentPerform(iterations: ranges[1].isEmpty ? 1 : 2) { part in
                chunks.set(part, format(tasks, ranges[part]))
            }
            chunks.withEach { $0.withUnsafeBufferPointer(sink) }
            first = ranges[1].isEmpty ? ranges[0].upperBound : ranges[1].upperBound
        }
        if !lineDelimited { Array("]\n".utf8).withUnsafeBufferPointer(sink) }
    }

    /// The records of `range`, each with its line end (and comma in an array but the very last).
    private func format(_ tasks: [WatchedTask], _ range: Range<Int>) -> [UInt8] {
        let indent = Array("  ".utf8)
        var chunk: [UInt8] = []
        chunk.reserveCapacity(range.count * 1_300)
        for index in range {
            if lineDelimited {
                TaskRecord.appendJSON(of: tasks[index], pretty: false, indent: [], to: &chunk)
            } else {
                chunk.append(contentsOf: indent)
                TaskRecord.appendJSON(of: tasks[index], pretty: true, indent: indent, to: &chunk)
                if index < tasks.count - 1 { chunk.append(UInt8(ascii: ",")) }
            }
            chunk.append(0x0A)
        }
        return chunk
    }
}

/// The byte blocks two formatting threads fill, one slot each.
/// `@unchecked Sendable`: each slot is written by one thread only, under `lock`, and read after both
/// threads have finished (`concurrentPerform` returns only then).
private final class FormattedBlocks: @unchecked Sendable {
    private let lock = NSLock()
    private var blocks: [[UInt8]]

    init(count: Int) {
        blocks = Array(repeating: [], count: count)
    }

    func set(_ index: Int, _ bytes: [UInt8]) {
        lock.withLock { blocks[index] = bytes }
    }

    func withEach(_ body: ([UInt8]) -> Void) {
        lock.withLock { blocks }.forEach(body)
    }
}
