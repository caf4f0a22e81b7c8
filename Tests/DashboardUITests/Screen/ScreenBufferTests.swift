import DCSKit
import DashboardUI
import Testing

/// `ScreenBuffer.put` draws printable ASCII byte by byte (issue 6); the cells must be those the
/// grapheme-by-grapheme path draws. A trailing "é" (never drawn: the limit stops before it) sends the
/// same text down the general path.
@Suite struct ScreenBufferTests {
    @Test func asciiTextDrawsTheCellsOfTheGeneralPath() {
        var generator = SystemRandomNumberGenerator()
        let style = CellStyle(.normal, selected: true)
        for _ in 0..<500 {
            let length = Int.random(in: 0...30, using: &generator)
            let text = String(decoding: (0..<length).map { _ in UInt8.random(in: 0x20...0x7E, using: &generator) }, as: UTF8.self)
            expectGeneralPathCells(text, forcedBy: "é", width: length, style: style, using: &generator)
        }
    }

    /// Draws `text` and `text + suffix` (the suffix never drawn: the limit stops before it, and it sends
    /// the text down the grapheme path) at a random place; both must give the same cells and columns.
    private func expectGeneralPathCells(
        _ text: String, forcedBy suffix: String, width: Int, style: CellStyle, using generator: inout some RandomNumberGenerator
    ) {
        let x = Int.random(in: 0...25, using: &generator)
        let limit = min(Int.random(in: 0...30, using: &generator), width)
        var fast = ScreenBuffer(width: 40, height: 1)
        var general = ScreenBuffer(width: 40, height: 1)
        let fastColumns = fast.put(text, x: x, y: 0, style: style, limit: limit)
        let generalColumns = general.put(text + suffix, x: x, y: 0, style: style, limit: limit)
        #expect(fast == general, "\(text) x \(x) limit \(limit)")
        #expect(fastColumns == generalColumns)
    }

    @Test func simpleScalarTextDrawsTheCellsOfTheGeneralPath() {
        // Status symbols, arrows, Latin-1 and wide dingbats (session 6's second fast path); a trailing
        // Thai letter, never drawn, sends the same text down the grapheme path.
        let alphabet = ["a", " ", "é", "Ø", "✖", "▶", "→", "…", "│", "⌚", "✅", "⭐"]
        var generator = SystemRandomNumberGenerator()
        let style = CellStyle(.status(.failed), selected: false)
        for _ in 0..<1000 {
            let text = (0..<Int.random(in: 0...20, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? "a"
            }
            .joined()
            let width = text.unicodeScalars.reduce(0) { $0 + DisplayWidth.of($1) }
            expectGeneralPathCells(text, forcedBy: "ก", width: width, style: style, using: &generator)
        }
    }

    @Test func asciiOverAWideCharacterRepairsItsOtherHalf() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        buffer.put("订单", x: 0, y: 0)
        buffer.put("a", x: 1, y: 0)
        buffer.put("b", x: 2, y: 0)
        #expect(buffer.lines == [" ab"])
        #expect(buffer[0, 0] == Cell(text: " ", width: 1, style: .plain))
        #expect(buffer[3, 0] == Cell(text: " ", width: 1, style: .plain))
    }

    @Test func theRightEdgeStopsAsciiText() {
        var buffer = ScreenBuffer(width: 5, height: 1)
        #expect(buffer.put("abcdefgh", x: 2, y: 0) == 3)
        #expect(buffer.lines == ["  abc"])
        #expect(buffer.put("zz", x: 5, y: 0) == 0)
    }
}
