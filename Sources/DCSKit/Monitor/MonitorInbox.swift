import Foundation

/// A thread-safe mailbox between the monitor's queue and the UI thread: the monitor posts, the UI
/// thread drains when it wakes (STYLE.md threading: one thread owns the UI state).
///
/// `@unchecked Sendable`: `pending` is only touched under `lock`.
public final class MonitorInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [MonitorEvent] = []
    private let wake: @Sendable () -> Void

    /// Builds an inbox; `wake` is called after each post (e.g. writes a byte to a self-pipe).
    public init(wake: @escaping @Sendable () -> Void = {}) {
        self.wake = wake
    }

    /// Adds an event and wakes the reader.
    public func post(_ event: MonitorEvent) {
        lock.lock()
        pending.append(event)
        lock.unlock()
        wake()
    }

    /// Takes every pending event, oldest first.
    public func drain() -> [MonitorEvent] {
        lock.lock()
        defer { lock.unlock() }
        let events = pending
        pending.removeAll(keepingCapacity: true)
        return events
    }
}
