import Dispatch
import Foundation

/// The live ticker: a `DispatchSourceTimer` on the monitor's own serial queue, so the handler runs
/// there without any extra hop (STYLE.md, threading).
///
/// `@unchecked Sendable`: the timer is created, rescheduled and cancelled under `lock`; the
/// DispatchSource itself is thread-safe.
public final class DispatchRefreshTicker: RefreshTicker, @unchecked Sendable {
    private let lock = NSLock()
    private var timer: DispatchSourceTimer?
    /// Allowed lateness, so the kernel can coalesce wake-ups (idle costs almost nothing).
    private let leeway: DispatchTimeInterval

    /// Builds a ticker; `leeway` lets the system batch wake-ups.
    public init(leeway: DispatchTimeInterval = .milliseconds(100)) {
        self.leeway = leeway
    }

    /// Starts the timer on `queue`.
    public func start(interval: TimeInterval, queue: DispatchQueue, handler: @escaping @Sendable () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        timer?.cancel()
        let source = DispatchSource.makeTimerSource(queue: queue)
        source.setEventHandler(handler: handler)
        source.schedule(deadline: .now() + interval, repeating: interval, leeway: leeway)
        source.resume()
        timer = source
    }

    /// Reschedules the running timer.
    public func setInterval(_ interval: TimeInterval) {
        lock.lock()
        defer { lock.unlock() }
        timer?.schedule(deadline: .now() + interval, repeating: interval, leeway: leeway)
    }

    /// Cancels the timer.
    public func stop() {
        lock.lock()
        defer { lock.unlock() }
        timer?.cancel()
        timer = nil
    }

    deinit {
        timer?.cancel()
    }
}
