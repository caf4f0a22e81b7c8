import Foundation

/// The logic of `dcswatch wait` without I/O or clocks: fed every snapshot, it finds the tasks (by id,
/// else by exact name), reports one line per status change, and says when waiting is over.
///
/// Verdicts (issue 5): every task succeeded → exit 0; one failed, was stopped or vanished → 1 at
/// once; a task that matches nothing once every target has answered → 2. A task that is stopping
/// (`TERMINATING`) is still waited for: it ends as `TERMINATED` a moment later.
public struct TaskWaiter: Sendable {
    /// Where waiting stands.
    public enum Verdict: Sendable, Hashable {
        /// Keep waiting.
        case waiting
        /// Every task succeeded.
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
    private var resolved: [String: TaskKey] = [:]
    private var lastStatus: [TaskKey: TaskStatus] = [:]

    /// Builds a waiter for task ids or names.
    public init(specs: [String]) {
        self.specs = specs
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
            switch status.category {
            case .failed, .stopped:
                return (lines, .failed(key))
            case .succeeded:
                break
            default:
                if verdict == .allSucceeded { verdict = .waiting }
            }
        }
        return (lines, verdict)
    }
}
