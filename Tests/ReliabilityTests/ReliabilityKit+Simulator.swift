import DCSSimulator
import DCSTestSupport
import Foundation

extension ReliabilityKit {
    /// A simulator subprocess with our keys (so leaks of them can be searched for); blocking.
    static func startSimulator(tasks: Int = 40, faults: [String] = []) throws -> SimulatorProcess {
        try SimulatorProcess(
            tasks: tasks, accessKey: accessKey, secretKey: secretKey, arguments: faults.flatMap { ["--fault", $0] })
    }

    /// Starts a simulator subprocess without blocking the concurrency pool.
    static func simulator(tasks: Int = 40, faults: [String] = []) async throws -> SimulatorProcess {
        try await OffPool.run { try startSimulator(tasks: tasks, faults: faults) }
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

    /// Runs async `body` holding one place of `gate`, waiting for it off the concurrency pool.
    static func gated<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        try await OffPool.run { gate.wait() }
        defer { gate.signal() }
        return try await body()
    }
}

extension SimulatorProcess {
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
}

extension RunningCommand {
    /// Starts `dcswatch ARGUMENTS` with this suite's credentials.
    convenience init(_ arguments: [String]) throws {
        try self.init(arguments, environment: ReliabilityKit.credentialEnvironment)
    }
}
