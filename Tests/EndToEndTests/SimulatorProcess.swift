import DCSSimulator
import DCSTestSupport
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `dcswatch simulate` in a subprocess on a free port, for the script commands' end-to-end tests;
/// the URL comes from its banner. Stopped with SIGINT. Waits are `Task.sleep` polls, never blocking
/// sleeps: a blocked thread of the small cooperative pool would stall the other suites' timers.
final class SimulatorProcess {
    let child: ChildProcess
    let url: URL
    private let output: URL

    private init(child: ChildProcess, url: URL, output: URL) {
        self.child = child
        self.url = url
        self.output = output
    }

    /// Starts the simulator and waits (up to 20 s) for its banner.
    static func start(binary: String, speed: Double, seed: UInt64 = 1, tasks: Int = 40) async throws -> SimulatorProcess {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("dcswatch-sim-\(UUID().uuidString).out")
        let child = try ChildProcess(
            [
                binary, "simulate", "--port", "0", "--speed", String(speed), "--seed", String(seed), "--tasks", String(tasks),
            ], stdout: output.path, stderr: "/dev/null")
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, child.poll() == nil {
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("DCS simulator listening on ") }),
                let address = line.split(separator: " ").dropFirst(4).first, let url = URL(string: String(address))
            {
                return SimulatorProcess(child: child, url: url, output: output)
            }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        child.signal(SIGKILL)
        _ = try await OffPool.run { child.wait(deadline: 5) }
        throw ProcessFailure.message("the simulator printed no banner")
    }

    /// The environment that points dcswatch at this simulator with the demo keys.
    var environment: [String: String] {
        [
            "HUAWEICLOUD_SDK_AK": SimulatorConfiguration.demoAccessKey,
            "HUAWEICLOUD_SDK_SK": SimulatorConfiguration.demoSecretKey,
            "HUAWEICLOUD_SDK_PROJECT_ID": SimulatorConfiguration.demoProjectID,
        ]
    }

    /// Replaces the fault rules through the control endpoint.
    func setFaults(_ faults: [String]) async throws {
        var request = URLRequest(url: url.appendingPathComponent("_sim/faults"))
        request.httpMethod = "POST"
        request.httpBody = try JSONSerialization.data(withJSONObject: ["faults": faults])
        let (_, response) = try await URLSession.shared.data(for: request)
        guard (response as? HTTPURLResponse)?.statusCode == 200 else { throw ProcessFailure.message("faults not accepted") }
    }

    /// Stops the simulator (SIGINT; killed if it is still running 10 s later).
    func stop() {
        child.signal(SIGINT)
        _ = child.wait(deadline: 10)
        try? FileManager.default.removeItem(at: output)
    }
}

/// A failure of a test helper.
enum ProcessFailure: Error {
    case message(String)
}

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
