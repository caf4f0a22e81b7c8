import DCSTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The limits of the script commands while the API never answers or answers hostile text: `wait`
/// ends at its `--timeout` (exit 3) even with a request hanging, `events` ends at once on SIGINT
/// during a hang, and neither writes the simulator's hostile names raw (text) or unescaped (NDJSON).
@Suite("Script commands: timeouts and hostile text", .requires(.dcswatch))
struct ScriptCommandLimitTests {
    @Test func waitEndsAtItsTimeoutWhileRequestsHang() async throws {
        let (status, seconds, err) = try await Self.scenario(
            faults: ["hang"], ["wait", ScriptFaultMatrixTests.succeededTaskID, "--timeout", "3s", "--request-timeout", "5"]
        ) { wait, _ in
            let status = wait.exitStatus(within: 15)
            return (status, wait.exitSeconds ?? 99, wait.err)
        }
        #expect(status == 3, "\(err)")
        #expect(seconds < 6, "took \(seconds) s")
        #expect(err.contains("timed out after 3s"), "\(err)")
    }

    @Test func eventsEndsOnSIGINTWhileRequestsHang() async throws {
        let (status, seconds, err) = try await Self.scenario(faults: ["hang"], ["events", "--request-timeout", "30"]) {
            events, _ in
            // Its first request is now hanging (the 30 s timeout is far away).
            _ = events.exitStatus(within: 1.5)
            let sent = Date()
            events.signal(SIGINT)
            let status = events.exitStatus(within: 10)
            return (status, Date().timeIntervalSince(sent), events.err)
        }
        #expect(status == 0, "\(err)")
        #expect(seconds < 3, "took \(seconds) s after SIGINT")
    }

    /// Hostile names reach `events` in status-change lines: every field of the 40 tasks carries hostile
    /// text from the start, then 20 tasks change status through the simulator's control call. (A lying
    /// `count` no longer hides tasks — full pages always continue — so it cannot stage "new" tasks.)
    @Test(arguments: ["text", "ndjson"])
    func eventsNeverWriteHostileText(_ format: String) async throws {
        let (out, err, passwords) = try await Self.scenario(
            faults: ["hostile"], ["events", "--output", format, "--interval", "0.5", "--request-timeout", "1"]
        ) { events, simulator in
            guard events.waitFor(30, { $1.contains("watching 40 tasks") }) else {
                throw TestFailure("events: no baseline: \(events.err.suffix(400))")
            }
            for task in simulator.tasksAndStatuses.prefix(20) {
                try simulator.setStatus(task.status == "FAILED" ? "SUCCESS" : "FAILED", of: task.id)
            }
            _ = events.waitFor(20) { out, _ in out.split(separator: "\n").count >= 20 }
            events.signal(SIGTERM)
            _ = events.exitStatus(within: 5)
            return (events.stdout, events.stderr, simulator.passwords)
        }
        let lines = String(decoding: out, as: UTF8.self).split(separator: "\n")
        #expect(lines.count >= 20, "\(String(decoding: err, as: UTF8.self).suffix(400))")
        if format == "ndjson" {
            let objects = lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            #expect(objects.count == lines.count)
            #expect(objects.filter { $0["event"] as? String == "status" }.count >= 20)
            // Lossless: the hostile names are there, escaped.
            #expect(objects.contains { ($0["name"] as? String)?.contains("\u{1B}") == true })
        }
        LeakScan.expectNoHostileBytes(out + err, context: "events \(format)", escapedTextAllowed: format == "ndjson")
        LeakScan.expectClean(out + err, passwords: passwords, context: "events \(format)")
    }

    /// Runs `dcswatch ARGUMENTS --config …` against a simulator with `faults`, hands both to `body`
    /// (blocking, off the pool, holding a place of the gate) and stops them afterwards.
    static func scenario<T: Sendable>(
        faults: [String], _ arguments: [String], _ body: @escaping @Sendable (RunningCommand, SimulatorProcess) throws -> T
    ) async throws -> T {
        try await OffPool.run {
            try ReliabilityKit.gated {
                let simulator = try ReliabilityKit.startSimulator(faults: faults)
                defer { simulator.stop() }
                let directory = try ReliabilityKit.scratch()
                defer { try? FileManager.default.removeItem(at: directory) }
                let config = try ReliabilityKit.writeConfig(in: directory, endpoint: simulator.url)
                return try body(try RunningCommand(arguments + ["--config", config]), simulator)
            }
        }
    }
}
