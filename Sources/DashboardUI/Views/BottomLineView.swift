import DCSKit

/// The last line: the filter prompt while typing, else a message, else key hints from the key table.
enum BottomLineView {
    /// Draws the bottom line into `area`.
    static func draw(_ state: DashboardState, area: DashboardLayout.Area, into buffer: inout ScreenBuffer) {
        let y = area.y
        if let prompt = state.prompt {
            var column = buffer.put("/", x: area.x, y: y, style: CellStyle(.prompt))
            let room = max(area.width - column - 1, 0)
            // Show the end of a long filter: that is where the user types.
            var text = SafeText.line(prompt.text, limit: 200)
            while DisplayWidth.of(text) > room, !text.isEmpty { text.removeFirst() }
            column += buffer.put(text, x: area.x + column, y: y, style: CellStyle(.prompt), limit: room)
            buffer.put(" ", x: area.x + column, y: y, style: CellStyle(.cursor))
            column += 1
            if let message = state.message, area.width - column > 3 {
                buffer.put(
                    DisplayWidth.truncate("  " + message, to: area.width - column), x: area.x + column, y: y,
                    style: CellStyle(.error))
            }
            return
        }
        if let message = state.message {
            buffer.put(DisplayWidth.truncate(SafeText.line(message), to: area.width), x: area.x, y: y, style: CellStyle(.error))
            return
        }
        var column = area.x
        for (key, hint) in hints(state) {
            let width = DisplayWidth.of(key) + 1 + DisplayWidth.of(hint)
            guard column + width <= area.x + area.width else { break }
            column += buffer.put(key, x: column, y: y, style: CellStyle(.hintKey))
            column += 1
            column += buffer.put(hint, x: column, y: y, style: CellStyle(.hint))
            column += 2
        }
    }

    /// Key and word of every hinted binding, in table order; the full-screen detail adds "back" first.
    static func hints(_ state: DashboardState) -> [(String, String)] {
        var hints = KeyTable.bindings.compactMap { binding -> (String, String)? in
            guard let hint = binding.hint, let key = binding.keys.first else { return nil }
            if binding.action == .toggleDetail, state.mode == .fullDetail { return (key.label, "back") }
            if binding.action == .togglePause, state.paused { return (key.label, "resume") }
            return (key.label, hint)
        }
        if !state.filterText.isEmpty { hints.insert((Key.escape.label, "clear filter"), at: 0) }
        return hints
    }
}
