import DCSTestSupport
import Foundation
import Testing

/// `dcswatch list` as a subprocess against the simulator (another subprocess) with each fault in
/// force from the start: the exit status, the message, the tasks printed, no secret and no raw control
/// byte anywhere, and no hang beyond the configured timeouts.
@Suite("Fault matrix: list", .requires(.dcswatch))
struct ListFaultMatrixTests {
    /// Upper bound for one run: 4 attempts of `--request-timeout 1` plus backoffs of 1 + 2 + 4 s.
    static let deadline: TimeInterval = 25

    @Test(arguments: FaultCase.all)
    func listUnderFault(_ fault: FaultCase) async throws {
        let run = try await OffPool.run {
            try ReliabilityKit.gated {
                let simulator = try ReliabilityKit.startSimulator(faults: [fault.rule])
                defer { simulator.stop() }
                let directory = try ReliabilityKit.scratch()
                defer { try? FileManager.default.removeItem(at: directory) }
                let config = try ReliabilityKit.writeConfig(in: directory, endpoint: simulator.url)
                return try ReliabilityKit.run(["list", "--config", config, "--request-timeout", "1", "--output", "json"])
            }
        }
        #expect(run.status == fault.listExit, "\(fault.rule): stderr: \(run.err.prefix(600))")
        #expect(run.seconds < Self.deadline, "\(fault.rule) took \(run.seconds) s")
        let stderr = run.err.lowercased()
        for word in fault.message {
            #expect(stderr.contains(word), "\(fault.rule): stderr lacks \(word): \(run.err.prefix(600))")
        }
        if fault.listExit == 0 { #expect(!stderr.contains("error"), "\(fault.rule): \(run.err.prefix(600))") }
        // One line per attempt, not a dump of the body (html502: a sanitised 200-character snippet).
        #expect(run.err.split(separator: "\n").allSatisfy { $0.count <= 600 }, "\(fault.rule): \(run.err.prefix(900))")
        if let expected = fault.listTasks {
            let records = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [[String: Any]])
            let ids = records.compactMap { $0["task_id"] as? String }
            #expect(ids.count == expected && Set(ids).count == expected, "\(fault.rule): \(ids.count) rows")
        }
        LeakScan.expectClean(run.stdout + run.stderr, context: "list \(fault.rule)")
        LeakScan.expectNoHostileBytes(run.stdout + run.stderr, context: "list \(fault.rule)", escapedTextAllowed: true)
    }
}
