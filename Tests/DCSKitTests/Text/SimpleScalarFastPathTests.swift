import DCSKit
import Testing

/// Issue 6 (session 6): text of "simple" scalars — Latin-1, punctuation, arrows, box drawing, shapes,
/// dingbats, as in every row's status symbol and route arrow — skips grapheme breaking and Unicode
/// property lookups in `DisplayWidth`. Its answers must be the general path's: per scalar against
/// `of(_: Unicode.Scalar)` and `of(_: Character)` for every scalar of the ranges, and per text against the
/// same text sent down the general path by a trailing Thai letter (one column, a grapheme of its own,
/// not simple).
@Suite struct SimpleScalarFastPathTests {
    static let alphabet: [String] = [
        "a", "Z", "0", " ", "-", "é", "ø", "Ø", "ß", "×", "\u{A0}", "ʼ", "✖", "✔", "▶", "■", "→", "…", "│", "—", "‘",
        "€", "№", "⇄", "⌚", "⭐", "✅", "❌", "☔",
    ]
    static let general = "ก"

    static func randomText(_ generator: inout some RandomNumberGenerator) -> String {
        (0..<Int.random(in: 0...30, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? "a" }.joined()
    }

    /// Width as the general per-scalar code measures it (independent of the fast path).
    static func width(_ text: String) -> Int { text.unicodeScalars.reduce(0) { $0 + DisplayWidth.of($1) } }

    @Test func everySimpleScalarHasTheWidthOfTheGeneralPath() throws {
        var checked = 0
        for value in UInt32(0)...0x2FFF {
            guard let scalar = Unicode.Scalar(value), let simple = DisplayWidth.simpleWidth(scalar) else { continue }
            #expect(simple == DisplayWidth.of(scalar), "U+\(String(value, radix: 16))")
            #expect(simple == DisplayWidth.of(Character(scalar)), "U+\(String(value, radix: 16))")
            // Its own grapheme next to any other simple scalar: "a" + it + "a" is three characters.
            #expect(("a" + String(scalar) + "a").count == 3, "U+\(String(value, radix: 16))")
            checked += 1
        }
        #expect(checked > 3_600)
        for excluded: UInt32 in [0x09, 0x1B, 0x7F, 0x85, 0x300, 0x200B, 0x200D, 0x2028, 0x2060, 0x20DD, 0xFE0F, 0x4E2D, 0x1F600] {
            #expect(DisplayWidth.simpleWidth(try #require(Unicode.Scalar(excluded))) == nil, "U+\(String(excluded, radix: 16))")
        }
    }

    @Test func truncateAndWidthAnswerAsTheGeneralPath() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = Self.randomText(&generator)
            let columns = Int.random(in: 1...35, using: &generator)
            let pad = Bool.random(using: &generator)
            let fast = DisplayWidth.truncate(text, to: columns, pad: pad)
            let width = Self.width(text)
            #expect(DisplayWidth.of(text) == width, "\(text)")
            if width > columns {
                // Both cut before the Thai letter: the same text, ellipsis and padding.
                #expect(fast == DisplayWidth.truncate(text + Self.general, to: columns, pad: pad), "\(text) \(columns)")
            } else {
                #expect(DisplayWidth.truncate(text + Self.general, to: columns + 1) == text + Self.general)
                #expect(fast == (pad ? text + String(repeating: " ", count: columns - width) : text), "\(text) \(columns)")
            }
        }
    }
}
