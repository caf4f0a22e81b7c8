import Foundation

/// The numbers of the stats call for one task at one moment.
public struct TaskStatistics: Sendable, Hashable {
    /// `full_migration_progress` in percent, 0…100.
    public let progressPercent: Double
    /// `offset`: incremental replication lag, 0 when caught up or not incremental.
    public let lag: Int64
    /// `source_dbsize`: keys in the source.
    public let sourceKeys: Int64
    /// `target_dbsize`: keys in the target.
    public let targetKeys: Int64
    /// `target_input_kbps`.
    public let inputKbps: Double
    /// `target_ops`.
    public let operationsPerSecond: Int64
    /// `is_migrating`.
    public let isMigrating: Bool
}

extension TaskSnapshot {
    /// The stats of this moment. Noise is drawn per 10-simulated-second step from (seed, task, step), so
    /// asking twice at the same time gives the same numbers, and the lag fluctuates as time moves.
    public func statistics(seed: UInt64) -> TaskStatistics {
        let step = Int64((age / 10).rounded(.down))
        let stream = UInt64(task.index) &+ 10_000
        let noise = SeededGenerator.noise(seed: seed, stream: stream, step: step)
        let spike = SeededGenerator.noise(seed: seed, stream: stream &+ 77_777, step: step / 6)
        let keys = task.sourceKeys
        let reached = min(1, max(0, (task.stopAge ?? age) / task.fullDuration))
        switch phase {
        case .fullMigration(let progress):
            return TaskStatistics(
                progressPercent: (progress * 10_000).rounded() / 100, lag: 0, sourceKeys: keys,
                targetKeys: Int64(Double(keys) * progress), inputKbps: (task.baseKbps * (0.7 + 0.6 * noise)).rounded(),
                operationsPerSecond: Int64(task.baseOps * 3 * (0.7 + 0.6 * noise)), isMigrating: true)
        case .incrementalSync:
            // The source keeps taking writes; the lag wanders and now and then spikes (a burst of writes),
            // or follows the task's showcase profile (issue 16).
            let source = keys + Int64(Double(keys) * 0.002 * noise)
            let lag = task.syncProfile.lag(base: task.baseLag, since: age - task.fullEndAge, noise: noise, spike: spike)
            let ops = Int64(task.baseOps * (0.5 + noise))
            return TaskStatistics(
                progressPercent: 100, lag: lag, sourceKeys: source, targetKeys: max(0, source - lag / 500),
                inputKbps: (Double(ops) * 0.8).rounded(), operationsPerSecond: ops, isMigrating: true)
        case .succeeded:
            return TaskStatistics(
                progressPercent: 100, lag: 0, sourceKeys: keys, targetKeys: keys, inputKbps: 0, operationsPerSecond: 0,
                isMigrating: false)
        case .failed:
            let fraction = task.failure?.fraction ?? 0
            return TaskStatistics(
                progressPercent: (fraction * 10_000).rounded() / 100, lag: 0, sourceKeys: keys,
                targetKeys: Int64(Double(keys) * fraction), inputKbps: 0, operationsPerSecond: 0, isMigrating: false)
        case .terminating, .terminated:
            return TaskStatistics(
                progressPercent: (reached * 10_000).rounded() / 100,
                lag: task.isIncremental && reached >= 1 ? Int64(task.baseLag) : 0,
                sourceKeys: keys, targetKeys: Int64(Double(keys) * reached), inputKbps: 0, operationsPerSecond: 0,
                isMigrating: false)
        }
    }
}
