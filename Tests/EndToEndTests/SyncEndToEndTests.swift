import DCSSimulator
import DCSTestSupport
import Foundation
import Testing

/// `dcswatch wait --until in-sync`, `events` and `show` as subprocesses against `dcswatch simulate`
/// with scripted stats answers (issue 16). The scenario is frozen (`--speed 0`): only the script moves.
@Suite("Sync end to end", .serialized, .requires(.dcswatch))
struct SyncEndToEndTests {
    func run(_ arguments: [String], simulator: SimulatorProcess, timeout: TimeInterval = 60) async throws -> (
        Int32?, String, String
    ) {
        try await simulator.run(arguments, timeout: timeout)
    }

    @Test func waitUntilInSyncNeedsThePollsAndLivesThroughBadAnswers() async throws {
        let simulator = try await SimulatorProcess.demo(speed: 0)
        defer { simulator.stop() }
        let id = try await simulator.replicatingTaskID()
        // At the threshold in the 2nd answer already; a 503 and a null offset are no evidence; the
        // third answer at 0 comes sixth.
        let answers: [Any] = [
            ["full_migration_progress": 100, "offset": 52_100],
            ["full_migration_progress": "100", "offset": "0"],
            ["full_migration_progress": 100, "offset": 0],
            503,
            ["full_migration_progress": 100, "offset": NSNull()],
            ["full_migration_progress": 100, "offset": 0, "source_dbsize": 10, "target_dbsize": 10],
        ]
        try simulator.setStats(answers, of: id)
        let started = Date()
        let (status, out, err) = try await run(
            ["wait", id, "--until", "in-sync", "--interval", "0.5", "--timeout", "50s"], simulator: simulator)
        #expect(status == 0, "\(err)")
        #expect(out.contains("(\(id))  MIGRATING\n"))
        #expect(out.hasSuffix("(\(id))  in sync (MIGRATING, offset 0, progress 100%)\n"))
        // Every scripted answer was asked for: it did not end on the first answer at the threshold.
        #expect(try simulator.scriptedStatsLeft(of: id) == 1)
        // Six stats calls, at least half the poller's 1 s minimum apart (its slack), take over 2.5 s.
        #expect(Date().timeIntervalSince(started) >= 2.5)
    }

    @Test func waitUntilInSyncTimesOutAndFailsOnAStop() async throws {
        let simulator = try await SimulatorProcess.demo(speed: 0)
        defer { simulator.stop() }
        let id = try await simulator.replicatingTaskID()
        // An offset that never reaches 0: in sync only with a threshold above it.
        try simulator.setStats([["full_migration_progress": 100, "offset": 12]], of: id)
        var (status, _, err) = try await run(
            ["wait", id, "--until", "in-sync", "--interval", "0.5", "--timeout", "4s"], simulator: simulator)
        #expect(status == 3, "\(err)")
        (status, _, err) = try await run(
            ["wait", id, "--until", "in-sync", "--interval", "0.5", "--lag-threshold", "20", "--polls", "2"],
            simulator: simulator)
        #expect(status == 0, "\(err)")
        try simulator.setStatus("TERMINATED", of: id)
        (status, _, err) = try await run(["wait", id, "--until", "in-sync", "--interval", "0.5"], simulator: simulator)
        #expect(status == 1, "\(err)")
        (status, _, err) = try await run(["wait", id, "--until", "sometime"], simulator: simulator)
        #expect(status == 64 || status == 2, "\(err)")
        #expect(err.contains("in-sync"))
    }

    @Test func eventsStreamsSyncChangesAsNDJSON() async throws {
        let simulator = try await SimulatorProcess.demo(speed: 0)
        defer { simulator.stop() }
        let id = try await simulator.replicatingTaskID()
        let zero: [String: Any] = ["full_migration_progress": 100, "offset": 0]
        try simulator.setStats(
            [zero, zero, zero, ["full_migration_progress": 100, "offset": 9_000], ["full_migration_progress": 7]],
            of: id)
        let command = try RunningCommand(
            ["events", "--output", "ndjson", "--interval", "0.5", "--endpoint", simulator.url.absoluteString],
            environment: simulator.environment)
        let seen = try await OffPool.run { command.waitFor(40) { out, _ in out.contains(#""event":"fell_behind""#) } }
        command.signal(SIGINT)
        #expect(try await OffPool.run { command.finish(within: 10) } == 0)
        #expect(seen, "\(command.out)\n\(command.err)")
        let lines = command.out.split(separator: "\n").filter { $0.contains(id) }
        #expect(lines.first?.contains(#""event":"in_sync""#) == true, "\(command.out)")
        #expect(lines.first?.contains(#""offset":0"#) == true)
        #expect(lines.contains { $0.contains(#""event":"fell_behind""#) && $0.contains(#""offset":9000"#) })
    }

    @Test func showPrintsTheSyncOfOneAnswerAndTheTaskStatus() async throws {
        let simulator = try await SimulatorProcess.demo(speed: 0)
        defer { simulator.stop() }
        let id = try await simulator.replicatingTaskID()
        try simulator.setStats(
            [["full_migration_progress": 100, "offset": 0, "source_dbsize": 100, "target_dbsize": 97]], of: id)
        let (status, out, err) = try await run(["show", id], simulator: simulator)
        #expect(status == 0, "\(err)")
        #expect(out.contains("\nSync\n"))
        #expect(out.contains("this answer is at the threshold; in sync needs 3 in a row"))
        #expect(out.contains("3 (source - target)"))
        #expect(out.contains("  task_status "))
    }
}
