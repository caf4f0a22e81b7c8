/// `list --output csv`: RFC 4180 (CRLF line ends, fields quoted when they hold `,` `"` CR or LF,
/// quotes doubled), a header row, every field of `TaskRecord` in a fixed order.
///
/// Two deliberate changes to the raw text (DECISIONS.md): control characters and escape sequences are
/// sanitised (the CSV may be printed on a terminal), and a field starting with `=`, `+`, `-`, `@` is
/// prefixed with `'` so spreadsheets do not run it as a formula (OWASP "CSV injection").
public struct TaskCSVFormatter: Sendable {
    /// Builds a formatter.
    public init() {}

    /// The whole document.
    public func format(_ tasks: [WatchedTask]) -> String {
        var output = ""
        write(tasks, to: &output)
        return output
    }

    /// Writes the document row by row.
    public func write<Target: TextOutputStream>(_ tasks: [WatchedTask], to output: inout Target) {
        output.write(TaskRecord.fieldNames.map(TaskCSVFormatter.field).joined(separator: ",") + "\r\n")
        for task in tasks {
            let record = TaskRecord(task)
            output.write(TaskRecord.fieldNames.map { TaskCSVFormatter.field(record.text($0)) }.joined(separator: ",") + "\r\n")
        }
    }

    /// One field: sanitised, formula-neutralised, quoted when needed.
    public static func field(_ raw: String) -> String {
        var text = SafeText.isClean(raw) ? raw : SafeText.line(raw, limit: 100_000)
        if let first = text.unicodeScalars.first, "=+-@".unicodeScalars.contains(first), Double(text) == nil {
            text = "'" + text
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
