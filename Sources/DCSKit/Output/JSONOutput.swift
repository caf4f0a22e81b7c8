import Foundation

/// The JSON writer of `show` and `events`: Foundation's `JSONEncoder` with sorted keys
/// (stable output for diffs and scripts) and slashes as they are, then the escapes terminals need.
///
/// `JSONEncoder` escapes what JSON requires (`"`, `\`, U+0000–U+001F). So that the output is also safe
/// on a terminal and in JavaScript, and so that a task name cannot reorder or hide what a terminal
/// shows (issue 7), DEL, the C1 controls, U+2028/U+2029 and the bidi and invisible characters that
/// `SafeText` replaces are written as `\uXXXX` too (`needsEscape`, which `JSONText`, the `list`
/// record writer, shares). Escaping is lossless: parsers get the same text.
package enum JSONOutput {
    /// The encoder: pretty (two-space indent, one member a line) or compact (one line).
    static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `value` as JSON text, terminal-safe.
    package static func data<Value: Encodable>(_ value: Value, pretty: Bool = false) throws -> Data {
        escapingInvisibles(try encoder(pretty: pretty).encode(value))
    }

    /// `value` as a JSON string, terminal-safe.
    package static func text<Value: Encodable>(_ value: Value, pretty: Bool = false) throws -> String {
        String(decoding: try data(value, pretty: pretty), as: UTF8.self)
    }

    /// `json` with every character of `needsEscape` written as `\uXXXX`. In `JSONEncoder`'s output
    /// anything beyond ASCII is inside a string literal, so the replacement cannot break the syntax.
    static func escapingInvisibles(_ json: Data) -> Data {
        // Fast path: no byte that leads one of them (0x7F is DEL; 0xC2, 0xD8, 0xE1, 0xE2 and 0xEF lead
        // the C1 controls, U+00AD, U+061C, U+180E, U+2028/9 and the bidi and zero-width ranges, U+FEFF).
        guard json.contains(where: { [0x7F, 0xC2, 0xD8, 0xE1, 0xE2, 0xEF].contains($0) }) else { return json }
        var output = ""
        output.reserveCapacity(json.count + 16)
        for scalar in String(decoding: json, as: UTF8.self).unicodeScalars {
            if needsEscape(scalar.value) {
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return Data(output.utf8)
    }

    /// DEL, C1 controls, line and paragraph separators, bidi controls and invisible characters (as in
    /// `SafeText`); all are in the Basic Multilingual Plane, so one `\uXXXX` each.
    static func needsEscape(_ value: UInt32) -> Bool {
        switch value {
        case 0x7F...0x9F, 0x2028, 0x2029, 0x00AD, 0x061C, 0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064,
            0x2066...0x2069, 0xFEFF:
            return true
        default: return false
        }
    }
}
