import DCSKit
import Foundation

/// The dashboard's update function (Model-Update-View): applies an event to the state and returns
/// the effects to perform. Pure: no I/O, no clock, no curses.
public enum DashboardReducer {
    /// Refresh intervals `+` and `-` step through, in seconds.
    public static let intervalSteps: [TimeInterval] = [1, 2, 5, 10, 15, 30, 60, 120, 300]

    /// Applies `event` to `state`.
    public static func reduce(state: inout DashboardState, event: DashboardEvent) -> [DashboardEffect] {
        var effects: [DashboardEffect] = []
        switch event {
        case .snapshotReceived(let snapshot, let diff):
            effects = recordChanges(from: state.snapshot, to: snapshot, diff: diff, state: &state)
            state.snapshot = snapshot
            state.recomputeRows()
            state.recountInSync()
        case .refreshFailed(let snapshot, _, _), .fetchStarted(let snapshot):
            state.snapshot = snapshot
            state.recomputeRows()
        case .insightReceived(let insight):
            effects = apply(insight, to: &state)
        case .actionFinished(let report):
            effects = finish(report, state: &state)
        case .keyPressed(let key):
            effects = handleKey(key, state: &state)
        case .terminalResized(let size):
            state.size = size
            effects = [.redrawAll]
        case .tick(let date):
            state.now = date
            effects = switchRequests(&state, now: date)
            if state.snapshot.isFetching { state.spinnerPhase &+= 1 }
            if !state.highlights.isEmpty { state.highlights = state.highlights.filter { $0.value > date } }
        }
        keepSelectionVisible(&state)
        return effects + pollRequests(&state) + insightRequests(&state)
    }

    /// Scrolls so the selected row is inside the list area.
    static func keepSelectionVisible(_ state: inout DashboardState) {
        let height = max(DashboardLayout(state).list.height, 1)
        let maximumOffset = max(state.rows.count - height, 0)
        guard let index = state.selectedIndex else {
            state.scrollOffset = min(state.scrollOffset, maximumOffset)
            return
        }
        if index < state.scrollOffset { state.scrollOffset = index }
        if index >= state.scrollOffset + height { state.scrollOffset = index - height + 1 }
        state.scrollOffset = max(min(state.scrollOffset, maximumOffset), 0)
    }

    /// Moves the selection to row `index` (clamped).
    static func select(_ index: Int, in state: inout DashboardState) {
        guard !state.rows.isEmpty else { return }
        state.selection = state.rows[min(max(index, 0), state.rows.count - 1)].id
    }

    /// Applies a filter text: on success the rows follow; on a bad token the previous query stays and
    /// the message says why.
    @discardableResult
    static func applyFilter(_ text: String, to state: inout DashboardState) -> Bool {
        switch TaskQuery.parse(text) {
        case .success(let query):
            state.filterText = text
            state.query = query
            state.message = nil
            state.recomputeRows()
            return true
        case .failure(let error):
            state.message = error.userMessage
            return false
        }
    }
}
