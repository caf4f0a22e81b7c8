import DCSKit
import DashboardUI
import Foundation

/// An `InsightPolling` for tests: records every call, in order, by task key, instead of fetching.
///
/// `@unchecked Sendable`: `recorded` is guarded by `lock`.
public final class RecordingInsightPoller: InsightPolling, @unchecked Sendable {
    /// One call the dashboard made.
    public enum Call: Sendable, Hashable {
        /// `setTasks(_:)`, with the tasks' keys.
        case setTasks([TaskKey])
        /// `setPaused(_:)`.
        case setPaused(Bool)
        /// `pollNow()`.
        case pollNow
        /// `requestDetail(_:)`.
        case requestDetail(TaskKey)
        /// `requestLogs(_:)`.
        case requestLogs(TaskKey)
        /// `prefetch(_:logs:)`.
        case prefetch(TaskKey, logs: Bool)
    }

    private let lock = NSLock()
    private var recorded: [Call] = []

    /// A poller that has been asked nothing yet.
    public init() {}

    /// Every call so far, oldest first.
    public var calls: [Call] { lock.withLock { recorded } }

    /// Records `.setTasks`.
    public func setTasks(_ tasks: [WatchedTask]) { record(.setTasks(tasks.map(\.id))) }

    /// Records `.setPaused`.
    public func setPaused(_ paused: Bool) { record(.setPaused(paused)) }

    /// Records `.pollNow`.
    public func pollNow() { record(.pollNow) }

    /// Records `.requestDetail`.
    public func requestDetail(_ task: WatchedTask) { record(.requestDetail(task.id)) }

    /// Records `.requestLogs`.
    public func requestLogs(_ task: WatchedTask) { record(.requestLogs(task.id)) }

    /// Records `.prefetch`.
    public func prefetch(_ task: WatchedTask, logs: Bool) { record(.prefetch(task.id, logs: logs)) }

    private func record(_ call: Call) {
        lock.withLock { recorded.append(call) }
    }
}
