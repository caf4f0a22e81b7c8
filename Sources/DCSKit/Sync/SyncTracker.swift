import Foundation

/// The sync-state classifier of one online task (issue 16): fed every stats answer (with the task
/// as listed at that moment) and every failed stats call, it keeps the history and says whether the
/// task is copying, restarted, catching up, in sync or fell behind. Pure: the caller's clock is in
/// the answers' times.
///
/// Rules: "in sync" needs `offset` ≤ the threshold in the last `polls` consecutive answers of the
/// incremental phase. A failed call, or an answer without the number the phase needs (progress while
/// copying, `offset` while replicating) or with a nonsense one, leaves the previous state but marks
/// it stale (`staleReason`): such an answer is no evidence either way, so it neither counts towards
/// nor breaks the run, and `isInSync` is false while stale. The full copy restarted when progress
/// falls more than `rounding` below the highest seen in this copy (the API rounds), or the phase
/// goes back from incremental to full.
public struct SyncTracker: Sendable, Hashable {
    /// Progress may fall by this much between answers without being a restart (rounding).
    public static let rounding: Double = 1

    /// The thresholds in force.
    public let thresholds: SyncThresholds
    /// The stats readings, oldest first (sparklines and estimates).
    public private(set) var history: TaskHistory
    /// The state as of the last usable answer.
    public private(set) var state: SyncState = .unknown
    /// Why the latest call told nothing (failed, or answered garbage); nil when the state is current.
    public private(set) var staleReason: String?
    private var phase: MigrationPhase?
    private var highestProgress: Double?
    private var copyStart: Date?
    private var restartedAt: Date?
    private var incrementalStart: Date?
    private var run = 0
    private var runStart: Date?
    private var wasInSync = false
    private var behindSince: Date?

    /// Builds a tracker with no answers yet.
    public init(thresholds: SyncThresholds = SyncThresholds(), capacity: Int = 120) {
        self.thresholds = thresholds
        history = TaskHistory(capacity: capacity)
    }

    /// True when the task is in sync by a current answer (never while stale).
    public var isInSync: Bool { staleReason == nil && state.isInSync }

    /// Consecutive answers at or below the threshold in the incremental phase so far.
    public var confirmations: Int { run }

    /// Takes one stats answer for `task` (its list entry at that moment) and returns the change worth
    /// an event, if any. Answers for a task that is not running are kept in the history only.
    @discardableResult
    public mutating func observe(_ stats: TaskStats, task: MigrationTask, at time: Date) -> SyncChange? {
        let progress = Self.usable(stats.fullMigrationProgress).map { min($0, 100) }
        let offset = Self.usable(stats.offset)
        history.append(ProgressSample(at: time, progress: progress, lag: offset))
        guard task.status.category == .running else { return nil }
        guard let phase = MigrationPhase.of(status: task.status, method: task.migrationMethod, progress: progress) else {
            staleReason = "the stats answer has no progress"
            return nil
        }
        switch phase {
        case .full:
            guard let progress else {
                staleReason = "the stats answer has no progress"
                return nil
            }
            staleReason = nil
            return copying(progress, at: time)
        case .incremental:
            guard let offset else {
                staleReason = "the stats answer has no offset"
                return nil
            }
            staleReason = nil
            return replicating(offset, progress: progress, at: time)
        }
    }

    /// Takes a failed stats call: the state stays, marked stale with `message`.
    public mutating func observeFailure(_ message: String) {
        staleReason = message.isEmpty ? "the stats call failed" : message
    }

    /// A number the API may send, nil when missing, negative or not finite.
    static func usable(_ value: Double?) -> Double? {
        guard let value, value.isFinite, value >= 0 else { return nil }
        return value
    }

    private mutating func copying(_ progress: Double, at time: Date) -> SyncChange? {
        let wentBack = phase == .incremental
        let fell = highestProgress.map { $0 - progress > Self.rounding } ?? false
        phase = .full
        var change: SyncChange?
        if wentBack || fell {
            change = .restarted
            restartedAt = time
            copyStart = time
            highestProgress = progress
            run = 0
            runStart = nil
            wasInSync = false
            behindSince = nil
            incrementalStart = nil
        } else {
            highestProgress = max(highestProgress ?? progress, progress)
            if copyStart == nil { copyStart = time }
        }
        let start = copyStart ?? time
        let timeLeft = ProgressEstimate.timeLeft(history.samples.filter { $0.at >= start })
        if let restartedAt {
            state = .restarted(at: restartedAt, progress: progress, timeLeft: timeLeft)
        } else {
            state = .copying(progress: progress, timeLeft: timeLeft)
        }
        return change
    }

    private mutating func replicating(_ lag: Double, progress: Double?, at time: Date) -> SyncChange? {
        phase = .incremental
        restartedAt = nil
        highestProgress = max(highestProgress ?? 100, progress ?? 100)
        if incrementalStart == nil { incrementalStart = time }
        if lag <= thresholds.lagThreshold {
            if run == 0 { runStart = time }
            run += 1
        } else {
            run = 0
            runStart = nil
        }
        let start = incrementalStart ?? time
        let recent = history.samples.filter { $0.at >= start }
        let trend = LagEstimate.trend(recent)
        let timeLeft = LagEstimate.timeToThreshold(recent, threshold: thresholds.lagThreshold)
        let wasShownInSync = state.isInSync
        if run >= thresholds.polls {
            state = .inSync(since: runStart ?? time, lag: lag)
            wasInSync = true
            behindSince = nil
            return wasShownInSync ? nil : .inSync
        }
        if lag > thresholds.lagThreshold, wasInSync {
            let since = behindSince ?? time
            behindSince = since
            state = .fellBehind(since: since, lag: lag, trend: trend, timeLeft: timeLeft)
            return wasShownInSync ? .fellBehind : nil
        }
        state = .catchingUp(lag: lag, trend: trend, timeLeft: timeLeft, confirmations: run)
        return nil
    }
}

extension SyncTracker {
    /// Feeds a stats answer or failure of `watched` (the task as last listed) and returns the event of
    /// the sync change it caused, if any: the one path from a poller's answer to an `in_sync`,
    /// `fell_behind` or `restarted` event for `wait`, `events` and the dashboard. Detail and logs
    /// answers are ignored.
    public mutating func record(_ insight: InsightEvent, for watched: WatchedTask) -> TaskEvent? {
        switch insight {
        case .statsReceived(_, let stats, let time):
            guard let change = observe(stats, task: watched.task, at: time) else { return nil }
            return TaskEvent(
                time: time, key: watched.id, name: watched.task.name,
                kind: .sync(
                    change, status: watched.task.status, offset: Self.usable(stats.offset),
                    progress: Self.usable(stats.fullMigrationProgress)))
        case .statsFailed(_, let message, _):
            observeFailure(message)
            return nil
        case .detailReceived, .detailFailed, .logsReceived, .logsFailed:
            return nil
        }
    }
}
