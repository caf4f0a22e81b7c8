import Foundation

/// The logic of `dcswatch wait` without I/O or clocks: fed every snapshot and every stats answer, it
/// finds the tasks (by id, else by exact name), reports one line per status change and sync change,
/// and says when waiting is over.
///
/// Verdicts (issue 5): every task succeeded → exit 0; one failed, was stopped or vanished → 1 at
/// once; a task that matches nothing once every target has answered → 2. A task that is stopping
/// (`TERMINATING`) is still waited for: it ends as `TERMINATED` a moment later. With the goal
/// `.inSync` (issue 16) a running task counts once its `SyncTracker` says in sync (a full-only task
/// once it succeeded), and a stats answer can end the wait too.
public struct TaskWaiter: Sendable {
    /// What the tasks must reach.
    public enum Goal: String, Sendable, Hashable, CaseIterable {
        /// Finished successfully (`SUCCESS`).
        case done
        /// In sync (or succeeded, for a full-only task).
        case inSync = "in-sync"
    }

    /// Where waiting stands.
    public enum Verdict: Sendable, Hashable {
        /// Keep waiting.
        case waiting
        /// Every task reached the goal: succeeded (or, for `.inSync`, is in sync).
        case allSucceeded
        /// This task failed, was stopped or vanished.
        case failed(TaskKey)
        /// These arguments name no task, or several tasks; with the reason.
        case unresolved(String)

        /// The process exit status (3, the timeout, is decided by the caller).
        public var exitStatus: Int32? {
            switch self {
            case .waiting: return nil
            case .allSucceeded: return 0
            case .failed: return 1
            case .unresolved: return 2
            }
        }
    }

    /// The arguments as given.
    public let specs: [String]
    /// What the tasks must reach.
    public let goal: Goal
    /// The sync thresholds of the trackers.
    public let thresholds: SyncThresholds
    private var resolved: [String: TaskKey] = [:]
    var lastStatus: [TaskKey: TaskStatus] = [:]
    /// The tasks as last listed, for the stats answers.
    var lastTask: [TaskKey: WatchedTask] = [:]
    /// The sync state of each task whose stats arrived.
    var trackers: [TaskKey: SyncTracker] = [:]

    /// Builds a waiter for task ids or names.
    public init(specs: [String], goal: Goal = .done, thresholds: SyncThresholds = SyncThresholds()) {
        self.specs = specs
        self.goal = goal
        self.thresholds = thresholds
    }

    /// The tasks whose stats are worth polling now: the resolved ones that are running online
    /// migrations (`StatsPoller.isPollable`).
    public var pollableTasks: [WatchedTask] {
        specs.compactMap { resolved[$0].flatMap { lastTask[$0] } }.filter(StatsPoller.isPollable)
    }

    /// The tasks found so far, by argument.
    public var resolvedKeys: [String: TaskKey] { resolved }

    /// Takes a new snapshot; returns the lines to print (sanitised) and the verdict.
    public mutating func observe(_ snapshot: TaskSnapshot, at time: Date) -> (lines: [String], verdict: Verdict) {
        let everyone = snapshot.watchedTasks
        let allAnswered = snapshot.targets.allSatisfy { $0.fetchedAt != nil }
        for spec in specs where resolved[spec] == nil {
            let byID = everyone.filter { $0.task.taskID == spec }
            let matches = byID.isEmpty ? everyone.filter { $0.task.name == spec } : byID
            if matches.count == 1 {
                resolved[spec] = matches[0].id
            } else if matches.count > 1 {
                return ([], .unresolved("\(SafeText.line(spec, limit: 80)) matches \(matches.count) tasks; give the task id"))
            } else if allAnswered {
                return ([], .unresolved("no task has the id or name \(SafeText.line(spec, limit: 80))"))
            }
        }
        var lines: [String] = []
        var verdict: Verdict = resolved.count == specs.count ? .allSucceeded : .waiting
        let byKey = Dictionary(everyone.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for spec in specs {
            guard let key = resolved[spec] else { continue }
            let fetched = snapshot.targets.first { $0.name == key.target }?.fetchedAt != nil
            guard let watched = byKey[key] else {
                // Only a fresh listing without the task means it vanished (a failing target keeps its tasks).
                if fetched, lastStatus[key] != nil {
                    lines.append(
                        TaskEvent(time: time, key: key, name: "", kind: .removed(lastStatus[key] ?? TaskStatus(raw: "")))
                            .textLine())
                    lastStatus[key] = nil
                    return (lines, .failed(key))
                }
                if verdict == .allSucceeded { verdict = .waiting }
                continue
            }
            let status = watched.task.status
            if let previous = lastStatus[key] {
                if previous != status {
                    lines.append(
                        TaskEvent(
                            time: time, key: key, name: watched.task.name, kind: .statusChanged(from: previous, to: status),
                            errorMessage: watched.task.errorMessage
                        ).textLine())
                }
            } else {
                lines.append(
                    TaskEvent(
                        time: time, key: key, name: watched.task.name, kind: .added(status),
                        errorMessage: watched.task.errorMessage
                    )
                    .textLine(markNew: false))
            }
            lastStatus[key] = status
            lastTask[key] = watched
            switch status.category {
            case .failed, .stopped:
                return (lines, .failed(key))
            default:
                if !reachedGoal(key), verdict == .allSucceeded { verdict = .waiting }
            }
        }
        return (lines, verdict)
    }

    /// True when the task succeeded, or, for the goal `.inSync`, is running and in sync.
    func reachedGoal(_ key: TaskKey) -> Bool {
        guard let status = lastStatus[key] else { return false }
        if status.category == .succeeded { return true }
        return goal == .inSync && status.category == .running && trackers[key]?.isInSync == true
    }
}

extension TaskWaiter {
    /// Takes a stats answer or failure of a watched task: feeds its tracker and returns the lines of
    /// a sync change (sanitised) and the verdict, which with the goal `.inSync` may end the wait.
    public mutating func observe(_ insight: InsightEvent) -> (lines: [String], verdict: Verdict) {
        let key = insight.key
        guard let watched = lastTask[key] else { return ([], .waiting) }
        guard insight.isStats else { return ([], .waiting) }
        var tracker = trackers[key] ?? SyncTracker(thresholds: thresholds)
        let lines = tracker.record(insight, for: watched).map { [$0.textLine()] } ?? []
        trackers[key] = tracker
        let everyone = specs.count == resolvedKeys.count && resolvedKeys.values.allSatisfy(reachedGoal)
        return (lines, everyone ? .allSucceeded : .waiting)
    }
}
