import Foundation

/// The stats of many tasks once, at most `maxInFlight` calls at a time: the one-shot form of the
/// poller's work, for `list --output prometheus` (issue 18). Only the tasks the poller would poll
/// (`StatsPoller.isPollable`: running online migrations) are asked for.
public enum StatsBatch {
    /// What one task's call gave.
    public typealias Outcome = Result<TaskStats, any Error>

    /// Calls `/stats` of every pollable task of `tasks` through its target's source, at most
    /// `maxInFlight` at once; the outcomes by task. Tasks of a target without a source are skipped.
    public static func fetch(
        _ tasks: [WatchedTask], sources: [String: any TaskInsightSource], maxInFlight: Int = StatsPoller.defaultMaxInFlight
    ) async -> [TaskKey: Outcome] {
        var queue = tasks.filter { StatsPoller.isPollable($0) && sources[$0.target] != nil }[...]
        return await withTaskGroup(of: (TaskKey, Outcome).self) { group in
            var outcomes: [TaskKey: Outcome] = [:]
            var running = 0
            while true {
                while running < max(maxInFlight, 1), let task = queue.popFirst() {
                    guard let source = sources[task.target] else { continue }
                    running += 1
                    group.addTask {
                        do {
                            return (task.id, .success(try await source.stats(taskID: task.task.taskID)))
                        } catch {
                            return (task.id, .failure(error))
                        }
                    }
                }
                guard let (key, outcome) = await group.next() else { return outcomes }
                running -= 1
                outcomes[key] = outcome
            }
        }
    }
}
