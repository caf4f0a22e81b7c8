import DCSKit
import DashboardUI
import Foundation

/// A `TaskRefreshing` for tests: records every call, in order, instead of fetching.
///
/// `@unchecked Sendable`: `recorded` is guarded by `lock`.
public final class RecordingMonitor: TaskRefreshing, @unchecked Sendable {
    /// One call the dashboard made.
    public enum Call: Sendable, Hashable {
        /// `refreshNow()`.
        case refreshNow
        /// `setPaused(_:)`.
        case setPaused(Bool)
        /// `setInterval(_:)`.
        case setInterval(TimeInterval)
    }

    private let lock = NSLock()
    private var recorded: [Call] = []

    /// A monitor that has been asked nothing yet.
    public init() {}

    /// Every call so far, oldest first.
    public var calls: [Call] { lock.withLock { recorded } }

    /// Records `.refreshNow`.
    public func refreshNow() { record(.refreshNow) }

    /// Records `.setPaused`.
    public func setPaused(_ paused: Bool) { record(.setPaused(paused)) }

    /// Records `.setInterval`.
    public func setInterval(_ seconds: TimeInterval) { record(.setInterval(seconds)) }

    private func record(_ call: Call) {
        lock.withLock { recorded.append(call) }
    }
}
