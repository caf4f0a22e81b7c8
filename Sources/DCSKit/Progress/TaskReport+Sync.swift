import Foundation

/// What `dcswatch show` can tell about the sync from one stats answer (issue 16): the phase, whether
/// this answer's lag is at the threshold (in sync needs `polls` such answers in a row, which one
/// call cannot tell), and the key counts' difference.
struct ReportSync: Encodable {
    /// The state one answer gives (`SyncState.name`).
    let state: String
    /// `full`, `incremental`, or nil when the status and progress do not tell.
    let phase: String?
    /// The answer's `offset`.
    let offset: Double?
    /// True when `offset` is at or below the threshold (nil without an offset).
    let atThreshold: Bool?
    /// The thresholds used.
    let thresholds: SyncThresholds
    /// `source_dbsize` − `target_dbsize` (expiring keys make them differ: shown, not part of the rule).
    let keyDifference: Double?

    enum CodingKeys: String, CodingKey {
        case state, phase, offset, atThreshold = "at_threshold", lagThreshold = "lag_threshold", polls
        case keyDifference = "key_difference"
    }

    /// The sync of `task` from one answer.
    init(task: MigrationTask, stats: TaskStats, thresholds: SyncThresholds) {
        var tracker = SyncTracker(thresholds: thresholds, capacity: 2)
        // One answer has no time line: the state's name does not depend on it.
        tracker.observe(stats, task: task, at: .distantPast)
        let progress = SyncTracker.usable(stats.fullMigrationProgress)
        let phase = MigrationPhase.of(status: task.status, method: task.migrationMethod, progress: progress)
        state = tracker.staleReason == nil ? tracker.state.name : "unknown"
        self.phase = phase.map { $0 == .full ? "full" : "incremental" }
        offset = SyncTracker.usable(stats.offset)
        atThreshold = offset.map { $0 <= thresholds.lagThreshold }
        self.thresholds = thresholds
        if let source = SyncTracker.usable(stats.sourceDBSize), let target = SyncTracker.usable(stats.targetDBSize) {
            keyDifference = source - target
        } else {
            keyDifference = nil
        }
    }

    /// The `Sync` section's rows of the table.
    var rows: [(String, String)] {
        var state = self.state
        if phase == "incremental", let atThreshold, !state.hasPrefix("in sync") {
            state +=
                atThreshold
                ? " (this answer is at the threshold; in sync needs \(thresholds.polls) in a row: dcswatch wait --until in-sync)"
                : " (lag above the threshold)"
        }
        return [
            ("state", state), ("phase", phase ?? ""), ("lag_threshold", TaskReport.number(thresholds.lagThreshold)),
            ("polls", String(thresholds.polls)),
            ("key_difference", keyDifference.map { TaskReport.number($0) + " (source - target)" } ?? ""),
        ]
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(state, forKey: .state)
        try container.encode(phase, forKey: .phase)
        try container.encode(offset, forKey: .offset)
        try container.encode(atThreshold, forKey: .atThreshold)
        try container.encode(thresholds.lagThreshold, forKey: .lagThreshold)
        try container.encode(thresholds.polls, forKey: .polls)
        try container.encode(keyDifference.flatMap { $0.isFinite ? $0 : nil }, forKey: .keyDifference)
    }
}
