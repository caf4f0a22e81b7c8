import DCSKit

/// The `?` overlay: a box listing every binding of the key table, titled with whether writes are
/// on (issue 17).
enum HelpOverlayView {
    /// Draws the help box centred over whatever is in the buffer.
    static func draw(_ state: DashboardState, into buffer: inout ScreenBuffer) {
        let rows = lines(state)
        let labelWidth = (rows.map { DisplayWidth.of($0.0) }.max() ?? 0) + 2
        let contentWidth = labelWidth + (rows.map { DisplayWidth.of($0.1) }.max() ?? 0)
        guard
            let inside = OverlayBox.draw(
                width: contentWidth + 4, height: rows.count + 4, title: title(state), unicode: state.symbols != .ascii,
                into: &buffer)
        else { return }
        let border = CellStyle(.overlay)
        for (offset, row) in rows.enumerated() {
            guard offset < inside.height - 1 else { break }
            let y = inside.y + offset
            buffer.put(
                DisplayWidth.truncate(row.0, to: min(labelWidth, inside.width)), x: inside.x, y: y, style: CellStyle(.hintKey))
            if inside.width > labelWidth {
                buffer.put(
                    DisplayWidth.truncate(row.1, to: inside.width - labelWidth), x: inside.x + labelWidth, y: y, style: border)
            }
        }
        buffer.put(
            DisplayWidth.truncate("? or Esc closes this help", to: inside.width), x: inside.x, y: inside.y + inside.height - 1,
            style: CellStyle(.dim))
    }

    /// Key label and summary of each help row: the key table (the `a` row names the menu's keys).
    static func lines(_ state: DashboardState) -> [(String, String)] {
        KeyTable.bindings.map { ($0.label, $0.summary) }
    }

    /// The box's title: whether writes are on (issue 17).
    static func title(_ state: DashboardState) -> String {
        state.writeAccess.writesOn ? "Keys (writes ON)" : "Keys (read-only: start with --write to act)"
    }
}
