import DCSSimulator
import DCSTestSupport
import Foundation

/// One run of `dcswatch` with its output in files (no pipe can fill up), waited for with a deadline.
final class CommandRun {
    let child: ChildProcess
    private let directory: URL
    private let out: URL
    private let err: URL

    /// Starts `dcswatch arguments…` with only `environment` (plus PATH and a fresh HOME).
    init(binary: String, _ arguments: [String], environment: [String: String]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("dcswatch-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        out = directory.appendingPathComponent("stdout")
        err = directory.appendingPathComponent("stderr")
        child = try ChildProcess(
            [binary] + arguments,
            environment: ["PATH": "/usr/bin:/bin", "HOME": directory.path, "XDG_CONFIG_HOME": directory.path]
                .merging(environment) { $1 },
            stdout: out.path, stderr: err.path, directory: directory.path)
    }

    deinit {
        if child.poll() == nil {
            child.signal(SIGKILL)
            _ = child.wait(deadline: 5)
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Standard output so far.
    var stdout: String { (try? String(contentsOf: out, encoding: .utf8)) ?? "" }
    /// Standard error so far.
    var stderr: String { (try? String(contentsOf: err, encoding: .utf8)) ?? "" }

    /// Polls until `condition` holds or `timeout` passes; true when it held.
    @discardableResult
    func waitUntil(timeout: TimeInterval, _ condition: () -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            try? await Task.sleep(nanoseconds: 50_000_000)
        }
        return condition()
    }

    /// Sends SIGINT, as Ctrl-C would.
    func interrupt() {
        child.signal(SIGINT)
    }

    /// Waits for the exit (killing the process after `timeout`); the exit status, or nil when killed.
    func finish(timeout: TimeInterval) async -> Int32? {
        var status: Int32?
        let ended = await waitUntil(timeout: timeout) {
            status = status ?? child.poll()
            return status != nil
        }
        guard ended else {
            child.signal(SIGKILL)
            _ = try? await OffPool.run { [child] in child.wait(deadline: 5) }
            return nil
        }
        return status
    }
}

extension SimulatorProcess {
    /// The simulator with the demo keys (seed 1, 40 tasks) at `speed` times real time.
    static func demo(speed: Double) async throws -> SimulatorProcess {
        try await start(
            accessKey: SimulatorConfiguration.demoAccessKey, secretKey: SimulatorConfiguration.demoSecretKey,
            arguments: ["--speed", String(speed), "--seed", "1"])
    }

    /// The environment that points dcswatch at this simulator with the demo keys.
    var environment: [String: String] {
        [
            "HUAWEICLOUD_SDK_AK": SimulatorConfiguration.demoAccessKey,
            "HUAWEICLOUD_SDK_SK": SimulatorConfiguration.demoSecretKey,
            "HUAWEICLOUD_SDK_PROJECT_ID": SimulatorConfiguration.demoProjectID,
        ]
    }
}
