import DCSKit
import Foundation

/// The events pane (`e`): every change of the session, newest first, with time, task, old → new
/// status and the error message (issue 5, "What changed").
enum EventsView {
    /// Draws the pane into `area`: a title line, then one event per line, newest first.
    static func draw(_ state: DashboardState, area: DashboardLayout.Area, into buffer: inout ScreenBuffer) {
        guard area.height > 0, area.width > 0 else { return }
        for row in area.y..<(area.y + area.height) { buffer.fill(x: area.x, y: row, count: area.width, style: .plain) }
        let events = state.eventLog.events
        let title =
            "Events (\(events.count))" + (state.eventLog.droppedCount > 0 ? ", \(state.eventLog.droppedCount) older dropped" : "")
            + "  e closes"
        buffer.put(DisplayWidth.truncate(title, to: area.width), x: area.x, y: area.y, style: CellStyle(.header))
        guard area.height > 1 else { return }
        if events.isEmpty {
            buffer.put(
                DisplayWidth.truncate("No changes yet this session", to: area.width), x: area.x, y: area.y + 1,
                style: CellStyle(.dim))
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

    /// The part of the detail pane the events use: right of the separator column when the pane is on
    /// the right, under a rule when it is below (the rule is drawn here), all of it when full.
    static func area(
        in detail: DashboardLayout.Area, placement: DashboardLayout.DetailPlacement, symbols: SymbolSet,
        into buffer: inout ScreenBuffer
    ) -> DashboardLayout.Area {
        switch placement {
        case .right:
            return DashboardLayout.Area(x: detail.x + 1, y: detail.y, width: detail.width - 1, height: detail.height)
        case .below:
            buffer.put(
                String(repeating: symbols.horizontal, count: detail.width), x: detail.x, y: detail.y, style: CellStyle(.separator)
            )
            return DashboardLayout.Area(x: detail.x, y: detail.y + 1, width: detail.width, height: detail.height - 1)
        case .full, .none:
            return detail
        }
    }

    /// The task's name (or id).
    static func nameText(_ event: TaskEvent) -> String {
        let name = SafeText.line(event.name.isEmpty ? event.key.taskID : event.name, limit: 80)
        return name.isEmpty ? "-" : name
    }

    /// "MIGRATING → FAILED", "new MIGRATING", "gone (SUCCESS)", "in sync (offset 0)".
    static func changeText(_ event: TaskEvent, symbols: SymbolSet) -> String {
        func word(_ status: TaskStatus) -> String {
            let raw = SafeText.line(status.raw.trimmingCharacters(in: .whitespaces), limit: 40)
            return raw.isEmpty ? "(none)" : raw
        }
        switch event.kind {
        case .added(let status): return "new " + word(status)
        case .removed(let status): return "gone (" + word(status) + ")"
        case .statusChanged(let from, let to): return word(from) + " " + symbols.arrow + " " + word(to)
        case .sync(let change, _, let offset, let progress):
            // Capitals for the two that need attention: readable without colour (issue 16).
            switch change {
            case .inSync: return "in sync (offset " + CompactNumber.format(offset) + ")"
            case .fellBehind: return "FELL BEHIND (offset " + CompactNumber.format(offset) + ")"
            case .restarted: return "RESTARTED full copy (" + CompactNumber.percent(progress) + ")"
            }
        case .action(let action, _, let result, let outcome, let requestID):
            return "action " + action.rawValue + " " + result + ": " + SafeText.line(outcome, limit: 200)
                + (requestID.map { " (request id " + SafeText.line($0, limit: 80) + ")" } ?? "")
        }
    }
}
