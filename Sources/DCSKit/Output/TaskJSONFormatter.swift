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

    /// Writes the output record by record, so 100,000 tasks never sit in memory as one JSON document.
    public func write<Target: TextOutputStream>(_ tasks: [WatchedTask], to output: inout Target) {
        if lineDelimited {
            for task in tasks { output.write(TaskRecord(task).json(pretty: false) + "\n") }
            return
        }
        guard !tasks.isEmpty else {
            output.write("[]\n")
            return
        }
        output.write("[\n")
        for (index, task) in tasks.enumerated() {
            output.write("  " + TaskRecord(task).json(pretty: true, indent: "  ") + (index < tasks.count - 1 ? ",\n" : "\n"))
        }
        output.write("]\n")
    }
}
