import DCSSimulator
import Foundation
import Testing

/// `dcswatch show TASK` on a pseudo-terminal against the simulator with each fault in force: it ends
/// within the timeouts without a crash, fails (exit 1) on the faults that break a call, succeeds when
/// the call is slow but answers, and its raw output holds no hostile byte, no secret and none of the
/// passwords the detail call returns.
@Suite("Fault matrix: show", .requires(.dcswatch, .python3))
struct ShowFaultMatrixTests {
    /// A task the simulator (seed 1, 40 tasks) has: the scenario is a function of the seed.
    static let taskID = SimulatorRouter(configuration: SimulatorConfiguration(taskCount: 40)).snapshots().first?.task.id ?? ""

    @Test(arguments: FaultCase.all)
    func showUnderFault(_ fault: FaultCase) async throws {
        let simulator = try await ReliabilityKit.simulator(faults: [fault.rule])
        let passwords = simulator.passwords
        let directory = try ReliabilityKit.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = try ReliabilityKit.writeConfig(in: directory, endpoint: simulator.url)
        let result = try await PtyProbe.run(
            ["show", Self.taskID, "--config", config, "--request-timeout", "1"],
            environment: ReliabilityKit.credentialEnvironment, steps: [.exit(within: 40)])
        // Measured by the probe from the program's start: the wait for a place in the gate is not counted.
        let seconds = result.exit_seconds ?? 99
        await simulator.stopAsync()
        let exit = try #require(result.exit, "\(fault.rule): still running after 40 s")
        #expect(exit == 0 || exit == 1, "\(fault.rule): exit \(exit): \(result.text.suffix(400))")
        #expect(seconds < 40)
        if fault.dashboardBanner { #expect(exit == 1, "\(fault.rule): \(result.text.suffix(400))") }
        if fault.rule.hasPrefix("latency") { #expect(exit == 0, "\(result.text.suffix(400))") }
        if exit == 0 { #expect(result.text.contains(Self.taskID), "\(fault.rule): \(result.text.prefix(400))") }
        LeakScan.expectNoHostileBytes(result.raw, context: "show \(fault.rule)")
        LeakScan.expectClean(result.raw, passwords: passwords, context: "show \(fault.rule)")
    }
}
