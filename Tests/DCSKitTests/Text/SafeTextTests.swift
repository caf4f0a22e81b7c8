import DCSKit
import Testing

@Suite struct SafeTextTests {
    @Test func plainTextIsUnchanged() {
        #expect(SafeText.line("dcs-migration Zürich 迁移任务") == "dcs-migration Zürich 迁移任务")
        #expect(SafeText.isClean("dcs-migration Zürich 迁移任务"))
    }

    @Test func csiSequenceIsReplacedWholly() {
        // "\e[31mred\e[0m" must not leave "[31m" behind as text.
        #expect(SafeText.line("\u{1B}[31mred\u{1B}[0m") == "\u{FFFD}red\u{FFFD}")
    }

    @Test func oscClipboardWriteIsRemovedUpToTerminator() {
        let bel = "a\u{1B}]52;c;ZWNobyBwd25lZA==\u{07}b"
        let st = "a\u{1B}]0;title\u{1B}\\b"
        #expect(SafeText.line(bel) == "a\u{FFFD}b")
        #expect(SafeText.line(st) == "a\u{FFFD}b")
    }

    @Test func c1ControlsAndDelAreReplaced() {
        #expect(SafeText.line("a\u{9B}31mb") == "a\u{FFFD}b")
        #expect(SafeText.line("a\u{85}b\u{7F}c\u{00}d") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d")
    }

    @Test func lineBreaksAndTabsBecomeSpaces() {
        #expect(SafeText.line("one\ntwo\r\nthree\tfour") == "one two  three four")
    }

    @Test func bidiOverridesAndZeroWidthCharactersAreVisible() {
        #expect(SafeText.line("abc\u{202E}fed") == "abc\u{FFFD}fed")
        #expect(SafeText.line("ad\u{200B}min") == "ad\u{FFFD}min")
        #expect(SafeText.line("x\u{2066}y\u{2069}") == "x\u{FFFD}y\u{FFFD}")
        #expect(!SafeText.isClean("abc\u{202E}fed"))
    }

    @Test func longTextIsCutWithEllipsis() {
        let long = String(repeating: "x", count: 20_000)
        let cut = SafeText.line(long, limit: 100)
        #expect(cut.count == 101)
        #expect(cut.hasSuffix("…"))
    }

    @Test func unterminatedOscDoesNotSwallowForever() {
        // An OSC without terminator is consumed to the end (bounded), never echoed.
        let hostile = "x\u{1B}]52;c;" + String(repeating: "A", count: 100)
        let safe = SafeText.line(hostile)
        #expect(safe == "x\u{FFFD}")
    }
}

@Suite struct DisplayWidthTests {
    @Test func asciiAndLatinAreOneColumnEach() {
        #expect(DisplayWidth.of("Zürich") == 6)
    }

    @Test func cjkAndFullwidthAreTwoColumns() {
        #expect(DisplayWidth.of("迁移") == 4)
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("ＡＢ") == 4)
    }

    @Test func combiningMarksTakeNoColumn() {
        #expect(DisplayWidth.of("e\u{0301}") == 1)
    }

    @Test func truncateKeepsWithinColumnsAndMarksTheCut() {
        #expect(DisplayWidth.truncate("abcdef", to: 4) == "abc…")
        #expect(DisplayWidth.truncate("abcd", to: 4) == "abcd")
        #expect(DisplayWidth.truncate("迁移任务", to: 5) == "迁移…")
        #expect(DisplayWidth.of(DisplayWidth.truncate("迁移任务", to: 5)) == 5)
        #expect(DisplayWidth.truncate("迁移任务", to: 4) == "迁…")
        #expect(DisplayWidth.truncate("ab", to: 5, pad: true) == "ab   ")
        #expect(DisplayWidth.truncate("abc", to: 0).isEmpty)
    }
}
