import DCSKit
import Foundation

/// Marking, the actions menu and the confirmation dialog (issue 17). The reducer only opens, binds
/// and closes them; a confirmed dialog returns `.performAction` with the tasks it was bound to, and
/// the results come back as `.actionFinished`.
extension DashboardReducer {
    /// Space: marks or unmarks the selected task; with writes off, says so and marks nothing.
    static func toggleMark(_ state: inout DashboardState) -> [DashboardEffect] {
        guard state.writeAccess.writesOn else {
            state.message = WriteAccess.readOnlyMessage
            return [.bell]
        }
        guard let key = state.selection, state.selectedTask != nil else { return [.bell] }
        if state.marked.remove(key) == nil { state.marked.insert(key) }
        return []
    }

    /// `a`: the menu for the marked tasks still listed, else the selected one. Sends nothing.
    static func openActions(_ state: inout DashboardState) -> [DashboardEffect] {
        guard state.writeAccess.writesOn else {
            state.message = WriteAccess.readOnlyMessage
            return [.bell]
        }
        let catalog = state.rows.catalog
        var tasks = state.marked.compactMap { key in catalog.index(of: key).map { catalog[$0] } }
        tasks.sort { ($0.target, $0.task.name, $0.task.taskID) < ($1.target, $1.task.name, $1.task.taskID) }
        if tasks.isEmpty, let selected = state.selectedTask { tasks = [selected] }
        guard !tasks.isEmpty else { return [.bell] }
        let refusals = state.writeAccess.refusals
        if let refused = tasks.lazy.compactMap({ refusals[$0.target] }).first {
            state.message = refused
            return [.bell]
        }
        state.actionPanel = .menu(tasks)
        return []
    }

    /// Keys while the menu or the dialog is open: nothing else reacts to them.
    static func handlePanelKey(_ key: Key, panel: ActionPanel, state: inout DashboardState) -> [DashboardEffect] {
        switch panel {
        case .menu(let tasks):
            if key == .escape || key == .character("n") || key == .character("q") {
                state.actionPanel = nil
                return []
            }
            guard case .character(let character) = key,
                let entry = KeyTable.actionMenu.first(where: { $0.key == character })
            else { return [.bell] }
            return choose(entry.action, for: tasks, state: &state)
        case .dialog(var dialog):
            // Cancel has the focus: Enter on it cancels, unless the action word was typed.
            let enterOnCancel = key == .enter && dialog.typed != dialog.action.confirmationWord
            if key == .escape || (key == .character("n") && dialog.typed.isEmpty) || enterOnCancel {
                state.actionPanel = nil
                state.message = "cancelled: nothing was sent"
                return []
            }
            if !dialog.needsWord {
                guard key == .character("y") else { return [] }
                state.actionPanel = nil
                return [.performAction(dialog.action, dialog.tasks)]
            }
            switch key {
            case .enter:
                state.actionPanel = nil
                return [.performAction(dialog.action, dialog.tasks)]
            case .backspace, .delete, .control("h"):
                if !dialog.typed.isEmpty { dialog.typed.removeLast() }
            case .character(let character):
                guard dialog.typed.count < 20 else { return [.bell] }
                dialog.typed.append(character)
            default:
                return []
            }
            state.actionPanel = .dialog(dialog)
            return []
        }
    }

    /// Opens the dialog for `action`, unless the client-side checks refuse one of the tasks (the
    /// server stays the judge): then the bottom line says why and the menu closes.
    static func choose(_ action: TaskAction, for tasks: [WatchedTask], state: inout DashboardState) -> [DashboardEffect] {
        state.actionPanel = nil
        for watched in tasks {
            let task = watched.task
            var reason = action.refusal(for: task.status.category, status: task.status.raw)
            if reason == nil, action == .exchangeIP, state.insights[watched.id]?.sync?.isInSync != true {
                reason = "not in sync: switch the IPs once it is (or use exchange-ip --force)"
            }
            if let reason {
                state.message = "\(action.rawValue) \(SafeText.line(task.name, limit: 60)): \(reason); nothing was sent"
                return [.bell]
            }
        }
        let syncStates = tasks.map { watched -> String in
            guard let tracker = state.insights[watched.id]?.sync else { return "" }
            if tracker.staleReason != nil { return "stale" }
            return tracker.state.name
        }
        state.actionPanel = .dialog(ActionDialog(action: action, tasks: tasks, syncStates: syncStates))
        return []
    }

    /// Results of a write: a line on the bottom line, an `action` event per task, the marks of the
    /// acted-on tasks cleared, and a refresh at once so the new statuses show.
    static func finish(_ report: ActionReport, state: inout DashboardState) -> [DashboardEffect] {
        let succeeded = report.entries.filter(\.result.succeeded).count
        let failed = report.entries.count - succeeded
        var message = "\(report.action.rawValue): \(succeeded) of \(report.entries.count) accepted"
        if failed > 0, let first = report.lines.first(where: { !$0.hasSuffix(report.action.pastTense) }) {
            message += "; " + first
        }
        state.message = message
        var events: [TaskEvent] = []
        for entry in report.entries {
            let key = TaskKey(target: entry.target, taskID: entry.result.taskID)
            state.marked.remove(key)
            // The detail (its `task_status`: EXCHANGING after a switch) is asked for again, and after an
            // accepted switch or rollback every few seconds until it settles (`switchRequests`).
            state.insights[key]?.detailRequested = false
            if entry.result.succeeded, report.action == .exchangeIP || report.action == .rollbackIP {
                state.switching[key] = SwitchWatch(now: state.now)
            }
            let status = state.rows.catalog.index(of: key).map { state.rows.catalog.task(at: $0).status }
            events.append(
                TaskEvent(
                    time: state.now, key: key, name: entry.taskName,
                    kind: .action(
                        report.action, status: status ?? TaskStatus(raw: ""), result: entry.result.outcomeWord,
                        outcome: outcomeText(entry.result),
                        requestID: entry.result.requestID)))
        }
        state.eventLog.append(events)
        return [.refreshNow]
    }

    /// The detail calls of the switches followed (`DashboardState.switching`) that are due at `now`;
    /// a settled status, a task no longer listed or the time limit ends a watch.
    static func switchRequests(_ state: inout DashboardState, now: Date) -> [DashboardEffect] {
        guard !state.switching.isEmpty else { return [] }
        var effects: [DashboardEffect] = []
        for (key, watch) in state.switching {
            let settled = state.insights[key]?.detail.map { SwitchWatch.isSettled($0.taskStatus) } ?? false
            guard !settled, now < watch.until, let index = state.rows.catalog.index(of: key) else {
                state.switching[key] = nil
                continue
            }
            guard now >= watch.next else { continue }
            state.switching[key]?.next = now.addingTimeInterval(SwitchWatch.period)
            effects.append(.loadDetail(state.rows.catalog[index]))
        }
        return effects
    }

    /// What happened to one task, in words (server texts sanitised; results never hold a body).
    static func outcomeText(_ result: TaskActionResult) -> String {
        switch result.outcome {
        case .succeeded: return result.action.pastTense
        case .failed(let code, let message):
            return [code, message].compactMap { $0 }.map { SafeText.line($0, limit: 200) }.joined(separator: " ")
        case .unknown(let reason): return SafeText.line(reason, limit: 200)
        }
    }
}
