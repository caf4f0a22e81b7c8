import DCSKit
import Foundation

extension TaskListView {
    /// The progress cell of a running task: its sync state (issue 16: "copy 64%", "lag 52.1k ↓ ETA
    /// 3m", "in sync 12m"); the percent for a task whose stats did not make a state (an import);
    /// blank without stats and for finished tasks (their last reading would read as current; the
    /// detail pane still shows it).
    static func progressText(_ watched: WatchedTask, state: DashboardState) -> String {
        guard watched.task.status.category == .running, let insight = state.insights[watched.id], let stats = insight.stats
        else { return "" }
        if let tracker = insight.sync, tracker.state != .unknown || tracker.staleReason != nil {
            return SyncText.cell(tracker, now: state.now, ascii: state.symbols == .ascii)
        }
        guard let progress = stats.fullMigrationProgress else { return "-" }
        return CompactNumber.percent(progress)
    }

    /// True once a full+incremental task has finished its full phase and replicates changes.
    static func isSyncing(_ task: MigrationTask, stats: TaskStats) -> Bool {
        guard task.status.category == .running else { return false }
        return MigrationPhase.of(status: task.status, method: task.migrationMethod, progress: stats.fullMigrationProgress)
            == .incremental && task.migrationMethod != .fullAmount
    }
}
