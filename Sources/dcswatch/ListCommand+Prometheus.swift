import DCSKit
import DCSMetrics
import Foundation

extension ListCommand {
    /// `--output prometheus`: the families of `serve` from this one listing (issue 18). A target that
    /// failed is `dcswatch_target_up 0` with no tasks; the running online tasks among `shown` get one
    /// stats call each (at most four at once), and a failed call is a warning on stderr and no stats
    /// series for that task. The request metrics count this run's calls.
    static func prometheus(
        _ shown: [WatchedTask], clients: [DCSClient], results: [Result<TaskCollection, Error>], fetchedAt: Date,
        metrics: MigrationMetrics
    ) async -> [UInt8] {
        let byTarget = Dictionary(grouping: shown, by: \.target)
        let targets = zip(clients, results).map { client, result in
            let name = client.target.name
            switch result {
            case .success:
                return TargetSnapshot(name: name, tasks: byTarget[name]?.map(\.task) ?? [], fetchedAt: fetchedAt)
            case .failure(let error):
                let failure = TargetFailure(
                    message: error.oneLineMessage, since: fetchedAt, consecutiveFailures: 1, nextAttemptAt: fetchedAt)
                return TargetSnapshot(name: name, failure: failure)
            }
        }
        metrics.update(TaskSnapshot(targets: targets))
        var sources: [String: any TaskInsightSource] = [:]
        for client in clients where sources[client.target.name] == nil { sources[client.target.name] = client }
        let outcomes = await StatsBatch.fetch(shown, sources: sources)
        for (key, outcome) in outcomes.sorted(by: { ($0.key.target, $0.key.taskID) < ($1.key.target, $1.key.taskID) }) {
            switch outcome {
            case .success(let stats):
                metrics.record(stats, for: key)
            case .failure(let error):
                printError(
                    "dcswatch: warning: \(SafeText.line(key.target, limit: 60)): no stats for task "
                        + "\(SafeText.line(key.taskID, limit: 64)): \(error.oneLineMessage)")
            }
        }
        return metrics.exposition()
    }
}
