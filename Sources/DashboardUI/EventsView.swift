import DCSKit
import Foundation

/// The events pane (`e`): every change of the session, newest first, with time, task, old → new
/// status and the error message (issue 5, "What changed").
enum EventsView {
    static func draw(_ state: DashboardState, area: DashboardLayout.Area, into buffer: inout ScreenBuffer) {
        guard area.height > 0, area.width > 0 else { return }
        for row in area.y..<(area.y + area.height) { buffer.fill(x: area.x, y: row, count: area.width, style: .plain) }
        let events = state.eventLog.events
        let title = "Events (\(events.count))" + (state.eventLog.droppedCount > 0 ? ", \(state.eventLog.droppedCount) older dropped" : "")
            + "  e closes"
        buffer.put(DisplayWidth.truncate(title, to: area.width), x: area.x, y: area.y, style: CellStyle(.header))
        guard area.height > 1 else { return }
        if events.isEmpty {
            buffer.put(
                DisplayWidth.truncate("No changes yet this session", to: area.width), x: area.x, y: area.y + 1, style: CellStyle(.dim))
            return
        }
        for (line, event) in events.reversed().prefix(area.height - 1).enumerated() {
            let y = area.y + 1 + line
            let parts = [
                (AgeFormat.dateTime(event.time, timeZone: state.timeZone), CellStyle(.dim)),
                (nameText(event), CellStyle(.normal)),
                (changeText(event, symbols: state.symbols), CellStyle(.status(event.kind.status.category))),
                (SafeText.line(event.errorMessage, limit: 300), CellStyle(.error)),
            ].filter { !$0.0.isEmpty }
            DashboardView.drawParts(parts, x: area.x, y: y, width: area.width, gap: 1, into: &buffer)
        }
    }

    /// The task's name (or id) and, with several targets, its target.
    static func nameText(_ event: TaskEvent) -> String {
        let name = SafeText.line(event.name.isEmpty ? event.key.taskID : event.name, limit: 80)
        return name.isEmpty ? "-" : name
    }

    /// "MIGRATING → FAILED", "new MIGRATING", "gone (SUCCESS)".
    static func changeText(_ event: TaskEvent, symbols: SymbolSet) -> String {
        func word(_ status: TaskStatus) -> String {
            let raw = SafeText.line(status.raw.trimmingCharacters(in: .whitespaces), limit: 40)
            return raw.isEmpty ? "(none)" : raw
        }
        switch event.kind {
        case .added(let status): return "new " + word(status)
        case .removed(let status): return "gone (" + word(status) + ")"
        case .statusChanged(let from, let to): return word(from) + " " + symbols.arrow + " " + word(to)
        }
    }
}
