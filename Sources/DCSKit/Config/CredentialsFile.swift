/// Reads the Huawei Cloud SDK credentials file (`~/.huaweicloud/credentials`): the `[basic]`
/// section's `ak`, `sk`, `project_id` and `security_token` (dcs-api-notes.md, "Where users keep
/// credentials"). The SDK reads it with Python's `configparser` (huaweicloudsdkcore's
/// `ProfileCredentialProvider`); this follows the rules of that parser a credentials file can meet,
/// so a file means the same to both (tested against the SDK on a fixture, DECISIONS.md session 7).
public enum CredentialsFile {
    /// The key/value pairs of `section`, as `configparser` gives them: `#` and `;` comment lines
    /// (also indented; a `#` after a value is part of it), `=` or `:` between key and value, keys
    /// lowercased, values trimmed and never unquoted, a more-indented line continuing the value above,
    /// `[DEFAULT]` keys in every section, and `%%` read as `%` (its interpolation escape).
    public static func section(_ section: String, in text: String) -> [String: String] {
        var sections: [String: [String: String]] = [:]
        var current: String?
        var last: (key: String, indent: Int)?
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            let indent = rawLine.prefix { $0 == " " || $0 == "\t" }.count
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if let current, let (key, keyIndent) = last, indent > keyIndent {
                sections[current, default: [:]][key, default: ""] += "\n" + line
                continue
            }
            // A header is `[` to the last `]`, not trimmed: `[ basic ]` is another section to the SDK.
            if line.hasPrefix("["), let close = line.lastIndex(of: "]"), close > line.index(after: line.startIndex) {
                current = String(line[line.index(after: line.startIndex)..<close])
                last = nil
                continue
            }
            guard let current, let equals = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            guard !key.isEmpty else { continue }
            sections[current, default: [:]][key] = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            last = (key, indent)
        }
        let values = (sections["DEFAULT"] ?? [:]).merging(sections[section] ?? [:]) { $1 }
        return values.mapValues { $0.replacingOccurrences(of: "%%", with: "%") }
    }
}
