import Foundation

/// Records the waits the router asks for instead of sleeping. `@unchecked Sendable`: lock-guarded.
final class SleepRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [TimeInterval] = []

    var waits: [TimeInterval] { lock.withLock { recorded } }

    func record(_ seconds: TimeInterval) {
        lock.withLock { recorded.append(seconds) }
    }
}
