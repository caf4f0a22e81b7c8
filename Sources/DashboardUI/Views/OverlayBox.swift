import DCSKit

/// A bordered box centred over the buffer, for the help overlay and the actions menu and dialog.
enum OverlayBox {
    /// The inside of a drawn box: where its lines go.
    struct Inside {
        /// First column and row inside the border (one cell of margin).
        var x: Int, y: Int
        /// Columns and rows available.
        var width: Int, height: Int
    }

    /// Clears and frames a `width`×`height` box (clamped to the buffer) titled `title`; nil when the
    /// terminal is too small for one.
    static func draw(
        width wantedWidth: Int, height wantedHeight: Int, title: String, unicode: Bool, into buffer: inout ScreenBuffer
    )
        -> Inside?
    {
        let width = min(wantedWidth, buffer.width)
        let height = min(wantedHeight, buffer.height)
        guard width >= 10, height >= 3 else { return nil }
        let x = (buffer.width - width) / 2
        let y = (buffer.height - height) / 2
        let horizontal = unicode ? "─" : "-"
        let vertical = unicode ? "│" : "|"
        let corners = unicode ? ["┌", "┐", "└", "┘"] : ["+", "+", "+", "+"]
        let border = CellStyle(.overlay)
        for row in y..<(y + height) { buffer.fill(x: x, y: row, count: width, style: border) }
        let rule = String(repeating: horizontal, count: width - 2)
        buffer.put(corners[0] + rule + corners[1], x: x, y: y, style: border)
        buffer.put(corners[2] + rule + corners[3], x: x, y: y + height - 1, style: border)
        for row in (y + 1)..<(y + height - 1) {
            buffer.put(vertical, x: x, y: row, style: border)
            buffer.put(vertical, x: x + width - 1, y: row, style: border)
        }
        buffer.put(DisplayWidth.truncate(" \(title) ", to: width - 4), x: x + 2, y: y, style: CellStyle(.header))
        return Inside(x: x + 2, y: y + 1, width: width - 4, height: height - 2)
    }

    /// Draws `lines` inside, one a row, each cut to the width; stops at the bottom border.
    static func put(_ lines: [(String, CellStyle)], in inside: Inside, into buffer: inout ScreenBuffer) {
        for (offset, line) in lines.enumerated() where offset < inside.height {
            buffer.put(DisplayWidth.truncate(line.0, to: inside.width), x: inside.x, y: inside.y + offset, style: line.1)
        }
    }
}
