import DCSSimulator
import DCSTestSupport
import Foundation
import Testing

/// `dcswatch wait`, `events` and `show` as subprocesses against `dcswatch simulate` (a subprocess on
/// a free port, seed 1). Task ids are picked from the simulator's own list response; the fast
/// simulator (`--speed 3000`) moves tasks to SUCCESS, FAILED and TERMINATED within seconds.
@Suite("Script commands end to end", .serialized, .requires(.dcswatch))
struct ScriptCommandsEndToEndTests {

    /// Every password the seed-1 scenario can put in a detail response (initial and later tasks).
    static let passwords: Set<String> = Set(
        Scenario(seed: 1, taskCount: 40, speed: 1, epoch: Date()).tasks.flatMap { task in
            [task.targetInstance.password, task.sourcePassword] + (task.sourceInstance.map { [$0.password] } ?? [])
        })

    func run(_ arguments: [String], simulator: SimulatorProcess, timeout: TimeInterval = 60) async throws -> (
        Int32?, String, String
    ) {
        try await simulator.run(arguments, timeout: timeout)
    }

    /// The simulator's tasks as `list --output json` reports them: id, name, status, method.
    func tasks(_ simulator: SimulatorProcess) async throws -> [[String: Any]] {
        let (status, out, err) = try await run(["list", "--output", "json"], simulator: simulator)
        try #require(status == 0, "\(err)")
        return try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
    }

    func first(_ tasks: [[String: Any]], status: String, method: String? = nil) throws -> String {
        let task = tasks.first {
            $0["status"] as? String == status && (method == nil || $0["migration_method"] as? String == method)
        }
        return try #require(task?["task_id"] as? String, "no \(status) task in the scenario")
    }

    func expectNoPassword(_ text: String) {
        for password in Self.passwords { #expect(!text.contains(password)) }
    }

    @Test func waitExitCodesForFinishedTasksAndTimeout() async throws {
        let simulator = try await SimulatorProcess.demo(speed: 1)
        defer { simulator.stop() }
        let all = try await tasks(simulator)
        let succeeded = try first(all, status: "SUCCESS")
        var (status, out, err) = try await run(["wait", succeeded, "--interval", "0.5"], simulator: simulator)
        #expect(status == 0, "\(err)")
        #expect(out.hasSuffix("(\(succeeded))  SUCCESS\n"))
        (status, out, err) = try await run(["wait", try first(all, status: "FAILED"), "--interval", "0.5"], simulator: simulator)
        #expect(status == 1, "\(err)")
        #expect(out.contains("  FAILED: "))  // with the error message
        expectNoPassword(out + err)
        (status, out, _) = try await run(
            ["wait", succeeded, try first(all, status: "TERMINATED"), "--interval", "0.5"], simulator: simulator)
        #expect(status == 1)
        #expect(out.split(separator: "\n").count == 2)
        // A task in its incremental phase stays MIGRATING: the timeout (exit 3) ends the wait.
        let syncing = try first(all, status: "MIGRATING", method: "incremental_migration")
        let started = Date()
        (status, out, err) = try await run(["wait", syncing, "--timeout", "2s", "--interval", "0.5"], simulator: simulator)
        #expect(status == 3)
        #expect(Date().timeIntervalSince(started) < 15)
        #expect(err.contains("timed out after 2s"))
        #expect(out.hasSuffix("MIGRATING\n"))
        // By exact name, and an unknown task is a usage error.
        let named = try #require(
            all.first { task in
                let name = task["task_name"] as? String ?? ""
                return task["status"] as? String == "SUCCESS" && !name.isEmpty
                    && all.filter { $0["task_name"] as? String == name }.count == 1
            }?["task_name"] as? String)
        (status, _, err) = try await run(["wait", named, "--interval", "0.5"], simulator: simulator)
        #expect(status == 0, "\(err)")
        (status, _, err) = try await run(["wait", "no-such-task", "--interval", "0.5"], simulator: simulator)
        #expect(status == 2)
        #expect(err.contains("no task has the id or name no-such-task"))
    }

    @Test func waitSurvivesTransientErrors() async throws {
        let simulator = try await SimulatorProcess.demo(speed: 1)
        defer { simulator.stop() }
        let succeeded = try first(try await tasks(simulator), status: "SUCCESS")
        // The next three list calls fail with 404 (not retried by the client): the monitor reports and retries.
        try simulator.setFaults(["404@first:3/list"])
        let (status, out, err) = try await run(
            ["wait", succeeded, "--interval", "0.3", "--timeout", "30s"], simulator: simulator)
        #expect(status == 0, "\(err)")
        #expect(err.contains("(retrying)"))
        #expect(out.contains("SUCCESS"))
        expectNoPassword(out + err)
    }

