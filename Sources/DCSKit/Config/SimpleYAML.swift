/// A reader for the small YAML subset `clouds.yaml` files use: nested block mappings with scalar
/// values (plain, single- or double-quoted), `#` comments and blank lines. Sequences, flow collections,
/// anchors and multi-line scalars are skipped, not misread. Written here instead of adding a YAML
/// dependency for one file format (DECISIONS.md).
public enum SimpleYAML {
    /// A parsed node: a scalar or a mapping.
    public indirect enum Node: Sendable, Hashable {
        case scalar(String)
        case mapping([String: Node])

        /// Member access; nil for scalars and missing keys.
        public subscript(key: String) -> Node? {
            if case .mapping(let members) = self { return members[key] }
            return nil
        }

        /// The scalar's text; nil for mappings.
        public var scalar: String? {
            if case .scalar(let text) = self { return text }
            return nil
        }
    }

    /// Parses `text` into a mapping; lines it does not understand are ignored.
    public static func parse(_ text: String) -> Node {
        var lines: [(indent: Int, key: String, value: String?)] = []
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = stripComment(String(rawLine))
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("-") || trimmed == "---" { continue }
            guard let colon = keySeparator(in: trimmed) else { continue }
            let indent = line.prefix { $0 == " " }.count
            let key = unquote(String(trimmed[..<colon]).trimmingCharacters(in: .whitespaces))
            let rest = String(trimmed[trimmed.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            lines.append((indent, key, rest.isEmpty ? nil : unquote(rest)))
        }
        var position = 0
        return .mapping(parseMapping(lines, &position, indent: -1))
    }

    private static func parseMapping(
        _ lines: [(indent: Int, key: String, value: String?)], _ position: inout Int, indent parent: Int
    ) -> [String: Node] {
        var members: [String: Node] = [:]
        guard position < lines.count else { return members }
        let level = lines[position].indent
        guard level > parent else { return members }
        while position < lines.count, lines[position].indent == level {
            let line = lines[position]
            position += 1
            if let value = line.value {
                members[line.key] = .scalar(value)
            } else if position < lines.count, lines[position].indent > level {
                members[line.key] = .mapping(parseMapping(lines, &position, indent: level))
            } else {
                members[line.key] = .scalar("")
            }
            // Skip deeper lines that belong to nothing we understood.
            while position < lines.count, lines[position].indent > level { position += 1 }
        }
        return members
    }

    /// The `:` that ends a key: the first one followed by a space or the end, outside quotes.
    private static func keySeparator(in line: String) -> String.Index? {
        var quote: Character?
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == ":" {
                let next = line.index(after: index)
                if next == line.endIndex || line[next] == " " { return index }
            }
            index = line.index(after: index)
        }
        return nil
    }

    /// Drops a `#` comment that starts the line or follows a space, outside quotes.
    private static func stripComment(_ line: String) -> String {
        var quote: Character?
        var previous: Character = " "
        for index in line.indices {
            let character = line[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#" && previous == " " {
                return String(line[..<index])
            }
            previous = character
        }
        return line
    }

    /// Removes matching surrounding quotes; `''` inside single quotes and `\"` inside double quotes unescape.
    private static func unquote(_ text: String) -> String {
        guard text.count >= 2, let first = text.first, first == text.last, first == "\"" || first == "'" else {
            return text
        }
        let inner = String(text.dropFirst().dropLast())
        return first == "'"
            ? inner.replacingOccurrences(of: "''", with: "'")
            : inner.replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
    }
}
