import Foundation

/// The fixed facts of one simulated migration task, drawn once from the seed: who, what, where, and
/// how its life will go (durations, outcome). Its state at a moment is computed by `Scenario`.
public struct ScenarioTask: Sendable, Hashable {
    /// Position in the scenario (initial tasks first, then the ones that appear later).
    public let index: Int
    /// `task_id`, UUID-shaped.
    public let id: String
    /// `task_name`; some in CJK or accented Latin.
    public let name: String
    /// `description`; nil for some tasks (the API sends `null`).
    public let description: String?
    /// `online_migration` or `backupfile_import`.
    public let migrationType: String
    /// `full_amount_migration` or `incremental_migration`.
    public let migrationMethod: String
    /// `data_source`: `ip:port` of the source, or a bucket name for imports.
    public let dataSource: String
    /// The source DCS instance, nil when the source is self-hosted or a backup file.
    public let sourceInstance: SimulatedInstance?
    /// The target DCS instance.
    public let targetInstance: SimulatedInstance
    /// Password of a self-hosted source (the real detail call returns it; dcswatch must never show it).
    public let sourcePassword: String
    /// Private IP of the migration ECS.
    public let ecsPrivateIP: String
    /// `vpc` or `vpn`.
    public let networkType: String
    /// `bandwidth_limit_mb`, nil when unlimited.
    public let bandwidthLimitMB: Int?
    /// `version` of the migration agent.
    public let version: String
    /// `auto` or `manual`.
    public let resumeMode: String
    /// Start on the simulated time line, seconds relative to the simulator's start (negative: the past).
    public let simulatedStart: Double
    /// Simulated seconds the full phase takes.
    public let fullDuration: Double
    /// Keys in the source at the start.
    public let sourceKeys: Int64
    /// When the task fails: fraction of the full phase reached, and the `error_message`.
    public let failure: (fraction: Double, message: String)?
    /// Simulated age at which someone stops the task, when they do.
    public let stopAge: Double?
    /// Typical incremental lag in bytes of replication offset.
    public let baseLag: Double
    /// Typical throughput of the full phase, kbit/s.
    public let baseKbps: Double
    /// Typical write rate of the source during incremental sync, ops/s.
    public let baseOps: Double
    /// How the lag behaves once replicating (issue 16); set by `Scenario` for three showcase tasks.
    public internal(set) var syncProfile = SyncProfile.wandering

    /// Simulated age at which the full copy ends: the full duration, plus the lost part of a
    /// restarted copy.
    public var fullEndAge: Double {
        guard syncProfile == .restarts else { return fullDuration }
        return fullDuration * (SyncProfile.restartFraction + 1 - SyncProfile.restartFrom)
    }

    /// The fraction of the full copy done at `age` (below `fullEndAge`): a restarted copy falls from
    /// `restartFraction` to `restartFrom` and goes on from there.
    public func fullProgress(atAge age: Double) -> Double {
        let restartAge = fullDuration * SyncProfile.restartFraction
        guard syncProfile == .restarts, age >= restartAge else { return min(max(age / fullDuration, 0), 1) }
        return min(SyncProfile.restartFrom + (age - restartAge) / fullDuration, 1)
    }

    /// Whether the task goes on with incremental sync after the full phase.
    public var isIncremental: Bool { migrationMethod == "incremental_migration" }

    /// Equality by index: a scenario never holds two tasks with the same index.
    public static func == (lhs: ScenarioTask, rhs: ScenarioTask) -> Bool {
        lhs.index == rhs.index && lhs.id == rhs.id
    }

    /// Hashes the index and id.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(index)
        hasher.combine(id)
    }
}
