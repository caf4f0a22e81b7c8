import DCSKit
import Foundation

/// What the dashboard knows about one task beyond the list: its latest stats, their history and the
/// sync state made of them (issue 16), its detail and its logs, each with the last error (issue 5).
/// Filled from `InsightEvent`s.
public struct TaskInsight: Sendable, Hashable {
    /// The latest stats.
    public var stats: TaskStats?
    /// When the latest stats arrived.
    public var statsAt: Date?
    /// Why the last stats call failed (cleared by the next success).
    public var statsError: String?
    /// The sync state and the recent progress and lag readings (sparklines, time left); nil before
    /// the first stats answer (it is built with the dashboard's thresholds).
    public var sync: SyncTracker?
    /// The detail (passwords already dropped by the decoder).
    public var detail: TaskDetail?
    /// Why the last detail call failed.
    public var detailError: String?
    /// The latest logs, or `.notOffered`.
    public var logs: MigrationLogs?
    /// Why the last logs call failed.
    public var logsError: String?
    /// A detail call was asked for since the task last changed (so it is not asked twice).
    public var detailRequested = false
    /// A logs call was asked for since the task last changed.
    public var logsRequested = false
    /// The calls were asked for ahead of the cursor (`DashboardEffect.prefetch`), at the back of the
    /// poller's queue: selecting the task before they are answered asks again, which moves them ahead.
    public var prefetched = false

    /// Builds an empty insight.
    public init() {}

    /// Recent progress and lag readings (sparklines, time left).
    public var history: TaskHistory { sync?.history ?? TaskHistory(capacity: 2) }

    /// The time left in the full phase, from the history.
    public var timeLeft: TimeInterval? { ProgressEstimate.timeLeft(history.samples) }
}
