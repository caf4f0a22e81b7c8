import DCSSimulator
import Foundation
import Testing

/// Searches bytes a user can see (screen, stdout, stderr, log files) for secrets and for text that
/// would attack the terminal.
enum LeakScan {
    /// Secrets that must never appear: the SK, the whole AK (only its last 4 may), signing material,
    /// IAM and instance passwords of the simulator.
    static func secrets(passwords: [String] = []) -> [String] {
        [
            ReliabilityKit.secretKey, ReliabilityKit.accessKey, "SDK-HMAC-SHA256", "Signature=", "X-Auth-Token",
            SimulatorConfiguration.demoIAMPassword,
        ] + passwords
    }

    /// Expects none of the secrets in `bytes`.
    static func expectClean(
        _ bytes: Data, passwords: [String] = [], context: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let text = String(decoding: bytes, as: UTF8.self)
        for secret in secrets(passwords: passwords) where text.contains(secret) {
            Issue.record("\(context): a secret leaked (\(secret.prefix(6))…)", sourceLocation: sourceLocation)
        }
    }

    /// Distinctive pieces of the simulator's hostile payloads (HostileText): none may reach a terminal raw.
    static let hostileMarkers: [[UInt8]] = [
        Array("\u{1B}[31mred".utf8), Array("\u{1B}]".utf8), Array("\u{1B}P".utf8), Array("ZWNobyBwd25lZA".utf8),
        Array("\u{1B}]0;pwned".utf8), Array("\u{202E}".utf8), Array("\u{202C}".utf8), Array("\u{200B}".utf8),
        Array("\u{200D}".utf8), Array("\u{FEFF}".utf8), [0x07], [0x7F],
    ]

    /// Expects no foreign terminal control in the raw bytes written to a terminal: no OSC or DCS
    /// (curses never sends them), no C1 control (raw or UTF-8 encoded), no BEL/BS/DEL, no bidi or
    /// zero-width characters, none of the hostile payloads' parameters. (BS is not checked: curses
    /// moves the cursor left with it.)
    /// With `escapedTextAllowed` (JSON output, which keeps the data losslessly as `\u001b]52;…`), the
    /// payloads' printable parameters may appear; their control bytes still may not.
    static func expectNoHostileBytes(
        _ bytes: Data, context: String, escapedTextAllowed: Bool = false, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let raw = [UInt8](bytes)
        let markers = escapedTextAllowed ? hostileMarkers.filter { $0.contains { $0 < 0x20 || $0 >= 0x7F } } : hostileMarkers
        for marker in markers where contains(raw, marker) {
            Issue.record(
                "\(context): terminal got \(marker.map { String(format: "%02x", $0) }.joined(separator: " "))",
                sourceLocation: sourceLocation)
        }
        // C1 controls: U+0080–U+009F encoded as C2 80–C2 9F, or as single bytes outside a UTF-8 sequence.
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            if byte == 0xC2, index + 1 < raw.count, (0x80...0x9F).contains(raw[index + 1]) {
                Issue.record(
                    "\(context): C1 control U+00\(String(format: "%02X", raw[index + 1])) at \(index)",
                    sourceLocation: sourceLocation)
                return
            }
            index += utf8Length(byte)
        }
        if String(validatingCString: raw.map { CChar(bitPattern: $0) } + [0]) == nil {
            Issue.record("\(context): the terminal got invalid UTF-8", sourceLocation: sourceLocation)
        }
    }

    private static func utf8Length(_ lead: UInt8) -> Int {
        switch lead {
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return 1
        }
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBufferPointer { buffer in
            var start = 0
            while start + needle.count <= buffer.count {
                guard let first = buffer[start...].firstIndex(of: needle[0]) else { return false }
                if first + needle.count > buffer.count { return false }
                if Array(buffer[first..<first + needle.count]) == needle { return true }
                start = first + 1
            }
            return false
        }
    }
}
