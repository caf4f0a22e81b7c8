import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `dcswatch` running in the background with stdout and stderr in files, for the commands that keep
/// running (`wait`, `events`): the test reads what they wrote so far, changes the simulator's faults
/// and signals them. The waits block (they poll): call them off the concurrency pool (`OffPool.run`).
///
/// `@unchecked Sendable`: the exit status and time, set once when the child is reaped, are guarded
/// by `lock`; the rest is set in init.
public final class RunningCommand: @unchecked Sendable {
    private let child: ChildProcess
    private let directory: URL
    private let started = Date()
    private let lock = NSLock()
    private var status: Int32?
    private var endedAfter: TimeInterval?

    /// Seconds from the start to the exit, once it exited.
    public var exitSeconds: TimeInterval? { lock.withLock { endedAfter } }

    /// Starts `dcswatch ARGUMENTS` in a clean environment (PATH, a fresh HOME and XDG_CONFIG_HOME, in
    /// that folder) plus `environment`: no credentials of the machine running the tests leak in.
    public init(_ arguments: [String], environment: [String: String]) throws {
        let executable = try DCSWatchBinary.path()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("dcswatch-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "XDG_CONFIG_HOME": directory.path]
            .merging(environment) { $1 }
        child = try ChildProcess(
            [executable] + arguments, environment: environment,
            stdout: directory.appendingPathComponent("out").path, stderr: directory.appendingPathComponent("err").path,
            directory: directory.path)
    }

    deinit {
        if poll() == nil {
            child.signal(SIGKILL)
            _ = child.wait()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// What it wrote to stdout so far.
    public var stdout: Data { (try? Data(contentsOf: directory.appendingPathComponent("out"))) ?? Data() }
    /// What it wrote to stderr so far.
    public var stderr: Data { (try? Data(contentsOf: directory.appendingPathComponent("err"))) ?? Data() }
    /// stdout as text.
    public var out: String { String(decoding: stdout, as: UTF8.self) }
    /// stderr as text.
    public var err: String { String(decoding: stderr, as: UTF8.self) }

    /// Its exit status (128 + N for signal N) if it has ended, else nil; never blocks.
    public func poll() -> Int32? {
        lock.withLock {
            if let status { return status }
            guard let ended = child.poll() else { return nil }
            status = ended
            endedAfter = Date().timeIntervalSince(started)
            return status
        }
    }

    /// Waits up to `timeout` seconds for the exit; nil if it is still running.
    public func exitStatus(within timeout: TimeInterval) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while poll() == nil, Date() < deadline { usleep(50_000) }
        return poll()
    }

    /// Waits up to `timeout` seconds until `condition(stdout, stderr)` holds, or the process ended;
    /// true when the condition held.
    public func waitFor(_ timeout: TimeInterval, _ condition: (String, String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(out, err) { return true }
            if poll() != nil { return condition(out, err) }
            usleep(100_000)
        }
        return condition(out, err)
    }

    /// Waits up to `timeout` seconds for the exit, killing the process if it is still running then;
    /// its exit status, or nil when it had to be killed.
    public func finish(within timeout: TimeInterval) -> Int32? {
        if let status = exitStatus(within: timeout) { return status }
        child.signal(SIGKILL)
        _ = child.wait(deadline: 5)
        return nil
    }

    /// Sends `signal`.
    public func signal(_ signal: Int32) {
        if poll() == nil { child.signal(signal) }
    }
}
