import ArgumentParser
import DCSKit
import Foundation

/// The sync thresholds every command that judges "in sync" shares (`watch`, `wait`, `events`,
/// `show`; issue 16): flags over the config's `sync_lag_threshold` and `sync_polls`, over the defaults.
struct SyncOptions: ParsableArguments {
    @Option(
        name: .customLong("lag-threshold"),
        help: ArgumentHelp(
            "Highest offset (incremental lag) that counts as caught up (default: config, else 0; a busy source may need more).",
            valueName: "n"))
    var lagThreshold: Double?

    @Option(
        name: .customLong("polls"),
        help: ArgumentHelp(
            "Consecutive stats answers at or below the threshold before a task is in sync (default: config, else 3).",
            valueName: "n"))
    var polls: Int?

    /// Rejects a negative threshold or a count of polls out of range.
    func validate() throws {
        if let problem = SyncThresholds.problem(lagThreshold: lagThreshold, polls: polls) {
            throw ValidationError(problem)
        }
    }

    /// The thresholds in force: flags, then `config`, then the defaults.
    func thresholds(config: DCSWatchConfig) -> SyncThresholds {
        SyncThresholds(
            lagThreshold: lagThreshold ?? config.syncLagThreshold ?? SyncThresholds.defaultLagThreshold,
            polls: polls ?? config.syncPolls ?? SyncThresholds.defaultPolls)
    }
}

extension TaskWaiter.Goal: ExpressibleByArgument {}
