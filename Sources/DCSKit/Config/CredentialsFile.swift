/// Reads the Huawei Cloud SDK credentials file (`~/.huaweicloud/credentials`, INI): the `[basic]`
/// section's `ak`, `sk`, `project_id` and `security_token` (dcs-api-notes.md, "Where users keep
/// credentials").
public enum CredentialsFile {
    /// The key/value pairs of `section` (keys lowercased, values trimmed, optional quotes removed).
    public static func section(_ section: String, in text: String) -> [String: String] {
        var current = ""
        var values: [String: String] = [:]
        for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                current = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                continue
            }
            guard current == section, let equals = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == value.last, first == "\"" || first == "'" {
                value = String(value.dropFirst().dropLast())
            }
            values[key] = value
        }
        return values
    }
}
