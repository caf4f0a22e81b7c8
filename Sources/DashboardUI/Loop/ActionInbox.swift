import DCSKit
import Foundation

/// A thread-safe mailbox between the write calls and the UI thread, drained by the dashboard loop
/// with the monitor's and the poller's.
///
/// `@unchecked Sendable`: `pending` is only touched under `lock`.
public final class ActionInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [ActionReport] = []
    private let wake: @Sendable () -> Void

    /// Builds an inbox; `wake` is called after each post.
    public init(wake: @escaping @Sendable () -> Void = {}) {
        self.wake = wake
    }

    /// Adds a report and wakes the reader.
    public func post(_ report: ActionReport) {
        lock.withLock { pending.append(report) }
        wake()
    }

    /// Takes every pending report, oldest first.
    public func drain() -> [ActionReport] {
        lock.withLock {
            let reports = pending
            pending.removeAll(keepingCapacity: true)
            return reports
        }
    }
}
