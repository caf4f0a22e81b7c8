import DCSTestSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `dcswatch` running in the background with stdout and stderr in files, for the commands that keep
/// running (`wait`, `events`): the test reads what they wrote so far, changes the simulator's faults
/// and signals them. Blocking (polls), so only off the concurrency pool.
final class RunningCommand {
    private let child: ChildProcess
    private let directory: URL
    private let started = Date()
    private var status: Int32?
    /// Seconds from the start to the exit, once it exited.
    private(set) var exitSeconds: TimeInterval?

    /// Starts `dcswatch ARGUMENTS` with our credentials in a clean environment.
    init(_ arguments: [String], environment: [String: String] = ReliabilityKit.credentialEnvironment) throws {
        let executable = try DCSWatchBinary.path()
        directory = try ReliabilityKit.scratch()
        let environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "XDG_CONFIG_HOME": directory.path]
            .merging(environment) { $1 }
        child = try ChildProcess(
            [executable] + arguments, environment: environment,
            stdout: directory.appendingPathComponent("out").path, stderr: directory.appendingPathComponent("err").path)
    }

    deinit {
        if poll() == nil {
            child.signal(SIGKILL)
            _ = child.wait()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// What it wrote to stdout so far.
    var stdout: Data { (try? Data(contentsOf: directory.appendingPathComponent("out"))) ?? Data() }
    /// What it wrote to stderr so far.
    var stderr: Data { (try? Data(contentsOf: directory.appendingPathComponent("err"))) ?? Data() }
    /// stdout as text.
    var out: String { String(decoding: stdout, as: UTF8.self) }
    /// stderr as text.
    var err: String { String(decoding: stderr, as: UTF8.self) }

    /// Its exit status (128 + N for signal N) if it has ended, else nil; never blocks.
    func poll() -> Int32? {
        if let status { return status }
        guard let ended = child.poll() else { return nil }
        status = ended
        exitSeconds = Date().timeIntervalSince(started)
        return status
    }

    /// Waits up to `timeout` seconds for the exit; nil if it is still running.
    func exitStatus(within timeout: TimeInterval) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while poll() == nil, Date() < deadline { usleep(50_000) }
        return poll()
    }

    /// Waits up to `timeout` seconds until `condition(stdout, stderr)` holds, or the process ended;
    /// true when the condition held.
    func waitFor(_ timeout: TimeInterval, _ condition: (String, String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(out, err) { return true }
            if poll() != nil { return condition(out, err) }
            usleep(100_000)
        }
        return condition(out, err)
    }

    /// Sends `signal`.
    func signal(_ signal: Int32) {
        if poll() == nil { child.signal(signal) }
    }
}
