import DCSKit

/// The `?` overlay: a box listing every binding of the key table.
enum HelpOverlayView {
    /// Draws the help box centred over whatever is in the buffer.
    static func draw(_ state: DashboardState, into buffer: inout ScreenBuffer) {
        let unicode = state.symbols != .ascii
        let labelWidth = (KeyTable.bindings.map { DisplayWidth.of($0.label) }.max() ?? 0) + 2
        let contentWidth = labelWidth + (KeyTable.bindings.map { DisplayWidth.of($0.summary) }.max() ?? 0)
        let width = min(contentWidth + 4, buffer.width)
        let height = min(KeyTable.bindings.count + 4, buffer.height)
        guard width >= 10, height >= 3 else { return }
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
        buffer.put(" Keys ", x: x + 2, y: y, style: CellStyle(.header))
        let inner = width - 4
        var row = y + 1
        for binding in KeyTable.bindings {
            guard row < y + height - 2 else { break }
            buffer.put(
                DisplayWidth.truncate(binding.label, to: min(labelWidth, inner)), x: x + 2, y: row, style: CellStyle(.hintKey))
            if inner > labelWidth {
                buffer.put(
                    DisplayWidth.truncate(binding.summary, to: inner - labelWidth), x: x + 2 + labelWidth, y: row, style: border)
            }
            row += 1
        }
        buffer.put(
            DisplayWidth.truncate("? or Esc closes this help", to: inner), x: x + 2, y: y + height - 2, style: CellStyle(.dim))
    }
}
