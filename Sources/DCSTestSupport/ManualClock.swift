import Foundation

/// A clock that moves only when a test advances it; pass `clock.now` where a `now` closure is taken.
///
/// `@unchecked Sendable`: `current` is guarded by `lock`.
public final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    /// Starts at `start` (default 2026-01-01T00:00:00Z).
    public init(start: Date = Date(timeIntervalSince1970: 1_767_225_600)) {
        current = start
    }

    /// The current instant.
    public var date: Date { lock.withLock { current } }

    /// A closure reading this clock.
    public var now: @Sendable () -> Date { { [self] in date } }

    /// Moves the clock forward.
    public func advance(by seconds: TimeInterval) {
        lock.withLock { current = current.addingTimeInterval(seconds) }
    }
}
