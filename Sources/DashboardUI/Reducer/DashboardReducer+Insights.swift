import DCSKit
import Foundation

extension DashboardReducer {
    /// How long a changed row stays highlighted, in seconds.
    public static let highlightDuration: TimeInterval = 30

    /// Records the events of one refresh: appends them to the session's log, highlights the changed
    /// and new rows, forgets the cached detail/logs of changed tasks (so they are fetched again with the
    /// task), and returns the notification effects.
    static func recordChanges(
        from old: TaskSnapshot, to new: TaskSnapshot, diff: SnapshotDiff, state: inout DashboardState
    ) -> [DashboardEffect] {
        let previous = Dictionary(old.targets.map { ($0.name, $0.fetchedAt) }, uniquingKeysWith: { first, _ in first })
        var events: [TaskEvent] = []
        for target in new.targets {
            guard let fetched = target.fetchedAt, (previous[target.name] ?? nil) != fetched else { continue }
            events += state.eventLog.record(target: target.name, diff: diff, at: fetched)
            for change in diff.changed where change.new.target == target.name {
                state.insights[change.new.id]?.detailRequested = false
                state.insights[change.new.id]?.logsRequested = false
            }
            for gone in diff.removed where gone.target == target.name {
                state.insights[gone.id] = nil
            }
        }
        var vanished = 0
        for event in events {
            if case .removed = event.kind {
                vanished += 1
                continue
            }
            state.highlights[event.key] = event.time.addingTimeInterval(highlightDuration)
        }
        if vanished > 0, state.prompt == nil {
            // A vanished task has no row to mark: say so on the bottom line until the next key.
            state.message =
                vanished == 1 ? "1 task vanished: e lists the changes" : "\(vanished) tasks vanished: e lists the changes"
        }
        var effects: [DashboardEffect] = []
        for alert in state.notifications.alerts(for: events) {
            if alert.bell { effects.append(.bell) }
            if alert.desktop { effects.append(.notify(title: alert.title, body: alert.body)) }
        }
        return effects
    }

    /// Stores stats, detail or logs that arrived. Stats feed the task's sync state; a change of it
    /// (in sync, fell behind, restarted) joins the events, highlights the row and may notify (issue 16).
    static func apply(_ event: InsightEvent, to state: inout DashboardState) -> [DashboardEffect] {
        var insight = state.insights[event.key] ?? TaskInsight()
        var change: TaskEvent?
        switch event {
        case .statsReceived(_, let stats, let time):
            insight.stats = stats
            insight.statsAt = time
            insight.statsError = nil
            change = recordSync(event, into: &insight, state: state)
        case .statsFailed(_, let message, _):
            insight.statsError = message
            change = recordSync(event, into: &insight, state: state)
        case .detailReceived(_, let detail, _):
            insight.detail = detail
            insight.detailError = nil
        case .detailFailed(_, let message, _): insight.detailError = message
        case .logsReceived(_, let logs, _):
            insight.logs = logs
            insight.logsError = nil
        case .logsFailed(_, let message, _): insight.logsError = message
        }
        state.insights[event.key] = insight
        guard event.isStats else { return [] }
        state.recountInSync()
        guard let change else { return [] }
        state.eventLog.append([change])
        state.highlights[change.key] = change.time.addingTimeInterval(highlightDuration)
        var effects: [DashboardEffect] = []
        for alert in state.notifications.alerts(for: [change]) {
            if alert.bell { effects.append(.bell) }
            if alert.desktop { effects.append(.notify(title: alert.title, body: alert.body)) }
        }
        return effects
    }

    /// Feeds a stats answer or failure to the task's tracker (built with the dashboard's thresholds);
    /// the sync change's event, if any. A task no longer listed keeps its last state.
    static func recordSync(_ event: InsightEvent, into insight: inout TaskInsight, state: DashboardState) -> TaskEvent? {
        let catalog = state.rows.catalog
        guard let index = catalog.index(of: event.key) else { return nil }
        let watched = WatchedTask(target: event.key.target, task: catalog.task(at: index))
        var tracker = insight.sync ?? SyncTracker(thresholds: state.syncThresholds)
        let change = tracker.record(event, for: watched)
        insight.sync = tracker
        return change
    }