    @Test func waitFollowsARunningTaskToItsEnd() async throws {
        let simulator = try await SimulatorProcess.demo(speed: 3_000)
        defer { simulator.stop() }
        let running = try first(try await tasks(simulator), status: "MIGRATING", method: "full_amount_migration")
        let (status, out, err) = try await run(["wait", running, "--interval", "0.3", "--timeout", "60s"], simulator: simulator)
        let lines = out.split(separator: "\n").map(String.init)
        #expect(!lines.isEmpty, "\(out)\(err)")
        // One line per status change, the last one the end state; the exit status follows it. (At this
        // speed the task may already have ended by the first check: then its one line is the end state.)
        if lines.count >= 2 { #expect(lines.first?.hasSuffix("  MIGRATING") == true) }
        let last = lines.last ?? ""
        if last.hasSuffix("SUCCESS") {
            #expect(status == 0)
        } else {
            #expect(last.contains("FAILED") || last.contains("TERMINATED"), "\(last)")
            #expect(status == 1)
        }
    }

    @Test func eventsStreamsNDJSONAndStopsCleanlyOnSIGINT() async throws {
        let simulator = try await SimulatorProcess.demo(speed: 3_000)
        defer { simulator.stop() }
        let command = try RunningCommand(
            ["events", "--output", "ndjson", "--interval", "0.3", "--endpoint", simulator.url.absoluteString],
            environment: simulator.environment)
        let enough = try await OffPool.run {
            command.waitFor(60) { out, _ in
                let lines = out.split(separator: "\n")
                return lines.count >= 6 && Set(lines.compactMap { self.field($0, "status_category") }).count >= 2
            }
        }
        #expect(enough, "\(command.out)\(command.err)")
        command.signal(SIGINT)
        #expect(try await OffPool.run { command.finish(within: 10) } == 0)
        // At this speed new tasks may appear before the first listing: the count is 40 or a few more.
        let watching = command.err.split(separator: "\n").first { $0.hasPrefix("dcswatch: watching ") }
        #expect(watching?.hasSuffix(" tasks of default; changes follow") == true)
        #expect(watching.flatMap { Int($0.split(separator: " ")[2]) }.map { $0 >= 40 } == true)
        let lines = command.out.split(separator: "\n")
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let keys: Set<String> = [
                "error_message", "event", "name", "old_status", "status", "status_category", "target", "task_id", "time",
            ]
            // Sync changes (issue 16: the showcase tasks settle, fall behind, restart) add offset and progress.
            let sync = ["in_sync", "fell_behind", "restarted"].contains(object["event"] as? String ?? "")
            #expect(Set(object.keys) == (sync ? keys.union(["offset", "progress"]) : keys))
            #expect(["added", "removed", "status"].contains(object["event"] as? String ?? "") || sync)
        }
        #expect(lines.contains { field($0, "event") == "status" })
        expectNoPassword(command.out + command.err)
    }

    @Test func eventsTextLines() async throws {
        let simulator = try await SimulatorProcess.demo(speed: 3_000)
        defer { simulator.stop() }
        let command = try RunningCommand(
            ["events", "--interval", "0.3", "--endpoint", simulator.url.absoluteString], environment: simulator.environment)
        #expect(try await OffPool.run { command.waitFor(60) { out, _ in out.contains(" → ") } })
        command.signal(SIGINT)
        #expect(try await OffPool.run { command.finish(within: 10) } == 0)
        let change = try #require(command.out.split(separator: "\n").first { $0.contains(" → ") })
        // "2026-…Z  default  NAME (ID)  OLD → NEW"
        #expect(change.hasPrefix("20") && change.contains("Z  default  "))
    }

    @Test func showTableAndJSONWithoutPasswords() async throws {
        let simulator = try await SimulatorProcess.demo(speed: 1)
        defer { simulator.stop() }
        let all = try await tasks(simulator)
        let failed = try first(all, status: "FAILED")
        var (status, out, err) = try await run(["show", failed], simulator: simulator)
        #expect(status == 0, "\(err)")
        for heading in ["Task", "Detail", "Stats", "Logs"] { #expect(out.split(separator: "\n").contains { $0 == heading }) }
        #expect(value(out, "task_id") == failed)
        #expect(["vpc", "vpn"].contains(value(out, "network_type") ?? ""))
        #expect(value(out, "full_migration_progress")?.hasSuffix(" %") == true)
        #expect(value(out, "status") == "FAILED")
        #expect(out.contains("ERROR"))
        expectNoPassword(out + err)
        let online = try first(all, status: "MIGRATING")
        (status, out, err) = try await run(["show", online, "--output", "json"], simulator: simulator)
        #expect(status == 0, "\(err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect((object["task"] as? [String: Any])?["task_id"] as? String == online)
        let detail = try #require(object["detail"] as? [String: Any])
        #expect(detail["network_type"] is String)
        #expect((detail["target_instance"] as? [String: Any])?["password"] == nil)
        #expect((object["stats"] as? [String: Any])?["is_migrating"] as? Bool == true)
        #expect((object["logs"] as? [String: Any])?["offered"] as? Bool == true)
        expectNoPassword(out + err)
        // A cloud without the logs call (404): said quietly.
        try simulator.setFaults(["404/logs"])
        (status, out, _) = try await run(["show", failed], simulator: simulator)
        #expect(status == 0)
        #expect(out.contains("  logs not offered by this cloud"))
        (status, _, err) = try await run(["show", "no-such-task"], simulator: simulator)
        #expect(status == 1)
    }

    /// The value of a `  label   value` row of `show`'s table: aligned after the label, one space at least.
    func value(_ table: String, _ label: String) -> String? {
        for line in table.split(separator: "\n") where line.hasPrefix("  " + label + " ") {
            return line.dropFirst(2 + label.count).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// A top-level string field of an NDJSON line.
    func field(_ line: Substring, _ name: String) -> String? {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?[name] as? String
    }
}
