import Foundation

/// A thread-safe mailbox between a background queue and the UI thread: other threads post, the UI
/// thread drains when it wakes (STYLE.md threading: one thread owns the UI state). One type for the
/// monitor's events, the stats poller's answers and the writes' reports.
///
/// `@unchecked Sendable`: `pending` is only touched under `lock`.
public final class Mailbox<Message: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [Message] = []
    private let wake: @Sendable () -> Void

    /// Builds a mailbox; `wake` is called after each post (e.g. writes a byte to a self-pipe).
    public init(wake: @escaping @Sendable () -> Void = {}) {
        self.wake = wake
    }

    /// Adds a message and wakes the reader.
    public func post(_ message: Message) {
        lock.withLock { pending.append(message) }
        wake()
    }

    /// Takes every pending message, oldest first.
    public func drain() -> [Message] {
        lock.withLock {
            let messages = pending
            pending.removeAll(keepingCapacity: true)
            return messages
        }
    }
}

/// The monitor's events, drained by the dashboard loop.
public typealias MonitorInbox = Mailbox<MonitorEvent>
/// The stats poller's answers (stats, detail, logs), drained right after the monitor's.
public typealias InsightInbox = Mailbox<InsightEvent>
/// The reports of the dashboard's writes (issue 17).
public typealias ActionInbox = Mailbox<ActionReport>
