import Foundation

/// A thread-safe mailbox between the stats poller's queue and the UI thread, drained by the
/// dashboard loop right after the monitor's inbox (same wake, same thread: the UI never waits for a
/// stats, detail or logs call).
///
/// `@unchecked Sendable`: `pending` is only touched under `lock`.
public final class InsightInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [InsightEvent] = []
    private let wake: @Sendable () -> Void

    /// Builds an inbox; `wake` is called after each post.
    public init(wake: @escaping @Sendable () -> Void = {}) {
        self.wake = wake
    }

    /// Adds an event and wakes the reader.
    public func post(_ event: InsightEvent) {
        lock.withLock { pending.append(event) }
        wake()
    }

    /// Takes every pending event, oldest first.
    public func drain() -> [InsightEvent] {
        lock.withLock {
            let events = pending
            pending.removeAll(keepingCapacity: true)
            return events
        }
    }
}
