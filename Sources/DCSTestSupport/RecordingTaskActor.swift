import DCSKit
import DashboardUI
import Foundation

/// A `TaskActing` for tests: records every write the dashboard asked for, in order, and answers each
/// with the outcome a test chose (success by default) through the given inbox, as the live one does.
///
/// `@unchecked Sendable`: `recorded` and `outcome` are guarded by `lock`.
public final class RecordingTaskActor: TaskActing, @unchecked Sendable {
    /// One write the dashboard asked for.
    public struct Call: Sendable, Hashable {
        /// The action.
        public var action: TaskAction
        /// The tasks' keys, in the order given.
        public var keys: [TaskKey]

        /// Builds a call.
        public init(action: TaskAction, keys: [TaskKey]) {
            self.action = action
            self.keys = keys
        }
    }

    private let lock = NSLock()
    private var recorded: [Call] = []
    private let inbox: ActionInbox?
    private var answer: TaskActionResult.Outcome = .succeeded

    /// An actor that posts its reports to `inbox` (none: it only records).
    public init(inbox: ActionInbox? = nil) {
        self.inbox = inbox
    }

    /// Every write so far, oldest first.
    public var calls: [Call] { lock.withLock { recorded } }

    /// Makes every later write end with `outcome` for each task.
    public func answer(with outcome: TaskActionResult.Outcome) {
        lock.withLock { answer = outcome }
    }

    /// Records the write and posts its report at once.
    public func perform(_ action: TaskAction, on tasks: [WatchedTask]) {
        let outcome = lock.withLock { () -> TaskActionResult.Outcome in
            recorded.append(Call(action: action, keys: tasks.map(\.id)))
            return answer
        }
        let entries = tasks.map {
            ActionReport.Entry(
                target: $0.target, taskName: $0.task.name,
                result: TaskActionResult(action: action, taskID: $0.task.taskID, outcome: outcome, requestID: "req-fake"))
        }
        inbox?.post(ActionReport(action: action, entries: entries))
    }
}
