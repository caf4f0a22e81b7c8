import Foundation

/// Rows of the results tables in docs/RELIABILITY.md, written by the matrix tests as they run when
/// `RELIABILITY_REPORT` names a file: the tables are copied from a run, not written by hand.
enum MatrixReport {
    private static let lock = NSLock()

    /// Appends `row` (one Markdown table line) to the report file, if one is asked for.
    static func append(_ row: String) {
        guard let path = ProcessInfo.processInfo.environment["RELIABILITY_REPORT"] else { return }
        lock.withLock {
            guard let handle = FileHandle(forWritingAtPath: path) ?? create(path) else { return }
            defer { try? handle.close() }
            _ = try? handle.seekToEnd()
            try? handle.write(contentsOf: Data((row + "\n").utf8))
        }
    }

    private static func create(_ path: String) -> FileHandle? {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        return FileHandle(forWritingAtPath: path)
    }
}
