import DCSSimulator
import DCSTestSupport
import Foundation
import Testing

/// Issue 18 end to end: a real Prometheus (Debian's package) scrapes `dcswatch serve`, which watches
/// `dcswatch simulate`; what Prometheus's query API answers is what dashboards and alerts would see.
@Suite("Prometheus end to end", .serialized, .requires(.dcswatch, .prometheus))
struct PrometheusEndToEndTests {
    /// The simulator's task ids, as `list --output json` reports them.
    func taskIDs(_ simulator: SimulatorProcess) async throws -> Set<String> {
        let (status, out, err) = try await run(["list", "--output", "json"], simulator: simulator)
        try #require(status == 0, "\(err)")
        let records = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
        return Set(records.compactMap { $0["task_id"] as? String })
    }

    func run(_ arguments: [String], simulator: SimulatorProcess) async throws -> (Int32?, String, String) {
        let command = try RunningCommand(
            arguments + ["--endpoint", simulator.url.absoluteString], environment: simulator.environment)
        let status = try await OffPool.run { command.finish(within: 60) }
        return (status, command.out, command.err)
    }

    /// `serve` on a free loopback port, refreshing every `interval` seconds; its `HOST:PORT` from its
    /// first line.
    func serve(_ simulator: SimulatorProcess, interval: String = "0.5") async throws -> (RunningCommand, String) {
        let serve = try RunningCommand(
            [
                "serve", "--endpoint", simulator.url.absoluteString, "--listen", "127.0.0.1:0", "--interval", interval,
                "--stats-interval", interval == "0.5" ? "1" : interval,
            ], environment: simulator.environment)
        _ = try await OffPool.run { serve.waitFor(20) { _, err in err.contains("/metrics") } }
        let range = try #require(
            serve.err.range(of: #"127\.0\.0\.1:[0-9]+(?=/metrics)"#, options: .regularExpression),
            "no address in: \(serve.err)")
        return (serve, String(serve.err[range]))
    }

    /// The label `name` of every series of a query result.
    static func labels(_ result: [PrometheusProcess.Series], _ name: String) -> [String] {
        result.compactMap { $0.labels[name] }
    }

