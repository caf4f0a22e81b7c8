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
        // Printable ASCII within the limit is kept as it is (nearly every field): no copy.
        if text.utf8.count <= limit, text.isPrintableASCII { return text }
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
                skipEscapeSequence(after: scalar, &scalars)
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
    /// CSI (`ESC [` or C1 `0x9B`) up to its final byte, OSC/DCS/APC/PM/SOS (7-bit or C1 introducer) up
    /// to BEL or ST, or the single character of a two-character escape.
    private static func skipEscapeSequence(
        after introducer: Unicode.Scalar, _ scalars: inout String.UnicodeScalarView.Iterator
    ) {
        switch introducer.value {
        case 0x9B: skipControlSequence(&scalars)
        case 0x9D, 0x90, 0x9E, 0x9F, 0x98: skipControlString(&scalars)
        default:
            var copy = scalars
            guard let next = copy.next() else { return }
            switch next {
            case "[":
                scalars = copy
                skipControlSequence(&scalars)
            case "]", "P", "_", "^", "X":
                scalars = copy
                skipControlString(&scalars)
            default:
                if (0x20...0x7E).contains(next.value) { scalars = copy }
            }
        }
    }

    /// CSI parameters and intermediates up to the final byte (bounded, so garbage cannot hide text forever).
    private static func skipControlSequence(_ scalars: inout String.UnicodeScalarView.Iterator) {
        var consumed = 0
        while consumed < 64, let next = scalars.next() {
            consumed += 1
            if (0x40...0x7E).contains(next.value) { return }
        }
    }

    /// A control string's body up to BEL, ST (C1) or `ESC \`.
    private static func skipControlString(_ scalars: inout String.UnicodeScalarView.Iterator) {
        var consumed = 0
        while consumed < 4096, let next = scalars.next() {
            consumed += 1
            if next.value == 0x07 || next.value == 0x9C { return }
            if next.value == 0x1B {
                var look = scalars
                if look.next() == "\\" { scalars = look }
                return
            }
        }
    }
}
