import Foundation

/// Capped exponential backoff for a failing target (issue 4: "back off, and recover by itself").
///
/// After `failures` consecutive failures the next attempt waits `interval × 2^(failures-1)`, at most
/// `cap`; the first failure therefore retries at the normal interval (a one-off blip costs nothing).
public struct RefreshBackoff: Sendable, Hashable {
    /// The longest wait between two attempts, in seconds.
    public var cap: TimeInterval

    /// Builds a policy with the given cap (default two minutes).
    public init(cap: TimeInterval = 120) {
        self.cap = cap
    }

    /// Seconds to wait before the next attempt after `failures` consecutive failures.
    public func delay(afterFailures failures: Int, interval: TimeInterval) -> TimeInterval {
        guard failures > 0 else { return interval }
        let exponent = min(failures - 1, 16)
        let raw = interval * Double(1 << exponent)
        return max(interval, min(raw, max(cap, interval)))
    }
}
