import DCSKit
import Foundation

extension DetailView {
    /// Log lines the summary beside the list keeps room for, ERROR first (the full-screen detail shows
    /// up to `maximumLogLines`).
    static let summaryLogLines = 1
    /// Shown where a value is still being fetched.
    static let pending = "…"

    /// The summary beside or below the list: what the row cannot show (status with its phase, error,
    /// both ends, created, progress, sync, lag, keys, the last log line), one row per field, the same rows in the same order
    /// for every task. Stats, detail and logs fill rows held for them, so neither their arrival nor a
    /// cursor move shifts anything: a move rewrites only the values that differ (issue 6). Everything
    /// else is in the full-screen detail (Enter), as the last row says.
    static func summaryFields(_ watched: WatchedTask, state: DashboardState) -> [(String, String, StyleRole)] {
        let task = watched.task
        let category = task.status.category
        let insight = state.insights[watched.id]
        var status = TaskListView.statusText(task, symbols: state.symbols) + " (\(category.rawValue))"
        // `task_status` of the detail call says more than the status while IPs are switched: raw here
        // (the full-screen detail explains the known values, issue 16).
        if let phase = insight?.detail?.taskStatus, !phase.isEmpty, phase != task.status.raw {
            status += ", task_status " + SafeText.line(phase, limit: 60)
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

    /// Five rows for every task: progress, sync state (issue 16: since when, trend, time left), lag
    /// with the thresholds used, keys with their difference and one history line (the rates are in the
    /// full-screen detail); dashes for
    /// tasks without stats (imports), a placeholder while the first stats call runs.
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
                ("Progress", first, .normal), ("Sync", "-", .normal), ("Lag (offset)", "-", .normal),
                ("Keys src/tgt", "-", .normal), ("History", "-", .normal),
            ]
        }
        let syncing = TaskListView.isSyncing(watched.task, stats: stats)
        var progress = CompactNumber.percent(stats.fullMigrationProgress)
        if syncing { progress += " (full copy done)" }
        let running = watched.task.status.category == .running
        let sync: (String, StyleRole) =
            running
            ? (insight?.sync.map { SyncText.detail($0, state: state) } ?? ("-", .normal)) : ("- (not running)", .normal)
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
            ("Progress", progress, .normal),
            ("Sync", sync.0, sync.1),
            ("Lag (offset)", lagText(stats, state: state), .normal),
            ("Keys src/tgt", keysText(stats), .normal),
            ("History", history, .normal),
        ]
    }

    /// "52.1k (threshold 0, 3 polls)": the lag and the rule it is judged by.
    static func lagText(_ stats: TaskStats, state: DashboardState) -> String {
        CompactNumber.format(stats.offset) + " (" + state.syncThresholds.summary + ")"
    }

    /// "1.2M / 1.2M, diff 12": the key counts and their difference (expiring keys make them differ,
    /// so it is shown, not part of the in-sync rule).
    static func keysText(_ stats: TaskStats) -> String {
        var text = CompactNumber.format(stats.sourceDBSize) + " / " + CompactNumber.format(stats.targetDBSize)
        if let source = stats.sourceDBSize, let target = stats.targetDBSize {
            text += ", diff " + CompactNumber.format(source - target)
        }
        return text
    }
}
