import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `dcswatch simulate --port 0` in a process of its own, with the keys the test chooses: the test
/// process's thread pool then never decides whether the server answers (the tests block on
/// subprocesses and tmux). Faults and task statuses are switched over its control endpoint, as the
/// benchmarks and a user would.
///
/// `@unchecked Sendable`: the stored properties are set in init and never change (`ScratchChild` guards
/// its own state).
public final class SimulatorProcess: @unchecked Sendable {
    /// `http://127.0.0.1:PORT`, from the banner's first line.
    public let url: URL
    /// Tasks at start.
    public let tasks: Int
    private let process: ScratchChild

    /// Starts the simulator with `tasks` tasks accepting `accessKey`/`secretKey`, plus `arguments`
    /// (`--fault RULE`, `--speed N`, …), and waits up to 20 s for its banner. Blocking: call it off the
    /// concurrency pool, or use `start`.
    public init(tasks: Int = 40, accessKey: String, secretKey: String, arguments: [String] = []) throws {
        let executable = try DCSWatchBinary.path()
        self.tasks = tasks
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dcswatch-sim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let bannerPath = directory.appendingPathComponent("banner").path
        let child = try ChildProcess(
            [executable, "simulate", "--port", "0", "--tasks", "\(tasks)", "--ak", accessKey, "--sk", secretKey]
                + arguments,
            environment: ["PATH": "/usr/bin:/bin"], stdout: bannerPath, stderr: "/dev/null")
        let deadline = Date().addingTimeInterval(20)
        var line = ""
        while Date() < deadline, child.poll() == nil {
            line = (try? String(contentsOfFile: bannerPath, encoding: .utf8)) ?? ""
            if line.contains("\n") { break }
            usleep(20_000)
        }
        guard let range = line.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression),
            let url = URL(string: String(line[range]))
        else {
            child.signal(SIGKILL)
            _ = child.wait()
            try? FileManager.default.removeItem(at: directory)
            throw TestFailure("no URL in the simulator's banner: \(line)")
        }
        self.url = url
        process = ScratchChild(child, directory: directory)
    }

    /// `init` on a thread of its own, for async tests.
    public static func start(tasks: Int = 40, accessKey: String, secretKey: String, arguments: [String] = []) async throws
        -> SimulatorProcess
    {
        try await OffPool.run {
            try SimulatorProcess(tasks: tasks, accessKey: accessKey, secretKey: secretKey, arguments: arguments)
        }
    }

    deinit { stop() }

    /// Replaces the fault rules (`POST /_sim/faults`); an empty list clears them.
    public func setFaults(_ rules: [String]) throws {
        try post("_sim/faults", ["faults": rules])
    }

    /// Overrides one task's status (`POST /_sim/tasks/{id}/status`), as the benchmarks do.
    public func setStatus(_ status: String, of taskID: String) throws {
        try post("_sim/tasks/\(taskID)/status", ["status": status])
    }

    /// Scripts one task's stats answers (`POST /_sim/tasks/{id}/stats`, issue 16): each call answers
    /// the next (an object is the body, a number an HTTP status, a string a raw body), the last one
    /// from then on.
    public func setStats(_ answers: [Any], of taskID: String) throws {
        try post("_sim/tasks/\(taskID)/stats", ["stats": answers])
    }

    /// How many scripted stats answers of a task are left (the last one is never used up).
    public func scriptedStatsLeft(of taskID: String) throws -> Int {
        let body = try call("GET", "_sim/tasks/\(taskID)/stats", body: nil)
        let object = try JSONSerialization.jsonObject(with: body) as? [String: Any]
        return (object?["stats"] as? [Any])?.count ?? 0
    }

    /// Stops the simulator (SIGTERM; killed if it still runs 5 s later) and waits for it; once.
    public func stop() {
        process.stop(deadline: 5)
    }

    /// `stop()` off the concurrency pool (it waits for the process).
    public func stopAsync() async {
        _ = try? await OffPool.run { [self] in stop() }
    }

    /// A control call to the loopback simulator: a few milliseconds, bounded at 10 s.
    private func post(_ path: String, _ body: [String: Any]) throws {
        _ = try call("POST", path, body: try JSONSerialization.data(withJSONObject: body))
    }

    /// Sends a control call; the body of a 200 or 204, else throws.
    private func call(_ method: String, _ path: String, body: Data?) throws -> Data {
        var request = URLRequest(url: url.appendingPathComponent(path))
        request.httpMethod = method
        request.httpBody = body
        let semaphore = DispatchSemaphore(value: 0)
        let box = StatusBox()
        URLSession.shared.dataTask(with: request) { data, response, _ in
            box.status = (response as? HTTPURLResponse)?.statusCode ?? -1
            box.body = data ?? Data()
            semaphore.signal()
        }.resume()
        guard semaphore.wait(timeout: .now() + 10) == .success else { throw TestFailure("\(method) /\(path) timed out") }
        guard box.status == 200 || box.status == 204 else { throw TestFailure("\(method) /\(path) answered \(box.status)") }
        return box.body
    }
}

/// The status and body a completion handler reports. `@unchecked Sendable`: written once before the
/// semaphore is signalled, read after the wait.
private final class StatusBox: @unchecked Sendable {
    var status = -1
    var body = Data()
}
