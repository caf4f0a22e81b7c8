import DCSSimulator
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `dcswatch simulate` in a subprocess on a free port, for the script commands' end-to-end tests;
/// the URL comes from its banner. Stopped with SIGINT. Waits are `Task.sleep` polls, never blocking
/// sleeps: a blocked thread of the small cooperative pool would stall the other suites' timers.
final class SimulatorProcess {
    let process: Process
    let url: URL
    private let output: URL

    private init(process: Process, url: URL, output: URL) {
        self.process = process
        self.url = url
        self.output = output
    }

    /// Starts the simulator and waits (up to 20 s) for its banner.
    static func start(binary: String, speed: Double, seed: UInt64 = 1, tasks: Int = 40) async throws -> SimulatorProcess {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("dcswatch-sim-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [
            "simulate", "--port", "0", "--speed", String(speed), "--seed", String(seed), "--tasks", String(tasks),
        ]
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, process.isRunning {
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("DCS simulator listening on ") }),
                let address = line.split(separator: " ").dropFirst(4).first, let url = URL(string: String(address))
            {
                return SimulatorProcess(process: process, url: url, output: output)
            }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        process.terminate()
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

    /// Stops the simulator.
    func stop() {
        if process.isRunning {
            process.interrupt()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: output)
    }
}

/// A failure of a test helper.
enum ProcessFailure: Error {
    case message(String)
}

/// One run of `dcswatch` with its output in files (no pipe can fill up), waited for with a deadline.
final class CommandRun {
    let process = Process()
    private let out: URL
    private let err: URL

    /// Starts `dcswatch arguments…` with only `environment` (plus PATH and a fresh HOME).
    init(binary: String, _ arguments: [String], environment: [String: String]) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dcswatch-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        out = directory.appendingPathComponent("stdout")
        err = directory.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "XDG_CONFIG_HOME": directory.path]
            .merging(environment) { $1 }
        process.currentDirectoryURL = directory
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
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

    /// Waits for the exit (killing the process after `timeout`); the exit status, or nil when killed.
    func finish(timeout: TimeInterval) async -> Int32? {
        guard await waitUntil(timeout: timeout, { !process.isRunning }) else {
            process.terminate()
            process.waitUntilExit()
            return nil
        }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
