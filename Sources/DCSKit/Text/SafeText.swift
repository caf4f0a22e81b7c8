/// Turns untrusted text (task names, descriptions, error messages, server bodies) into text that is
/// safe to put on a terminal: one line, no control characters, no escape sequences, no bidi overrides,
/// no invisible characters. Every front end (dashboard, `list`, `show`, messages) goes through here.
public enum SafeText {
    /// The visible stand-in for a character that must not reach the terminal.
    public static let replacement: Character = "\u{FFFD}"

    /// Sanitises `text` for one terminal line: C0 and C1 controls, DEL, ESC (and with it the whole
    /// escape sequence that follows), bidi controls and zero-width characters become `�`; tabs and line
    /// breaks become a space. Lone combining marks are kept (they render attached to a base).
    /// Strings longer than `limit` characters are cut and end in `…` (keeps 20,000-char names cheap).
    public static func line(_ text: String, limit: Int = 4096) -> String {
        var output = String.UnicodeScalarView()
        var count = 0
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if count >= limit {
                output.append("…")
                break
            }
            switch classify(scalar) {
            case .keep:
                output.append(scalar)
            case .space:
                output.append(" ")
            case .replace:
                output.append("\u{FFFD}")
            case .escape:
                output.append("\u{FFFD}")
                skipEscapeSequence(&scalars)
            }
            count += 1
        }
        return String(output)
    }

    /// True when `line(text)` would change nothing but the length cut: for cheap checks on hot paths.
    public static func isClean(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { classify($0) == .keep }
    }

    private enum Treatment { case keep, space, replace, escape }

    private static func classify(_ scalar: Unicode.Scalar) -> Treatment {
        let value = scalar.value
        switch value {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return .space
        case 0x1B, 0x9B, 0x9D, 0x90, 0x9E, 0x9F, 0x98: return .escape  // ESC, CSI, OSC, DCS, PM, APC, SOS
        case 0x00...0x1F, 0x7F...0x9F: return .replace
        // Bidi embeddings/overrides/isolates, marks that reorder text (Trojan Source).
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return .replace
        // Zero-width and invisible formatting characters that hide text or spoof names.
        case 0x200B...0x200D, 0x2060...0x2064, 0xFEFF, 0x00AD, 0x180E: return .replace
        // Line and paragraph separators break lines on some terminals.
        case 0x2028, 0x2029: return .space
        // Private-use, unassigned surrogates never occur in Swift strings; noncharacters are replaced.
        case 0xFFFE, 0xFFFF: return .replace
        default: return .keep
        }
    }

    /// Consumes the rest of an escape sequence so its parameters do not show as stray text:
    /// CSI `[ … final`, OSC/DCS/APC/PM/SOS up to BEL or ST, or a single following character.
    private static func skipEscapeSequence(_ scalars: inout String.UnicodeScalarView.Iterator) {
        var copy = scalars
        guard let introducer = copy.next() else { return }
        switch introducer {
        case "[":
            scalars = copy
            var consumed = 0
            while let next = scalars.next(), consumed < 64 {
                consumed += 1
                if (0x40...0x7E).contains(next.value) { return }
            }
        case "]", "P", "_", "^", "X":
            scalars = copy
            var consumed = 0
            while let next = scalars.next(), consumed < 4096 {
                consumed += 1
                if next.value == 0x07 || next.value == 0x9C { return }
                if next.value == 0x1B {
                    var look = scalars
                    if look.next() == "\\" { scalars = look }
                    return
                }
            }
        default:
            if (0x20...0x7E).contains(introducer.value) { scalars = copy }
        }
    }
}
