import DCSKit

/// The actions menu and the confirmation dialog (issue 17), drawn over the dashboard. Every task
/// name and target is untrusted: sanitised before it reaches the buffer.
enum ActionPanelView {
    /// Draws the open panel, if any.
    static func draw(_ state: DashboardState, into buffer: inout ScreenBuffer) {
        guard let panel = state.actionPanel else { return }
        let lines: [(String, CellStyle)]
        let title: String
        switch panel {
        case .menu(let tasks):
            title = "Actions for \(count(tasks.count))"
            lines =
                KeyTable.actionMenu.map { ("\($0.key)  \($0.summary)", CellStyle(.normal)) }
                + [("", CellStyle(.normal)), ("Esc or n closes the menu; nothing is sent until you confirm", CellStyle(.dim))]
        case .dialog(let dialog):
            title = "\(dialog.action.rawValue) \(count(dialog.tasks.count))?"
            lines = dialogLines(dialog)
        }
        let width = (lines.map { DisplayWidth.of($0.0) }.max() ?? 0) + 4
        guard
            let inside = OverlayBox.draw(
                width: max(width, DisplayWidth.of(title) + 8), height: lines.count + 2, title: title,
                unicode: state.symbols != .ascii, into: &buffer)
        else { return }
        OverlayBox.put(lines, in: inside, into: &buffer)
    }

    /// The dialog's lines: the action, one row per bound task, then how to confirm and the focused Cancel.
    static func dialogLines(_ dialog: ActionDialog) -> [(String, CellStyle)] {
        var lines: [(String, CellStyle)] = [
            ("Action: \(dialog.action.rawValue) — sent for exactly these tasks:", CellStyle(.label)),
            ("NAME  TARGET  STATUS  SYNC", CellStyle(.columnHeader)),
        ]
        let shown = 12
        for (task, sync) in zip(dialog.tasks, dialog.syncStates).prefix(shown) {
            let name = SafeText.line(task.task.name, limit: 50)
            let status = SafeText.line(task.task.status.raw, limit: 30)
            let text =
                "\(name.isEmpty ? "-" : name)  \(SafeText.line(task.target, limit: 30))  \(status.isEmpty ? "(none)" : status)  "
            lines.append((text + (sync.isEmpty ? "-" : sync), CellStyle(.status(task.task.status.category))))
        }
        if dialog.tasks.count > shown { lines.append(("… and \(dialog.tasks.count - shown) more", CellStyle(.dim))) }
        lines.append(("", CellStyle(.normal)))
        lines.append((dialog.prompt, CellStyle(.prompt)))
        lines.append(("[ Cancel ]", CellStyle(.normal, selected: true)))
        return lines
    }

    /// "1 task", "3 tasks".
    static func count(_ number: Int) -> String { number == 1 ? "1 task" : "\(number) tasks" }
}
