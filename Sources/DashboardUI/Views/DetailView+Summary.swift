import DCSKit
import Foundation

extension DetailView {
    /// Log lines the summary beside the list keeps room for, ERROR first (the full-screen detail shows
    /// up to `maximumLogLines`).
    static let summaryLogLines = 1
    /// Shown where a value is still being fetched.
    static let pending = "…"

    /// The summary beside or below the list: what the row cannot show (id, status with its phase,
    /// error, both ends, times, progress, logs), one row per field, the same rows in the same order
    /// for every task. Stats, detail and logs fill rows held for them, so neither their arrival nor a
    /// cursor move shifts anything: a move rewrites only the values that differ (issue 6). Everything
    /// else is in the full-screen detail (Enter), as the last row says.
    static func summaryFields(_ watched: WatchedTask, state: DashboardState) -> [(String, String, StyleRole)] {
        let task = watched.task
        let category = task.status.category
        let insight = state.insights[watched.id]
        var status = TaskListView.statusText(task, symbols: state.symbols) + " (\(category.rawValue))"
        // `task_status` of the detail call says more than the status while IPs are switched.
        if let phase = insight?.detail?.taskStatus, !phase.isEmpty, phase != task.status.raw {
            status += ", phase " + SafeText.line(phase, limit: 60)
        }
        var rows: [(String, String, StyleRole)] = [("Status", status, .status(category))]
        if state.showsTargetColumn { rows.append(("Target", safe(watched.target), .normal)) }
        rows += [
            ("Error", safe(task.errorMessage), task.errorMessage.isEmpty ? .normal : .error),
            ("Source", task.sourceLabel.isEmpty ? "-" : SafeText.line(task.sourceLabel, limit: 200), .normal),
            ("Target inst.", task.targetLabel.isEmpty ? "-" : SafeText.line(task.targetLabel, limit: 200), .normal),
            ("Created", time(task.createdAt, state: state), .normal),
        ]
        rows += summaryProgressRows(watched, insight: insight, state: state)
        var logs: [(String, String, StyleRole)]
        if DashboardReducer.wantsLogs(watched, state: state) {
            logs = logRows(watched, state: state)
            if logs.isEmpty { logs = [("Logs", "-", .normal)] }
        } else {
            logs = [("Logs", "l shows them", .dim)]
        }
        logs = Array(logs.prefix(summaryLogLines))
        while logs.count < summaryLogLines { logs.append(("", "", .normal)) }
        rows += logs
        rows.append(("", "Enter: every field, ids and more logs", .dim))
        return rows
    }

    /// Six rows for every task: progress, time left, lag, keys, rates and one history line; dashes
    /// for tasks without stats (imports), a placeholder while the first stats call runs.
    static func summaryProgressRows(
        _ watched: WatchedTask, insight: TaskInsight?, state: DashboardState
    ) -> [(String, String, StyleRole)] {
        guard let stats = insight?.stats else {
            let first: String
            if watched.task.migrationType != .onlineMigration {
                first = "- (online migrations only)"
            } else if let error = insight?.statsError {
                first = "unavailable: " + SafeText.line(error, limit: 300)
            } else {
                first = state.fetchesInsights ? pending : "-"
            }
            // Plain, not dim: a cursor move between an online task and an import then rewrites only
            // characters, no attribute changes (issue 15: bytes per cursor move).
            return [
                ("Progress", first, .normal), ("Lag (offset)", "-", .normal), ("Keys src/tgt", "-", .normal),
                ("History", "-", .normal),
            ]
        }
        let syncing = TaskListView.isSyncing(watched.task, stats: stats)
        var progress = CompactNumber.percent(stats.fullMigrationProgress)
        if syncing { progress += " (full phase done; incremental sync)" }
        let running = watched.task.status.category == .running
        let timeLeft = !syncing && running ? (insight?.timeLeft.map { "~" + AgeFormat.duration($0) } ?? "—") : "—"
        let samples = insight?.history.samples ?? []
        let ascii = state.symbols == .ascii
        var history = "-"
        if samples.count >= 2 {
            if syncing || (stats.offset ?? 0) > 0 {
                let line = Sparkline.render(samples.compactMap(\.lag), width: sparklineWidth, ascii: ascii, floor: 0)
                if !line.isEmpty { history = "lag " + line }
            } else {
                let line = Sparkline.render(
                    samples.compactMap(\.progress), width: sparklineWidth, ascii: ascii, floor: 0, ceiling: 100)
                if !line.isEmpty { history = "progress " + line }
            }
        }
        return [
            ("Progress", progress + (timeLeft == "—" ? "" : ", " + timeLeft + " left"), .normal),
            ("Lag (offset)", CompactNumber.format(stats.offset) + (stats.offset == 0 ? " (caught up)" : ""), .normal),
            (
                "Keys src/tgt", CompactNumber.format(stats.sourceDBSize) + " / " + CompactNumber.format(stats.targetDBSize),
                .normal
            ),
            ("History", history, .normal),
        ]
    }
}
