import Dispatch
import Foundation

/// Something that calls a handler periodically on a given queue: the seam between the monitor and
/// time. Live: `DispatchRefreshTicker`; tests: `ManualTicker` (DCSTestSupport), fired by hand.
public protocol RefreshTicker: AnyObject, Sendable {
    /// Starts calling `handler` on `queue` every `interval` seconds (first call after one interval).
    func start(interval: TimeInterval, queue: DispatchQueue, handler: @escaping @Sendable () -> Void)
    /// Changes the period; the next call comes one new interval from now.
    func setInterval(_ interval: TimeInterval)
    /// Stops for good; no call happens after this returns.
    func stop()
}
