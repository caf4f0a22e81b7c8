import DCSKit
import Dispatch
import Foundation

/// A `RefreshTicker` that fires only when a test calls `fire()`: no sleeps, no timing flakiness.
///
/// `@unchecked Sendable`: the registered handler and queue are guarded by `lock`.
public final class ManualTicker: RefreshTicker, @unchecked Sendable {
    private let lock = NSLock()
    private var queue: DispatchQueue?
    private var handler: (@Sendable () -> Void)?
    private var currentInterval: TimeInterval?
    private var isStopped = false

    /// Builds an idle ticker.
    public init() {}

    /// Records the handler; nothing fires until `fire()`.
    public func start(interval: TimeInterval, queue: DispatchQueue, handler: @escaping @Sendable () -> Void) {
        lock.withLock {
            self.queue = queue
            self.handler = handler
            self.currentInterval = interval
        }
    }

    /// Records the new interval.
    public func setInterval(_ interval: TimeInterval) {
        lock.withLock { currentInterval = interval }
    }

    /// Forgets the handler.
    public func stop() {
        lock.withLock {
            isStopped = true
            handler = nil
        }
    }

    /// Runs one tick on the registered queue and returns when the handler has run.
    public func fire() {
        let registered = lock.withLock { (queue, handler) }
        guard let queue = registered.0, let handler = registered.1 else { return }
        queue.sync(execute: handler)
    }

    /// The interval last set, or nil before `start`.
    public var interval: TimeInterval? { lock.withLock { currentInterval } }

    /// True after `stop()`.
    public var stopped: Bool { lock.withLock { isStopped } }
}