    /// The fetches the selection needs while a detail shows it: its detail, and its logs when it failed
    /// or the user asked. With the pane hidden (`d`) or covered by the events, a move fetches nothing.
    static func insightRequests(_ state: inout DashboardState) -> [DashboardEffect] {
        guard state.fetchesInsights, showsDetail(state), let task = state.selectedTask else { return [] }
        var insight = state.insights[task.id] ?? TaskInsight()
        var effects: [DashboardEffect] = []
        let wasPrefetched = insight.prefetched
        if insight.prefetched {
            // Selected before the calls made ahead of the cursor were answered: ask again to the front.
            insight.prefetched = false
            if insight.detail == nil, insight.detailError == nil { insight.detailRequested = false }
            if insight.logs == nil, insight.logsError == nil { insight.logsRequested = false }
        }
        if !insight.detailRequested {
            insight.detailRequested = true
            effects.append(.loadDetail(task))
        }
        if !insight.logsRequested, wantsLogs(task, state: state) {
            insight.logsRequested = true
            effects.append(.loadLogs(task))
        }
        // Written only when something changed: the loop keeps the state before the event, so a write
        // copies the whole dictionary.
        if !effects.isEmpty || wasPrefetched { state.insights[task.id] = insight }
        return effects + prefetchRequests(&state)
    }

    /// The rows just below and above the selection, each asked for once (the poller puts them after
    /// the selection's own calls): a move then lands on a task whose stats, detail and logs are known,
    /// and the pane is drawn once with its values instead of with placeholders first (issue 6).
    static func prefetchRequests(_ state: inout DashboardState) -> [DashboardEffect] {
        guard let index = state.selectedIndex else { return [] }
        var effects: [DashboardEffect] = []
        for neighbour in [index + 1, index - 1] where neighbour >= 0 && neighbour < state.rows.count {
            let task = state.rows[neighbour]
            var insight = state.insights[task.id] ?? TaskInsight()
            guard !insight.detailRequested else { continue }
            insight.detailRequested = true
            insight.prefetched = true
            let logs = !insight.logsRequested && wantsLogs(task, state: state)
            if logs { insight.logsRequested = true }
            state.insights[task.id] = insight
            effects.append(.prefetch(task, logs: logs))
        }
        return effects
    }

    /// Asks the poller for the running online tasks the user sees when that set changed (scroll,
    /// selection, filter, sort, resize, a status change): the rows on screen, then the selection.
    static func pollRequests(_ state: inout DashboardState) -> [DashboardEffect] {
        guard state.fetchesInsights else { return [] }
        var wanted = visibleTasks(state).filter(StatsPoller.isPollable)
        if let selected = state.selectedTask, StatsPoller.isPollable(selected), !wanted.contains(where: { $0.id == selected.id })
        {
            wanted.append(selected)
        }
        guard wanted != state.polledTasks else { return [] }
        state.polledTasks = wanted
        return [.pollTasks(wanted)]
    }

    /// The tasks whose rows are on screen now (none when the full detail or the events cover the list).
    static func visibleTasks(_ state: DashboardState) -> [WatchedTask] {
        let layout = DashboardLayout(state)
        guard !layout.tooSmall, layout.placement != .full, !(state.showEvents && layout.detail == nil) else { return [] }
        let end = min(state.scrollOffset + layout.list.height, state.rows.count)
        guard state.scrollOffset < end else { return [] }
        return (state.scrollOffset..<end).map { state.rows[$0] }
    }

    /// True when the selected task's detail is on screen: the pane, or the full-screen detail.
    static func showsDetail(_ state: DashboardState) -> Bool {
        let layout = DashboardLayout(state)
        return !layout.tooSmall && layout.detail != nil && (layout.placement == .full || !state.showEvents)
    }

    /// True when the detail pane shows this task's logs.
    static func wantsLogs(_ task: WatchedTask, state: DashboardState) -> Bool {
        state.logsWanted.contains(task.id) || task.task.status.category == .failed
    }

    /// The `l` key: show or hide the selected task's logs.
    static func toggleLogs(_ state: inout DashboardState) -> [DashboardEffect] {
        guard let task = state.selectedTask else { return [.bell] }
        if state.logsWanted.contains(task.id) {
            state.logsWanted.remove(task.id)
        } else {
            state.logsWanted.insert(task.id)
            // Asked again: fetch fresh lines.
            state.insights[task.id]?.logsRequested = false
        }
        return []
    }
}
