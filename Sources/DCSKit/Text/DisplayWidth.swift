/// Terminal column widths of text, computed from Unicode data rather than the C library's `wcwidth`,
/// so that columns line up whatever the locale (issue 4: "wide characters measured correctly whatever
/// the locale"). Matches what xterm, tmux and the common terminals draw for East Asian text.
public enum DisplayWidth {
    /// Columns the scalar occupies: 0 for combining and zero-width marks, 2 for East Asian wide and
    /// fullwidth characters and emoji presentation, else 1. Controls count 1 (they are sanitised away).
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 { return 1 }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return 0
        case .format: return 0
        default: break
        }
        if value == 0x200B { return 0 }
        if (0x1160...0x11FF).contains(value) { return 0 }  // Hangul medial vowels and final consonants
        if isWide(value) { return 2 }
        if properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Columns the character (grapheme cluster) occupies: its first scalar's width, or 2 when an emoji
    /// variation selector asks for emoji presentation.
    public static func of(_ character: Character) -> Int {
        var iterator = character.unicodeScalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        var width = of(first)
        while let next = iterator.next() {
            if next.value == 0xFE0F && width == 1 && first.properties.isEmoji { width = 2 }
        }
        return width
    }

    /// Columns a string occupies.
    public static func of(_ text: String) -> Int {
        if text.isPrintableASCII { return text.utf8.count }
        if let simple = simpleTotal(text) { return simple }
        var total = 0
        for character in text {
            total += of(character)
        }
        return total
    }

    /// Cuts `text` to at most `columns` columns; when it was cut, the last column is `…`. A wide
    /// character that would straddle the edge is dropped (and the gap padded when `pad` is true).
    public static func truncate(_ text: String, to columns: Int, pad: Bool = false) -> String {
        guard columns > 0 else { return "" }
        if text.isPrintableASCII {
            // One column per byte: the same answer as the loop below, without walking graphemes.
            let length = text.utf8.count
            if length > columns { return String(decoding: text.utf8.prefix(columns - 1), as: UTF8.self) + "…" }
            return pad && length < columns ? text + String(repeating: " ", count: columns - length) : text
        }
        if let simple = truncateSimple(text, to: columns, pad: pad) { return simple }
        var used = 0
        var output = ""
        var cut = false
        for character in text {
            let width = of(character)
            if used + width > columns {
                cut = true
                break
            }
            output.append(character)
            used += width
        }
        if cut {
            // Make room for the ellipsis.
            while used + 1 > columns, let last = output.popLast() {
                used -= of(last)
            }
            output.append("…")
            used += 1
        }
        if pad && used < columns {
            output += String(repeating: " ", count: columns - used)
        }
        return output
    }

    /// The width of a scalar that is always a grapheme of its own and needs no Unicode property lookup:
    /// printable Latin-1, and the punctuation, arrows, box drawing, shapes and dingbats blocks
    /// (U+2010–U+2BFF without the format characters and the combining marks for symbols). nil for
    /// anything else (controls, marks, joiners, selectors, other scripts). Every row has such text —
    /// its status symbol and its route's arrow — which otherwise went through grapheme breaking and
    /// property lookups on each frame (issue 6); the results equal `of(_:)` (tested for every scalar).
    package static func simpleWidth(_ scalar: Unicode.Scalar) -> Int? {
        let value = scalar.value
        switch value {
        case 0x20...0x7E, 0xA0...0x2FF: return 1
        case 0x2010...0x2027, 0x2030...0x205F, 0x2070...0x20CF, 0x2100...0x2BFF: return isWide(value) ? 2 : 1
        default: return nil
        }
    }

    /// `of(text)` when every scalar is simple (`simpleWidth`), else nil.
    private static func simpleTotal(_ text: String) -> Int? {
        var total = 0
        for scalar in text.unicodeScalars {
            guard let width = simpleWidth(scalar) else { return nil }
            total += width
        }
        return total
    }

    /// `truncate` for text whose scalars are all simple (each its own grapheme, none zero-width), else
    /// nil. The general loop keeps the longest prefix that fits and, when it cut, drops characters
    /// until the ellipsis fits: with no zero-width characters that is the longest prefix of at most
    /// `columns - 1` columns.
    private static func truncateSimple(_ text: String, to columns: Int, pad: Bool) -> String? {
        guard let total = simpleTotal(text) else { return nil }
        if total <= columns {
            return pad && total < columns ? text + String(repeating: " ", count: columns - total) : text
        }
        var output = String.UnicodeScalarView()
        var used = 0
        for scalar in text.unicodeScalars {
            let width = simpleWidth(scalar) ?? 1
            if used + width > columns - 1 { break }
            output.append(scalar)
            used += width
        }
        output.append("…")
        used += 1
        var result = String(output)
        if pad && used < columns { result += String(repeating: " ", count: columns - used) }
        return result
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges (Unicode 15 EastAsianWidth.txt, condensed).
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
            0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
            0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA,
            0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
            0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
            0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
            0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F,
            0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF,
            0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
