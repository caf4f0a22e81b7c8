import DCSKit
import Testing

/// Issue 6: plain ASCII text skips the grapheme walk in `DisplayWidth` and `SafeText`. The fast path
/// must answer exactly as the general one; appending a non-ASCII character to the same text forces the
/// general path, so each case compares the two answers of the production code.
@Suite struct PrintableASCIIFastPathTests {
    static func randomASCII(_ generator: inout some RandomNumberGenerator) -> String {
        let length = Int.random(in: 0...40, using: &generator)
        return String(decoding: (0..<length).map { _ in UInt8.random(in: 0x20...0x7E, using: &generator) }, as: UTF8.self)
    }

    @Test func printableASCIIIsRecognised() {
        #expect("abc ~".isPrintableASCII)
        #expect("".isPrintableASCII)
        #expect(!"tab\there".isPrintableASCII)
        #expect(!"esc\u{1B}[31m".isPrintableASCII)
        #expect(!"del\u{7F}".isPrintableASCII)
        #expect(!"Zürich".isPrintableASCII)
        #expect(!"\r\n".isPrintableASCII)
    }

    @Test func truncateAnswersAsTheGeneralPath() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let text = Self.randomASCII(&generator)
            let columns = Int.random(in: 1...45, using: &generator)
            let pad = Bool.random(using: &generator)
            let fast = DisplayWidth.truncate(text, to: columns, pad: pad)
            if text.count > columns {
                // Both cut before the é: the same text and ellipsis.
                #expect(fast == DisplayWidth.truncate(text + "é", to: columns, pad: pad), "\(text) \(columns)")
            } else {
                let general = DisplayWidth.truncate(text + "é", to: columns + 1, pad: false)
                let expected = String(general.dropLast())
                let padded = pad ? expected + String(repeating: " ", count: columns - expected.count) : expected
                #expect(fast == padded, "\(text) \(columns)")
            }
            #expect(DisplayWidth.of(text) == DisplayWidth.of(text + "é") - 1)
        }
    }

    @Test func safeLineAnswersAsTheGeneralPath() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let text = Self.randomASCII(&generator)
            let limit = Int.random(in: 1...45, using: &generator)
            let fast = SafeText.line(text, limit: limit)
            // Within the limit the general path keeps every character of `text` (then é, or "…" for it).
            let general = SafeText.line(text + "é", limit: limit)
            if text.count <= limit {
                #expect(fast == String(general.dropLast()), "\(text) \(limit)")
            } else {
                #expect(fast == general, "\(text) \(limit)")
            }
        }
    }
}
