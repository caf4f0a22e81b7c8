import DCSSimulator
import DCSTestSupport
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `dcswatch simulate --port 0` in a process of its own, with our keys: the test process's thread
/// pool then never decides whether the server answers (the tests block on subprocesses and tmux).
/// Faults are switched over its control endpoint, as a user would.
///
/// `@unchecked Sendable`: the stored properties are set in init and never change, but `hasStopped`,
/// which `stopped` guards.
final class SimulatorProcess: @unchecked Sendable {
    /// `http://127.0.0.1:PORT`, from the banner's first line.
    let url: URL
    /// Tasks at start.
    let tasks: Int
    private let child: ChildProcess
    private let directory: URL
    private let stopped = NSLock()
    private var hasStopped = false

    /// Starts the simulator and waits (up to 20 s) for its banner.
    init(tasks: Int = 40, faults: [String] = []) throws {
        guard let executable = ReliabilityKit.binary() else { throw TestProcessError("build dcswatch first (swift build)") }
        self.tasks = tasks
        directory = try ReliabilityKit.scratch()
        let bannerPath = directory.appendingPathComponent("banner").path
        child = try ChildProcess(
            [
                executable.path, "simulate", "--port", "0", "--tasks", "\(tasks)", "--ak", ReliabilityKit.accessKey, "--sk",
                ReliabilityKit.secretKey,
            ] + faults.flatMap { ["--fault", $0] },
            environment: ["PATH": "/usr/bin:/bin"], stdout: bannerPath, stderr: "/dev/null")
        let deadline = Date().addingTimeInterval(20)
        var line = ""
        while Date() < deadline {
            line = (try? String(contentsOfFile: bannerPath, encoding: .utf8)) ?? ""
            if line.contains("\n") { break }
            usleep(20_000)
        }
        guard let range = line.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression),
            let url = URL(string: String(line[range]))
        else {
            child.signal(SIGKILL)
            _ = child.wait()
            throw TestProcessError("no URL in the simulator's banner: \(line)")
        }
        self.url = url
    }

    deinit { stop() }

    /// Replaces the fault rules (`POST /_sim/faults`); an empty list clears them.
    func setFaults(_ rules: [String]) throws {
        var request = URLRequest(url: url.appendingPathComponent("_sim/faults"))
        request.httpMethod = "POST"
        request.httpBody = try JSONSerialization.data(withJSONObject: ["faults": rules])
        let status = try Self.blockingStatus(request)
        guard status == 200 || status == 204 else { throw TestProcessError("POST /_sim/faults answered \(status)") }
    }

    /// Overrides one task's status (`POST /_sim/tasks/{id}/status`), as the benchmarks do.
    func setStatus(_ status: String, of taskID: String) throws {
        var request = URLRequest(url: url.appendingPathComponent("_sim/tasks/\(taskID)/status"))
        request.httpMethod = "POST"
        request.httpBody = try JSONSerialization.data(withJSONObject: ["status": status])
        let answer = try Self.blockingStatus(request)
        guard answer == 200 else { throw TestProcessError("POST /_sim/tasks/\(taskID)/status answered \(answer)") }
    }

    /// Stops the simulator (SIGTERM, then SIGKILL after 5 s) and waits for it; once.
    func stop() {
        let first = stopped.withLock {
            defer { hasStopped = true }
            return !hasStopped
        }
        guard first else { return }
        child.signal(SIGTERM)
        let killer = DispatchWorkItem { [child] in child.signal(SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 5, execute: killer)
        _ = child.wait()
        killer.cancel()
        try? FileManager.default.removeItem(at: directory)
    }

    /// `stop()` off the concurrency pool (it waits for the process).
    func stopAsync() async {
        _ = try? await OffPool.run { [self] in stop() }
    }

    /// The ids and statuses of its tasks, from an in-process router with the same seed and count.
    var tasksAndStatuses: [(id: String, status: String)] {
        SimulatorRouter(configuration: SimulatorConfiguration(taskCount: tasks)).snapshots().map { ($0.task.id, $0.status) }
    }

    /// The passwords its detail call returns: the scenario is a function of the seed, so an in-process
    /// router with the same seed and task count holds the same ones.
    var passwords: [String] {
        let router = SimulatorRouter(configuration: SimulatorConfiguration(taskCount: tasks))
        return router.snapshots().flatMap { snapshot in
            [snapshot.task.sourcePassword, snapshot.task.targetInstance.password]
                + (snapshot.task.sourceInstance.map { [$0.password] } ?? [])
        }
    }

    private static func blockingStatus(_ request: URLRequest) throws -> Int {
        let semaphore = DispatchSemaphore(value: 0)
        let box = StatusBox()
        URLSession.shared.dataTask(with: request) { _, response, _ in
            box.status = (response as? HTTPURLResponse)?.statusCode ?? -1
            semaphore.signal()
        }.resume()
        guard semaphore.wait(timeout: .now() + 10) == .success else { throw TestProcessError("the control call timed out") }
        return box.status
    }
}

/// The status a completion handler reports. `@unchecked Sendable`: written once before the
/// semaphore is signalled, read after the wait.
private final class StatusBox: @unchecked Sendable {
    var status = -1
}

extension ReliabilityKit {
    /// Starts a simulator subprocess without blocking the concurrency pool.
    static func simulator(tasks: Int = 40, faults: [String] = []) async throws -> SimulatorProcess {
        try await OffPool.run { try SimulatorProcess(tasks: tasks, faults: faults) }
    }

    /// `run` on a thread of its own, through `gate`.
    static func runAsync(_ arguments: [String], environment: [String: String] = credentialEnvironment) async throws
        -> ProcessRun
    {
        try await OffPool.run { try gated { try run(arguments, environment: environment) } }
    }

    /// At most 3 scenarios (a dashboard, a list run with its retries, a pty probe) at once, whatever
    /// the suites: on 2 cores more of them starve each other and the rest of `swift test` (whose
    /// socket tests have 5–10 s limits) past their timeouts.
    static let gate = DispatchSemaphore(value: 3)

    /// Runs `body` holding one place of `gate`; blocking, so only off the concurrency pool.
    static func gated<T>(_ body: () throws -> T) rethrows -> T {
        gate.wait()
        defer { gate.signal() }
        return try body()
    }
}
