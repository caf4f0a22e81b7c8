import DCSKit

/// One cell of the grid: a grapheme (or "" for the right half of a wide character) and its style.
public struct Cell: Sendable, Hashable {
    /// The character drawn here; empty for a continuation cell.
    public var text: String
    /// Columns the character occupies (1 or 2; 0 for a continuation).
    public var width: Int
    /// The style.
    public var style: CellStyle

    /// Builds a cell.
    public init(text: String, width: Int, style: CellStyle) {
        self.text = text
        self.width = width
        self.style = style
    }

    /// A blank cell.
    public static let blank = Cell(text: " ", width: 1, style: .plain)

    /// True for the right half of a wide character.
    public var isContinuation: Bool { width == 0 }
}

/// The frame views draw into: a grid of styled cells (ratatui's Buffer). Tests read it as lines of
/// text; the terminal layer flushes only the cells that differ from the previous frame.
public struct ScreenBuffer: Sendable, Hashable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// Row-major cells.
    public private(set) var cells: [Cell]

    /// A blank buffer (sizes below zero become zero).
    public init(width: Int, height: Int) {
        self.width = max(width, 0)
        self.height = max(height, 0)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The cell at (x, y); blank outside the grid.
    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < width, y < height else { return .blank }
        return cells[y * width + x]
    }

    /// Draws `text` from (x, y), at most `limit` columns (default: to the right edge); returns the
    /// columns used. Wide characters take two cells; one that would straddle the limit becomes a space.
    /// Callers pass text through `SafeText.line` first; stray controls are still replaced here.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: CellStyle = .plain, limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x >= 0, x < width else { return 0 }
        let end = min(width, x + max(limit ?? width, 0))
        var column = x
        if text.isPrintableASCII {
            // One cell per byte (the loop below gives the same cells, grapheme by grapheme, ~5× slower).
            for byte in text.utf8 {
                guard column < end else { break }
                setCell(x: column, y: y, Cell(text: Self.asciiGlyphs[Int(byte) - 0x20], width: 1, style: style))
                column += 1
            }
            return column - x
        }
        if let drawn = putSimple(text, x: x, y: y, end: end, style: style) { return drawn }
        for character in text {
            guard column < end else { break }
            var glyph = String(character)
            var columns = DisplayWidth.of(character)
            if let first = character.unicodeScalars.first, first.value < 0x20 || (0x7F...0x9F).contains(first.value) {
                glyph = "\u{FFFD}"
                columns = 1
            }
            if columns == 0 { continue }
            if column + columns > end {
                setCell(x: column, y: y, Cell(text: " ", width: 1, style: style))
                column += 1
                break
            }
            setCell(x: column, y: y, Cell(text: glyph, width: columns, style: style))
            if columns == 2 {
                setCell(x: column + 1, y: y, Cell(text: "", width: 0, style: style))
            }
            column += columns
        }
        return column - x
    }

    /// `put` for text whose scalars are all simple (`DisplayWidth.simpleWidth`: each its own grapheme,
    /// printable, one or two columns), without grapheme breaking; nil (nothing drawn) for other text.
    /// The cells are those of the general loop (tested side by side).
    private mutating func putSimple(_ text: String, x: Int, y: Int, end: Int, style: CellStyle) -> Int? {
        guard text.unicodeScalars.allSatisfy({ DisplayWidth.simpleWidth($0) != nil }) else { return nil }
        var column = x
        for scalar in text.unicodeScalars {
            guard column < end else { break }
            let columns = DisplayWidth.simpleWidth(scalar) ?? 1
            if column + columns > end {
                setCell(x: column, y: y, Cell(text: " ", width: 1, style: style))
                column += 1
                break
            }
            let glyph = scalar.value < 0x7F ? Self.asciiGlyphs[Int(scalar.value) - 0x20] : String(scalar)
            setCell(x: column, y: y, Cell(text: glyph, width: columns, style: style))
            if columns == 2 {
                setCell(x: column + 1, y: y, Cell(text: "", width: 0, style: style))
            }
            column += columns
        }
        return column - x
    }

    /// The printable ASCII characters as one-character strings, indexed by byte − 0x20.
    private static let asciiGlyphs: [String] = (0x20...0x7E).map { String(UnicodeScalar(UInt8($0))) }

    /// Fills `count` cells from (x, y) with spaces in `style`.
    public mutating func fill(x: Int, y: Int, count: Int, style: CellStyle = .plain) {
        guard y >= 0, y < height else { return }
        var column = max(x, 0)
        while column < min(width, x + count) {
            setCell(x: column, y: y, Cell(text: " ", width: 1, style: style))
            column += 1
        }
    }

    /// Sets one cell, repairing a wide character it cuts in half (the other half becomes a space).
    private mutating func setCell(x: Int, y: Int, _ cell: Cell) {
        let index = y * width + x
        let old = cells[index]
        if old.isContinuation, !cell.isContinuation, x > 0 {
            cells[index - 1] = Cell(text: " ", width: 1, style: cells[index - 1].style)
        }
        if old.width == 2, cell.width != 2, x + 1 < width {
            cells[index + 1] = Cell(text: " ", width: 1, style: cells[index + 1].style)
        }
        if cell.width == 2, x + 1 >= width {
            cells[index] = Cell(text: " ", width: 1, style: cell.style)
            return
        }
        cells[index] = cell
    }

    /// The rows as text, continuation cells skipped, trailing spaces trimmed (for tests and logs).
    public var lines: [String] {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width {
                let cell = cells[row * width + column]
                if !cell.isContinuation { line += cell.text }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    /// The whole screen as one string, rows joined by newlines.
    public var text: String { lines.joined(separator: "\n") }
}
