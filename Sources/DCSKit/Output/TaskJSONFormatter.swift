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
        let chunks = FormattedBlocks(count: 2)
        var first = 0
        while first < tasks.count {
            let ranges = [
                first..<min(first + block, tasks.count), min(first + block, tasks.count)..<min(first + 2 * block, tasks.count),
            ]
            DispatchQueue.concurrentPerform(iterations: ranges[1].isEmpty ? 1 : 2) { part in
                chunks.fill(part) { format(tasks, ranges[part], into: &$0) }
            }
            chunks.withEach(count: ranges[1].isEmpty ? 1 : 2) { $0.withUnsafeBufferPointer(sink) }
            first = ranges[1].isEmpty ? ranges[0].upperBound : ranges[1].upperBound
        }
        if !lineDelimited { Array("]\n".utf8).withUnsafeBufferPointer(sink) }
    }

    /// Appends the records of `range` to `chunk`, each with its line end (and comma in an array but
    /// the very last).
    private func format(_ tasks: [WatchedTask], _ range: Range<Int>, into chunk: inout [UInt8]) {
        let indent = Array("  ".utf8)
        tasks.withUnsafeBufferPointer { tasks in
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
        }
    }
}

/// The byte blocks two formatting threads fill, one slot each, reused from block to block (a fresh
/// ~600 KB buffer per block was a fresh `mmap` and its page faults every time).
/// `@unchecked Sendable`: slot `i` is only touched by the thread of iteration `i` while
/// `concurrentPerform` runs, and by the caller after it returned; the slots never share storage.
private final class FormattedBlocks: @unchecked Sendable {
    private var blocks: UnsafeMutablePointer<[UInt8]>
    private let count: Int

    init(count: Int) {
        self.count = count
        blocks = UnsafeMutablePointer<[UInt8]>.allocate(capacity: count)
        blocks.initialize(repeating: [], count: count)
    }

    deinit {
        blocks.deinitialize(count: count)
        blocks.deallocate()
    }

    /// Empties slot `index` (keeping its capacity) and lets `body` fill it.
    func fill(_ index: Int, _ body: (inout [UInt8]) -> Void) {
        blocks[index].removeAll(keepingCapacity: true)
        body(&blocks[index])
    }

    /// Hands the first `count` slots to `body`, in order.
    func withEach(count: Int, _ body: ([UInt8]) -> Void) {
        for index in 0..<count { body(blocks[index]) }
    }
}
