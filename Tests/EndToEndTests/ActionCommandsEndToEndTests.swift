import DCSSimulator
import DCSTestSupport
import Foundation
import Testing

/// The write commands (issue 17) as subprocesses against `dcswatch simulate` (frozen, seed 1): writes
/// off, no terminal and client-side refusals send nothing (exit 2); accepted writes change the
/// simulator's state (exit 0); a refusal by the server or a fault is a failed task (exit 1).
@Suite("Write commands end to end", .serialized, .requires(.dcswatch))
struct ActionCommandsEndToEndTests {
    static func frozen() async throws -> SimulatorProcess {
        try await SimulatorProcess.start(
            accessKey: SimulatorConfiguration.demoAccessKey, secretKey: SimulatorConfiguration.demoSecretKey,
            arguments: ["--speed", "0", "--seed", "1"])
    }

    /// `list --output json` of the simulator: id → status.
    func statuses(_ simulator: SimulatorProcess) async throws -> [String: String] {
        let (status, out, err) = try await simulator.run(["list", "--output", "json"])
        try #require(status == 0, "\(err)")
        let tasks = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
        return Dictionary(
            uniqueKeysWithValues: tasks.compactMap { task in
                (task["task_id"] as? String).map { ($0, task["status"] as? String ?? "") }
            })
    }

    func first(_ statuses: [String: String], _ status: String) throws -> String {
        try #require(statuses.filter { $0.value == status }.keys.sorted().first, "no \(status) task")
    }

    @Test func refusalsSendNothingAndExitTwo() async throws {
        let simulator = try await Self.frozen()
        defer { simulator.stop() }
        let before = try await statuses(simulator)
        let running = try first(before, "MIGRATING")
        var (status, _, err) = try await simulator.run(["stop", running, "--yes"])
        #expect(status == 2)
        #expect(err == "dcswatch: writes are off for target default: start with --write (or set allow_write in the config)\n")
        (status, _, err) = try await simulator.run(["stop", running, "--write"])
        #expect(status == 2)
        #expect(err.contains("there is no terminal to ask on: pass --yes"))
        (status, _, err) = try await simulator.run(["stop", running, try first(before, "SUCCESS"), "--write", "--yes"])
        #expect(status == 2)
        #expect(err.contains("only a running task can be stopped (status SUCCESS)"))
        #expect(err.hasSuffix("dcswatch: nothing was sent\n"))
        (status, _, err) = try await simulator.run(["delete", running, "--write", "--yes"])
        #expect(status == 2)
        #expect(err.contains("a running task cannot be deleted: stop it first"))
        (status, _, err) = try await simulator.run(["stop", "no-such-task", "--write", "--yes"])
        #expect(status == 2)
        #expect(err.contains("no task has the id or name no-such-task"))
        #expect(try await statuses(simulator) == before)
    }

    @Test func stopRestartAndDeleteChangeTheStateAndAreAudited() async throws {
        let simulator = try await Self.frozen()
        defer { simulator.stop() }
        let before = try await statuses(simulator)
        let running = try first(before, "MIGRATING")
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("dcswatch-audit-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        var (status, out, err) = try await simulator.run(["stop", running, "--write", "--yes", "--log-file", log.path])
        #expect(status == 0, "\(err)")
        #expect(out.hasSuffix("(\(running)) on default: stop requested\n"))
        #expect(["TERMINATING", "TERMINATED"].contains(try await statuses(simulator)[running]))
        let audit = try String(contentsOf: log, encoding: .utf8)
        #expect(audit.contains("write action=stop target=default task_id=\(running) result=success request_id="))
        for password in ScriptCommandsEndToEndTests.passwords { #expect(!audit.contains(password) && !out.contains(password)) }

        let stopped = try first(before, "TERMINATED")
        (status, out, err) = try await simulator.run(["restart", stopped, "--write", "--yes", "--output", "json"])
        #expect(status == 0, "\(err)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let results = try #require(document["results"] as? [[String: Any]])
        #expect(document["action"] as? String == "restart")
        #expect(results.map { $0["result"] as? String } == ["success"])
        #expect(results.first?["task_id"] as? String == stopped)
        #expect(try await statuses(simulator)[stopped] == "MIGRATING")

        let finished = try first(before, "SUCCESS")
        (status, _, err) = try await simulator.run(["delete", finished, "--write", "--yes"])
        #expect(status == 0, "\(err)")
        #expect(try await statuses(simulator)[finished] == nil)
    }

    @Test func failuresByTheServerExitOneWithTheirCode() async throws {
        let simulator = try await Self.frozen()
        defer { simulator.stop() }
        let running = try first(try await statuses(simulator), "MIGRATING")
        try simulator.setFaults(["403/write"])
        let (status, out, err) = try await simulator.run(["stop", running, "--write", "--yes"])
        #expect(status == 1, "\(err)")
        #expect(out.contains("(\(running)) on default: failed: DCS.2003 "))
        #expect(out.contains("no permission to write"))
        #expect(out.components(separatedBy: "(request id ").count == 2)
        let unwritable = try await simulator.run([
            "stop", running, "--write", "--yes", "--log-file", "/nonexistent/dir/audit.log",
        ])
        #expect(unwritable.0 == 2)
        #expect(unwritable.2.contains("cannot write the log file /nonexistent/dir/audit.log"))
        try simulator.setFaults([])
        #expect(try await statuses(simulator)[running] == "MIGRATING")
    }

    @Test func exchangeNeedsSyncWaitsForTheSwitchAndRollsBack() async throws {
        let simulator = try await Self.frozen()
        defer { simulator.stop() }
        let id = try await simulator.replicatingTaskID()
        try simulator.setStats([["full_migration_progress": 100, "offset": 52_100]], of: id)
        var (status, out, err) = try await simulator.run(["exchange-ip", id, "--write", "--yes", "--polls", "1"])
        #expect(status == 2)
        #expect(err.contains("it is not in sync"))
        try simulator.setStats([["full_migration_progress": 100, "offset": 0]], of: id)
        (status, out, err) = try await simulator.run(
            ["exchange-ip", id, "--write", "--yes", "--polls", "1", "--interval", "0.5"], timeout: 30)
        #expect(status == 0, "\(err)")
        #expect(err.contains("task_status EXCHANGING"))
        #expect(out.hasSuffix("IP switch requested, task_status EXCHANGE_SUCCESS\n"))
        (status, out, err) = try await simulator.run(["rollback-ip", id, "--write", "--yes", "--no-wait"])
        #expect(status == 0, "\(err)")
        (status, out, err) = try await simulator.run(["rollback-ip", id, "--write", "--yes", "--no-wait"])
        #expect(status == 1)
        #expect(out.contains("failed: DCS.4957"))
    }
}
