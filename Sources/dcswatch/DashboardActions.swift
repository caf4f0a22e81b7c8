import DCSKit
import DashboardUI
import Foundation
import Logging

/// The dashboard's write side (issue 17): sends one confirmed action through the targets'
/// `DCSClient` write methods on a task of its own (never the UI thread), writes the audit records as
/// the commands do (`ActionFlow.audit`), and posts the report for the loop. Only built with writes
/// on; a target that is `read_only` has no client here, so nothing can be sent to it.
final class DashboardActions: TaskActing {
    private let clients: [String: DCSClient]
    private let inbox: ActionInbox
    private let logger: Logger

    /// Writes through `clients` (by target name), reporting to `inbox` and auditing to `logger`.
    init(clients: [String: DCSClient], inbox: ActionInbox, logger: Logger) {
        self.clients = clients
        self.inbox = inbox
        self.logger = logger
    }

    /// Starts the calls and returns at once; the report arrives in the inbox.
    func perform(_ action: TaskAction, on tasks: [WatchedTask]) {
        let (clients, inbox, logger) = (self.clients, self.inbox, self.logger)
        Task.detached {
            let report = await Self.send(action, tasks: tasks, clients: clients)
            ActionFlow.audit(report, to: logger)
            inbox.post(report)
        }
    }

    /// Sends per target in the order the tasks were given: one batch call for stop, restart and
    /// delete, one call per task for the IP calls. A failure is a task's result, never a retry.
    static func send(_ action: TaskAction, tasks: [WatchedTask], clients: [String: DCSClient]) async -> ActionReport {
        var entries: [ActionReport.Entry] = []
        var targets: [String] = []
        for task in tasks where !targets.contains(task.target) { targets.append(task.target) }
        for target in targets {
            let group = tasks.filter { $0.target == target }
            let ids = group.map(\.task.taskID)
            var results: [TaskActionResult]
            if let client = clients[target] {
                do {
                    results = try await client.perform(action, taskIDs: ids)
                } catch {
                    results = ids.map {
                        TaskActionResult(action: action, taskID: $0, outcome: .failed(code: nil, message: "not sent: \(error)"))
                    }
                }
            } else {
                results = ids.map {
                    TaskActionResult(
                        action: action, taskID: $0,
                        outcome: .failed(code: nil, message: "not sent: writes are off for this target"))
                }
            }
            entries += zip(group, results).map { ActionReport.Entry(target: target, taskName: $0.task.name, result: $1) }
        }
        return ActionReport(action: action, entries: entries)
    }
}
