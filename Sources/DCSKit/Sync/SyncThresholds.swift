import Foundation

/// When an online task counts as in sync (issue 16): its incremental lag (`offset`) at or below
/// `lagThreshold` for `polls` consecutive stats answers. Config keys `sync_lag_threshold` and
/// `sync_polls`, flags `--lag-threshold` and `--polls`.
///
/// `offset` is what the API calls the incremental lag, 0 meaning caught up (dcs-api-notes.md): the
/// replication backlog the target has not applied yet. A source that takes writes all the time may
/// never answer exactly 0 between two polls, so a busy source may need a threshold above 0.
public struct SyncThresholds: Sendable, Hashable {
    /// The default lag threshold: caught up means `offset` 0.
    public static let defaultLagThreshold: Double = 0
    /// The default number of consecutive answers: one answer at 0 may be a lull between two bursts.
    public static let defaultPolls = 3
    /// The largest `sync_polls` accepted.
    public static let maximumPolls = 100

    /// The highest `offset` that counts as caught up.
    public var lagThreshold: Double
    /// Consecutive answers at or below the threshold needed before "in sync".
    public var polls: Int

    /// Builds thresholds; a negative or non-finite threshold becomes 0, polls are kept in 1…100.
    public init(lagThreshold: Double = defaultLagThreshold, polls: Int = defaultPolls) {
        self.lagThreshold = lagThreshold.isFinite ? max(lagThreshold, 0) : 0
        self.polls = min(max(polls, 1), Self.maximumPolls)
    }

    /// The checks of `--lag-threshold` and `--polls`: nil when valid, else what to write instead.
    public static func problem(lagThreshold: Double?, polls: Int?) -> String? {
        if let lagThreshold, !(lagThreshold.isFinite && lagThreshold >= 0) {
            return "--lag-threshold must be a number of at least 0 (the highest offset that counts as caught up)"
        }
        if let polls, !(1...maximumPolls).contains(polls) {
            return "--polls must be between 1 and \(maximumPolls)"
        }
        return nil
    }

    /// "threshold 0, 3 polls", for the detail pane and `show`.
    public var summary: String {
        "threshold " + CompactNumber.format(lagThreshold) + ", \(polls) poll" + (polls == 1 ? "" : "s")
    }
}
