import DCSKit
import Foundation

extension DashboardReducer {
    /// Routes a key: the help overlay and the filter prompt take keys first, then the key table.
    static func handleKey(_ key: Key, state: inout DashboardState) -> [DashboardEffect] {
        if key == .control("c") { return [.quit] }
        if let panel = state.actionPanel { return handlePanelKey(key, panel: panel, state: &state) }
        if state.showHelp {
            if key == .character("?") || key == .escape || key == .character("q") { state.showHelp = false }
            return []
        }
        if state.prompt != nil { return handlePromptKey(key, state: &state) }
        state.message = nil
        guard let action = KeyTable.action(for: key) else { return [] }
        return perform(action, state: &state)
    }

    /// Performs a key-table action.
    static func perform(_ action: KeyAction, state: inout DashboardState) -> [DashboardEffect] {
        let page = max(DashboardLayout(state).list.height, 1)
        let index = state.selectedIndex ?? 0
        switch action {
        case .moveUp: select(index - 1, in: &state)
        case .moveDown: select(state.selectedIndex.map { $0 + 1 } ?? 0, in: &state)
        case .pageUp: select(index - page, in: &state)
        case .pageDown: select(index + page, in: &state)
        case .top: select(0, in: &state)
        case .bottom: select(state.rows.count - 1, in: &state)
        case .toggleDetail: state.mode = state.mode == .list ? .fullDetail : .list
        case .openFilter: state.prompt = DashboardState.FilterPrompt(text: state.filterText, original: state.filterText)
        case .escape:
            if state.mode == .fullDetail {
                state.mode = .list
            } else if !state.filterText.isEmpty {
                applyFilter("", to: &state)
            }
        case .toggleCategory(let category):
            if state.hiddenCategories.contains(category) {
                state.hiddenCategories.remove(category)
            } else {
                state.hiddenCategories.insert(category)
            }
            state.recomputeRows()
        case .nextSortColumn:
            state.sort.column = state.sort.column.next
            state.recomputeRows()
        case .reverseSort:
            state.sort.descending.toggle()
            state.recomputeRows()
        case .refresh: return [.refreshNow]
        case .togglePause:
            state.paused.toggle()
            return [.setPaused(state.paused)]
        case .longerInterval:
            let next = intervalSteps.first { $0 > state.interval + 0.001 } ?? state.interval
            guard next != state.interval else { return [.bell] }
            state.interval = next
            return [.setInterval(next)]
        case .shorterInterval:
            let next = intervalSteps.last { $0 < state.interval - 0.001 } ?? state.interval
            guard next != state.interval else { return [.bell] }
            state.interval = next
            return [.setInterval(next)]
        case .redraw: return [.redrawAll]
        case .quit: return [.quit]
        case .toggleHelp: state.showHelp = true
        case .toggleEvents: state.showEvents.toggle()
        case .toggleDetailPane: state.showsDetailPane.toggle()
        case .toggleLogs: return toggleLogs(&state)
        case .toggleMark: return toggleMark(&state)
        case .openActions: return openActions(&state)
        case .copyTaskID:
            guard let task = state.selectedTask else { return [.bell] }
            state.message = "Copied the task id to the clipboard (OSC 52; your terminal must allow it)"
            return [.copyToClipboard(task.task.taskID)]
        }
        return []
    }

    /// Editing keys of the filter prompt; the filter is applied on every keystroke (issue 4).
    static func handlePromptKey(_ key: Key, state: inout DashboardState) -> [DashboardEffect] {
        guard var prompt = state.prompt else { return [] }
        switch key {
        case .escape:
            state.prompt = nil
            applyFilter(prompt.original, to: &state)
            state.message = nil
            return []
        case .enter:
            if applyFilter(prompt.text, to: &state) {
                state.prompt = nil
                return []
            }
            return [.bell]
        case .backspace, .delete, .control("h"):
            if !prompt.text.isEmpty { prompt.text.removeLast() }
        case .control("u"):
            prompt.text = ""
        case .up, .down, .pageUp, .pageDown:
            let action: KeyAction = key == .up ? .moveUp : key == .down ? .moveDown : key == .pageUp ? .pageUp : .pageDown
            return perform(action, state: &state)
        case .character(let character):
            guard prompt.text.count < 200 else { return [.bell] }
            prompt.text.append(character)
        default:
            return []
        }
        state.prompt = prompt
        // A bad or half-typed last token ("orders status:fa") filters by the words before it and
        // shows why the last one does not count yet.
        if !applyFilter(prompt.text, to: &state) {
            let message = state.message
            var words = prompt.text.split(separator: " ", omittingEmptySubsequences: false)
            words.removeLast()
            applyFilter(words.joined(separator: " "), to: &state)
            state.message = message
        }
        return []
    }
}
