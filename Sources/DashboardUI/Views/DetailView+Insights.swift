import DCSKit
import Foundation

extension DetailView {
    /// Lines of logs shown at most.
    static let maximumLogLines = 8
    /// Sparkline width in cells.
    static let sparklineWidth = 30

    /// Progress, the sync state, lag with the thresholds, key counts, rates and sparklines, when
    /// stats have arrived.
    static func progressRows(_ watched: WatchedTask, state: DashboardState) -> [(String, String, StyleRole)] {
        guard let insight = state.insights[watched.id] else { return [] }
        var rows: [(String, String, StyleRole)] = []
        if let stats = insight.stats {
            let ascii = state.symbols == .ascii
            let syncing = TaskListView.isSyncing(watched.task, stats: stats)
            var progress = CompactNumber.percent(stats.fullMigrationProgress)
            if syncing { progress += " (full copy done)" }
            rows.append(("Progress", progress, .normal))
            if watched.task.status.category == .running, let tracker = insight.sync {
                let sync = SyncText.detail(tracker, state: state)
                rows.append(("Sync", sync.0, sync.1))
            }
            rows.append(("Lag (offset)", lagText(stats, state: state), .normal))
            rows.append(("Keys src/tgt", keysText(stats), .normal))
            rows.append(
                (
                    "Input, ops",
                    CompactNumber.format(stats.targetInputKbps) + " KB/s, " + CompactNumber.format(stats.targetOps) + " ops/s",
                    .normal
                ))
            let samples = insight.history.samples
            if samples.count >= 2 {
                let progressLine = Sparkline.render(
                    samples.compactMap(\.progress), width: sparklineWidth, ascii: ascii, floor: 0, ceiling: 100)
                let lagLine = Sparkline.render(samples.compactMap(\.lag), width: sparklineWidth, ascii: ascii, floor: 0)
                if !progressLine.isEmpty, !syncing { rows.append(("Progress hist", progressLine, .normal)) }
                if !lagLine.isEmpty, syncing || (stats.offset ?? 0) > 0 { rows.append(("Lag hist", lagLine, .normal)) }
            }
        }
        if let error = insight.statsError {
            rows.append(("Stats", "unavailable: " + SafeText.line(error, limit: 300), .dim))
        }
        return rows
    }

    /// Network, bandwidth, update time and IP-switch phase from the detail call.
    static func detailRows(_ watched: WatchedTask, state: DashboardState) -> [(String, String, StyleRole)] {
        guard let insight = state.insights[watched.id] else { return [] }
        if let detail = insight.detail {
            var rows: [(String, String, StyleRole)] = []
            // `task_status` when it says more than the status (EXCHANGING while IPs are switched),
            // explained when known, raw otherwise (issue 16).
            if !detail.taskStatus.isEmpty, detail.taskStatus != watched.task.status.raw {
                rows.append(("Task status", DetailTaskStatus.describe(detail.taskStatus), .normal))
            }
            rows.append(("Network", detail.networkType.isEmpty ? "-" : SafeText.line(detail.networkType, limit: 40), .normal))
            rows.append(
                ("Bandwidth", detail.bandwidthLimitMB.map { CompactNumber.format($0) + " MB/s limit" } ?? "no limit", .normal))
            if let date = detail.updatedAt.date {
                rows.append(
                    (
                        "Updated",
                        AgeFormat.dateTime(date, timeZone: state.timeZone) + " ("
                            + AgeFormat.duration(state.now.timeIntervalSince(date)) + " ago)", .normal
                    ))
            }
            if !detail.sourceInstance.addresses.isEmpty {
                rows.append(("Source addrs", SafeText.line(detail.sourceInstance.addresses, limit: 200), .normal))
            }
            return rows
        }
        if let error = insight.detailError {
            return [("Detail", "unavailable: " + SafeText.line(error, limit: 300), .dim)]
        }
        return insight.detailRequested ? [("Detail", "loading…", .dim)] : []
    }

    /// The last log lines, ERROR first, when the task failed or the user pressed `l`.
    static func logRows(_ watched: WatchedTask, state: DashboardState) -> [(String, String, StyleRole)] {
        guard DashboardReducer.wantsLogs(watched, state: state) else { return [] }
        let insight = state.insights[watched.id]
        if let error = insight?.logsError { return [("Logs", "unavailable: " + SafeText.line(error, limit: 300), .dim)] }
        guard let logs = insight?.logs else { return state.fetchesInsights ? [("Logs", "loading…", .dim)] : [] }
        guard case .page(_, let entries) = logs else { return [("Logs", "not offered by this cloud", .dim)] }
        if entries.isEmpty { return [("Logs", "none", .dim)] }
        let errorsFirst =
            entries.filter { $0.level.uppercased() == "ERROR" } + entries.filter { $0.level.uppercased() != "ERROR" }
        return errorsFirst.prefix(maximumLogLines).enumerated().map { index, entry in
            let time =
                entry.createdAt.date.map { AgeFormat.dateTime($0, timeZone: state.timeZone) }
                ?? SafeText.line(entry.createdAt.raw, limit: 30)
            let text = time + " " + SafeText.line(entry.level, limit: 10) + " " + SafeText.line(entry.message, limit: 500)
            return (index == 0 ? "Logs" : "", text, entry.level.uppercased() == "ERROR" ? .error : .normal)
        }
    }
}
