import DCSKit
import Foundation

extension TaskListView {
    /// The progress cell of a running task: the full phase's percent, then "sync" and the incremental
    /// lag (the health signal of a full+incremental migration); blank without stats and for finished
    /// tasks (their last reading would read as current; the detail pane still shows it).
    static func progressText(_ watched: WatchedTask, state: DashboardState) -> String {
        guard watched.task.status.category == .running, let stats = state.insights[watched.id]?.stats else { return "" }
        if isSyncing(watched.task, stats: stats) {
            return "sync " + CompactNumber.format(stats.offset ?? 0)
        }
        guard let progress = stats.fullMigrationProgress else { return "-" }
        return CompactNumber.percent(progress)
    }

    /// True once a full+incremental task has finished its full phase and replicates changes.
    static func isSyncing(_ task: MigrationTask, stats: TaskStats) -> Bool {
        guard task.migrationMethod == .incremental, task.status.category == .running else { return false }
        return (stats.fullMigrationProgress ?? 0) >= 100
    }
}
