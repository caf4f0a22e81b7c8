import ArgumentParser
import DCSKit
import Foundation

/// Finds tasks by id or exact name across the targets, as `show` and the write commands take them:
/// an id wins over a name; a name on several tasks is ambiguous. Problems go to stderr as one line
/// each; an unknown or ambiguous task exits 2 (a usage problem), a target whose listing failed 1.
enum TaskLookup {
    /// One task found, with the client of its target.
    struct Match {
        /// The client of the task's target.
        let client: DCSClient
        /// The task as listed.
        let watched: WatchedTask
    }

    /// Lists every client's tasks once and finds each of `wanted`, in the order given (a task named
    /// twice is kept once). `unknownExit` is the exit code of a task that is not found.
    static func find(_ wanted: [String], in clients: [DCSClient], unknownExit: Int32 = 2) async throws -> [Match] {
        var listed: [(DCSClient, [MigrationTask])] = []
        var failures = 0
        for client in clients {
            do {
                listed.append((client, try await client.listAllTasks().tasks))
            } catch {
                failures += 1
                printError("dcswatch: \(SafeText.line(client.target.name, limit: 60)): " + error.oneLineMessage)
            }
        }
        var found: [Match] = []
        for text in wanted {
            func matches(_ keep: (MigrationTask) -> Bool) -> [Match] {
                listed.flatMap { client, tasks in
                    tasks.filter(keep).map { Match(client: client, watched: WatchedTask(target: client.target.name, task: $0)) }
                }
            }
            let byID = matches { $0.taskID == text }
            let all = byID.isEmpty ? matches { $0.name == text } : byID
            guard let first = all.first else {
                printError(
                    "dcswatch: no task has the id or name \(SafeText.line(text, limit: 80))"
                        + (failures > 0 ? " (some targets failed)" : ""))
                throw ExitCode(failures > 0 ? 1 : unknownExit)
            }
            guard all.count == 1 else {
                let ids = all.map {
                    "\(SafeText.line($0.watched.target, limit: 60))/\(SafeText.line($0.watched.task.taskID, limit: 80))"
                }
                printError(
                    "dcswatch: \(all.count) tasks match \(SafeText.line(text, limit: 80)): \(ids.joined(separator: ", ")); give the id, or --target"
                )
                throw ExitCode(2)
            }
            let key = first.watched.task.taskID
            if !found.contains(where: { $0.watched.task.taskID == key && $0.watched.target == first.watched.target }) {
                found.append(first)
            }
        }
        return found
    }
}
