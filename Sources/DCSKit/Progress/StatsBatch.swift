import Foundation

/// The stats of many tasks once, at most `maxInFlight` calls at a time: the one-shot form of the
/// poller's work, for `list --output prometheus` (issue 18). Only the tasks the poller would poll
/// (`StatsPoller.isPollable`: running online migrations) are asked for.
public enum StatsBatch {
    /// What one task's call gave.
    public typealias Outcome = Result<TaskStats, any Error>

    /// Calls `/stats` of every pollable task of `tasks` through its target's source, at most
    /// `maxInFlight` at once; the outcomes by task. Tasks of a target without a source are skipped.
    ///
    /// `maxInFlight` workers take the next task from one shared queue until it is empty, and hand
    /// their outcomes back when done. Not a group that adds a child after each `next()`: that shape
    /// crashed in -O builds with Swift 6.3.1 (a bad pointer in the runtime's copy of the child's
    /// result, every run), as `ListCommand.fetchAll`'s assignment inside `for await` trapped.
    public static func fetch(
        _ tasks: [WatchedTask], sources: [String: any TaskInsightSource], maxInFlight: Int = StatsPoller.defaultMaxInFlight
    ) async -> [TaskKey: Outcome] {
        let queue = SharedQueue(tasks.filter { StatsPoller.isPollable($0) && sources[$0.target] != nil })
        let workers = min(max(maxInFlight, 1), queue.count)
        let collected = await withTaskGroup(of: [(TaskKey, Outcome)].self) { group in
            for _ in 0..<workers {
                group.addTask {
                    var done: [(TaskKey, Outcome)] = []
                    while let task = queue.next(), let source = sources[task.target] {
                        do {
                            done.append((task.id, .success(try await source.stats(taskID: task.task.taskID))))
                        } catch {
                            done.append((task.id, .failure(error)))
                        }
                    }
                    return done
                }
            }
            var all: [(TaskKey, Outcome)] = []
            for await done in group { all.append(contentsOf: done) }
            return all
        }
        return Dictionary(collected, uniquingKeysWith: { first, _ in first })
    }
}

/// The tasks still to ask for, taken one at a time by the workers.
///
/// `@unchecked Sendable`: `pending` is touched only under `lock`.
private final class SharedQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: ArraySlice<WatchedTask>

    /// How many tasks there were at the start.
    let count: Int

    /// A queue of `tasks`, in order.
    init(_ tasks: [WatchedTask]) {
        pending = tasks[...]
        count = tasks.count
    }

    /// The next task, or nil when none is left.
    func next() -> WatchedTask? {
        lock.withLock { pending.popFirst() }
    }
}
