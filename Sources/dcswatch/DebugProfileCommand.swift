import ArgumentParser
import DCSKit
import DCSSimulator
import DashboardUI
import Foundation

/// `dcswatch debug profile`: the data path of a large project, stage by stage, in one process and
/// without a network or a terminal — an in-process simulator, the real client, the task catalog the
/// dashboard filters, and the `list` formatters — with the time and peak memory of each stage. For
/// profiling the 100,000-task figures of issue 6 (`valgrind --tool=callgrind dcswatch debug profile`).
struct DebugProfileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Time the fetch, filter and list stages on an in-process simulator.")

    @Option(help: "How many tasks the in-process simulator holds.")
    var tasks = 100_000

    @Option(help: "Stages to run, comma-separated: fetch, filter, list, render.")
    var stages = "fetch,filter,list,render"

    @Option(help: "Fetch from this simulator instead of an in-process one (its memory is then not counted).")
    var endpoint: String?

    @Option(help: "Filter keystrokes: the texts typed one after the other, comma-separated.")
    var keys = "p,pa,pay,pa,p,,o,or,ord"

    func run() async throws {
        let wanted = Set(stages.split(separator: ",").map(String.init))
        let remote = endpoint.flatMap { URL(string: $0) }
        let transport: any HTTPTransport =
            remote.map { _ in LiveTransport.make().transport }
            ?? SimulatorRouter(configuration: SimulatorConfiguration(taskCount: tasks, seed: 7, speed: 0))
        let target = ResolvedTarget(
            name: "sim", endpoint: remote ?? URL(string: "http://127.0.0.1:1") ?? URL(fileURLWithPath: "/"),
            projectID: SimulatorConfiguration.demoProjectID,
            auth: .signing(
                SigningCredentials(
                    accessKey: SimulatorConfiguration.demoAccessKey, secretKey: SimulatorConfiguration.demoSecretKey)))
        let client = DCSClient(target: target, transport: transport)
        report("start", seconds: 0)
        var clock = DispatchTime.now().uptimeNanoseconds
        func lap() -> Double {
            let now = DispatchTime.now().uptimeNanoseconds
            defer { clock = now }
            return Double(now - clock) / 1e9
        }
        let collection = try await client.listAllTasks()
        report("fetch \(collection.tasks.count) tasks", seconds: lap())
        if wanted.contains("fetch") {
            _ = try await client.listAllTasks()
            report("fetch again (unchanged pages)", seconds: lap())
        }
        if wanted.contains("filter") {
            let catalog = TaskCatalog(
                snapshot: DCSKit.TaskSnapshot(targets: [TargetSnapshot(name: "sim", tasks: collection.tasks)]))
            report("catalog", seconds: lap())
            catalog.prepare()
            report("catalog keys", seconds: lap())
            let sort = TaskSort()
            let all = catalog.sortedIndices(sort)
            report("sort by status", seconds: lap())
            var rows = all
            var previous = TaskQuery()
            for text in keys.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
                let query = (try? TaskQuery.parse(text).get()) ?? TaskQuery()
                // As the dashboard: a query that narrows the previous one filters the previous rows.
                let candidates = query.narrows(previous) && !previous.isEmpty ? rows : all
                rows = catalog.filter(candidates, query: query, hiding: [])
                _ = TaskRows(catalog: catalog, order: rows)
                previous = query
                report("filter \"\(text)\" → \(rows.count) rows", seconds: lap())
            }
        }
        if wanted.contains("render") {
            renderFrames(collection)
            _ = lap()
        }
        if wanted.contains("list") {
            let watched = collection.tasks.map { WatchedTask(target: "sim", task: $0) }
            let shown = ListSelection().apply(watched)
            report("list sort", seconds: lap())
            var sink = CountingSink()
            TaskJSONFormatter().write(shown, to: &sink)
            report("list json (\(sink.bytes / 1_048_576) MiB)", seconds: lap())
        }
    }

    /// The dashboard's frames at 120×40, as an idle dashboard draws them: once a second, one second
    /// apart, nothing else changed (issue 6: idle CPU). Reports the median and the worst frame.
    private func renderFrames(_ collection: TaskCollection) {
        let start = Date()
        let snapshot = DCSKit.TaskSnapshot(targets: [TargetSnapshot(name: "sim", tasks: collection.tasks, fetchedAt: start)])
        var state = DashboardState(
            snapshot: snapshot, interval: 2, size: TerminalSize(columns: 120, rows: 40), now: start)
        // As the dashboard loop renders: the task list is copied while its inputs stay equal.
        var renderer = FrameRenderer()
        var previous = renderer.render(state)
        var times: [Double] = []
        var changedCells = 0
        for second in 1...300 {
            state.now = start.addingTimeInterval(Double(second))
            let began = DispatchTime.now().uptimeNanoseconds
            let frame = renderer.render(state)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9)
            changedCells += zip(frame.cells, previous.cells).filter { $0 != $1 }.count
            previous = frame
        }
        times.sort()
        report(
            String(
                format: "render 120×40: median %.2f ms, max %.2f ms, %d cells changed/frame",
                times[times.count / 2] * 1000, (times.last ?? 0) * 1000, changedCells / times.count),
            seconds: times.reduce(0, +))
    }

    /// One line: stage, seconds, VmHWM and VmRSS.
    private func report(_ stage: String, seconds: Double) {
        let memory = Self.memory()
        print(
            String(
                format: "%-40@ %8.3f s  hwm %6.1f MiB  rss %6.1f MiB", stage as NSString, seconds, memory.peak, memory.resident))
    }

    /// VmHWM and VmRSS of this process in MiB (Linux; zeros elsewhere).
    static func memory() -> (peak: Double, resident: Double) {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (0, 0) }
        func value(_ name: String) -> Double {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) }) else { return 0 }
            return Double(line.split(separator: " ").dropFirst().first.map(String.init) ?? "0").map { $0 / 1024 } ?? 0
        }
        return (value("VmHWM:"), value("VmRSS:"))
    }
}

/// A `TextOutputStream` that only counts bytes.
private struct CountingSink: TextOutputStream {
    var bytes = 0

    mutating func write(_ string: String) {
        bytes += string.utf8.count
    }
}
