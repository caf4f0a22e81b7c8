import Foundation

/// A clock that advances by `step` seconds on every reading, so consecutive signatures differ
/// (`ManualClock` is the one that moves only when a test advances it).
/// `@unchecked Sendable`: the counter is guarded by the lock.
public final class SteppingClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    private let step: TimeInterval

    /// Starts at `start`, advancing `step` seconds per reading.
    public init(start: Date = Date(timeIntervalSince1970: 1_764_000_000), step: TimeInterval = 1) {
        self.current = start
        self.step = step
    }

    /// The next reading.
    public func now() -> Date {
        lock.lock()
        defer { lock.unlock() }
        let value = current
        current = current.addingTimeInterval(step)
        return value
    }

    /// Moves the clock without reading it.
    public func advance(by seconds: TimeInterval) {
        lock.lock()
        current = current.addingTimeInterval(seconds)
        lock.unlock()
    }
}

/// Records the delays a client or the simulator asks to sleep, and returns at once (tests never wait).
/// `@unchecked Sendable`: the array is guarded by the lock.
public final class SleepRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Double] = []

    /// Builds an empty recorder.
    public init() {}

    /// Every delay asked for, in order.
    public var delays: [Double] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    /// Records one delay (for a synchronous sleep hook such as the simulator's).
    public func record(_ seconds: Double) {
        lock.lock()
        recorded.append(seconds)
        lock.unlock()
    }

    /// The sleep function to inject into `ClientOptions.retrySleep`.
    public var sleep: @Sendable (Double) async throws -> Void {
        { [self] seconds in record(seconds) }
    }
}
