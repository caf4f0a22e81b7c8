import Foundation

/// A long-running child (the simulator, Prometheus) with a scratch folder of its own, stopped exactly
/// once however many times `stop` is called: SIGTERM, SIGKILL if it still runs `deadline` seconds
/// later, then the folder is removed.
///
/// `@unchecked Sendable`: `hasStopped` is guarded by `lock`; the rest is set in init.
final class ScratchChild: @unchecked Sendable {
    /// The process.
    let child: ChildProcess
    /// Its folder (logs, configuration, data).
    let directory: URL
    private let lock = NSLock()
    private var hasStopped = false

    /// Takes over `child` and `directory`.
    init(_ child: ChildProcess, directory: URL) {
        self.child = child
        self.directory = directory
    }

    /// Stops the child and removes the folder, the first time only.
    func stop(deadline: TimeInterval) {
        let first = lock.withLock {
            defer { hasStopped = true }
            return !hasStopped
        }
        guard first else { return }
        child.signal(SIGTERM)
        _ = child.wait(deadline: deadline)
        try? FileManager.default.removeItem(at: directory)
    }
}