    @Test func prometheusSeesEveryTaskAndAStatusChangeAndServeStopsCleanly() async throws {
        let simulator = try await SimulatorProcess.demo(speed: 0)
        defer { simulator.stop() }
        let ids = try await taskIDs(simulator)
        try #require(ids.count >= 10)
        let (serve, address) = try await serve(simulator)
        let prometheus = try await OffPool.run { try PrometheusProcess(scraping: address) }
        defer { prometheus.stop() }

        let info = try await OffPool.run {
            try prometheus.waitFor("dcswatch_migration_task_info", timeout: 20) { Set(Self.labels($0, "task_id")) == ids }
        }
        #expect(Set(Self.labels(info, "task_id")) == ids)
        #expect(Self.labels(info, "target").allSatisfy { $0 == "default" })
        let up = try await OffPool.run { try prometheus.query(#"up{job="dcswatch"} == 1 and on(job) dcswatch_target_up == 1"#) }
        #expect(up.count == 1)

        // A running task fails in the simulator: the next refresh replaces its status series.
        let running = try await OffPool.run { try prometheus.query(#"dcswatch_migration_task_status{category="running"}"#) }
        let taskID = try #require(Self.labels(running, "task_id").sorted().first)
        try simulator.setStatus("FAILED", of: taskID)
        let status = try await OffPool.run {
            try prometheus.waitFor(#"dcswatch_migration_task_status{task_id="\#(taskID)"}"#, timeout: 15) {
                Self.labels($0, "status") == ["FAILED"]
            }
        }
        #expect(Self.labels(status, "status") == ["FAILED"])
        #expect(Self.labels(status, "category") == ["failed"])

        // Stats of running online tasks and the request counters made it too.
        let offsets = try await OffPool.run {
            try prometheus.waitFor("dcswatch_migration_task_incremental_offset", timeout: 15) { !$0.isEmpty }
        }
        #expect(!offsets.isEmpty)
        let calls = try await OffPool.run { try prometheus.query(#"sum by (call) (dcswatch_api_requests_total{code="200"})"#) }
        #expect(Set(Self.labels(calls, "call")).isSuperset(of: ["list", "stats"]))

        // What Prometheus parsed, promtool accepts as well.
        let url = try #require(URL(string: "http://\(address)/metrics"))
        let (code, body) = try await OffPool.run { try PrometheusProcess.get(url) }
        #expect(code == 200)
        let verdict = try Promtool.checkMetrics(body)
        #expect(verdict.status == 0, "\(verdict.output)")

        serve.signal(SIGTERM)
        let exit = try await OffPool.run { serve.finish(within: 10) }
        #expect(exit == 0, "\(serve.err)")
    }

    @Test func textfileOutputPassesPromtoolWithHostileNames() async throws {
        let simulator = try await SimulatorProcess.demo(speed: 0)
        defer { simulator.stop() }
        let ids = try await taskIDs(simulator)
        try simulator.setFaults(["hostile"])
        let (status, out, err) = try await run(["list", "--output", "prometheus"], simulator: simulator)
        #expect(status == 0, "\(err)")
        let verdict = try Promtool.checkMetrics(Array(out.utf8))
        #expect(verdict.status == 0, "\(verdict.output)")
        #expect(!out.utf8.contains(0x1B))
        let listed = out.split(separator: "\n").filter { $0.hasPrefix("dcswatch_migration_task_info{") }
        #expect(listed.count == ids.count)
        for id in ids { #expect(out.contains(#"task_id="\#(id)""#)) }
        #expect(out.contains("dcswatch_migration_task_incremental_offset{"))
        #expect(out.contains(#"dcswatch_target_up{target="default"} 1"#))
        // No secret in any label: not the secret key, not a password the scenario's details hold.
        let passwords = Scenario(seed: 1, taskCount: 40, speed: 0, epoch: Date()).tasks.flatMap { task in
            [task.targetInstance.password, task.sourcePassword] + (task.sourceInstance.map { [$0.password] } ?? [])
        }
        for secret in passwords + [SimulatorConfiguration.demoSecretKey] where !secret.isEmpty {
            #expect(!out.contains(secret))
        }
    }

    @Test func scrapesAreAnsweredFromMemoryWithoutAPICalls() async throws {
        let simulator = try await SimulatorProcess.demo(speed: 0)
        defer { simulator.stop() }
        let (serve, address) = try await serve(simulator, interval: "3600")
        let url = try #require(URL(string: "http://\(address)/metrics"))
        let requests = { (text: String) -> [String] in
            text.split(separator: "\n").filter { $0.hasPrefix("dcswatch_api_requests_total{") }.map(String.init).sorted()
        }
        // The first refresh and the first round of stats calls start at once; once the counters stand
        // still (the next calls are an hour away), twenty scrapes must not move them.
        var first = ""
        var previous = ["none"]
        for _ in 0..<100 where requests(first) != previous || !first.contains("call=\"stats\"") {
            previous = requests(first)
            try await Task.sleep(for: .milliseconds(300))
            first = String(decoding: try await OffPool.run { try PrometheusProcess.get(url) }.body, as: UTF8.self)
        }
        var last = first
        for _ in 0..<20 { last = String(decoding: try await OffPool.run { try PrometheusProcess.get(url) }.body, as: UTF8.self) }
        #expect(!requests(first).isEmpty)
        #expect(requests(last) == requests(first))
        serve.signal(SIGINT)
        #expect(try await OffPool.run { serve.finish(within: 10) } == 0)
    }

    @Test func anAddressInUseFailsAtOnceWithWhatToDo() async throws {
        let occupant = try ScriptedHTTPServer { _ in .json(200, "{}") }
        defer { occupant.stop() }
        let port = try #require(occupant.baseURL.port)
        let command = try RunningCommand(
            ["serve", "--endpoint", "http://127.0.0.1:1", "--project-id", "p", "--listen", "127.0.0.1:\(port)"],
            environment: ["HUAWEICLOUD_SDK_AK": "AKTEST", "HUAWEICLOUD_SDK_SK": "SKTEST"])
        let status = try await OffPool.run { command.finish(within: 20) }
        #expect(status == 1)
        #expect(command.err.contains("cannot listen on 127.0.0.1:\(port)"))
        #expect(command.err.contains("choose another --listen"))
        // FlyingFox's own wait would take 10 s; the bind failure ends it at once.
        #expect((command.exitSeconds ?? 99) < 5)
    }

    @Test func aHostNameForListenIsRefusedBeforeAnythingStarts() async throws {
        let command = try RunningCommand(["serve", "--listen", "localhost:9876"], environment: [:])
        let status = try await OffPool.run { command.finish(within: 20) }
        #expect(status == 2)
        #expect(command.err.contains("--listen localhost:9876 is not ADDR:PORT with an IP address"))
    }
}
