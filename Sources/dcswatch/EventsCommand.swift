import ArgumentParser
import DCSKit
import Foundation
import Logging

/// `dcswatch events`: streams every change of every task (the dashboard's monitor and diff, and the
/// sync changes of the running online tasks from their stats) as one line each, until interrupted
/// (issues 5 and 16). SIGINT or SIGTERM ends it with status 0.
struct EventsCommand: AsyncParsableCommand {
    /// Name, abstract and help text.
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Stream task changes (new, gone, status and sync changes) as text or NDJSON until interrupted.",
        discussion: """
            The first listing of each target is the baseline and prints nothing (stderr says how many tasks
            are watched); every later change prints one line. The stats of every running online task are asked
            every --interval (at most 4 calls at once) for the sync changes in_sync, fell_behind and restarted.
            With --output ndjson each line is a JSON object with the keys event, time, target, task_id, name,
            old_status, status, status_category, error_message, and offset and progress for sync changes.
            """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, ndjson
    }

    @OptionGroup var connection: ConnectionOptions

    @OptionGroup var sync: SyncOptions

    @Option(help: ArgumentHelp("text or ndjson.", valueName: "format"))
    var output: Format = .text

    @Option(help: ArgumentHelp("Seconds between two listings (default: config, else 10).", valueName: "seconds"))
    var interval: Double?

    /// Checks the arguments before anything connects.
    func validate() throws {
        if let interval, !(interval >= TaskMonitor.minimumInterval && interval <= 3_600) {
            throw ValidationError("--interval must be between \(TaskMonitor.minimumInterval) and 3600 seconds")
        }
    }

    /// What the loop reacts to.
    enum Input: Sendable {
        case monitor(MonitorEvent)
        case insight(InsightEvent)
        case signalled(Int32)
    }

    /// Runs the command.
    func run() async throws {
        let connections = try connection.connectForScript()
        let (stream, continuation) = AsyncStream.makeStream(of: Input.self)
        let targets = connections.clients.map { MonitoredTarget(name: $0.target.name, listing: $0) }
        let seconds = interval ?? connections.config.refreshIntervalSeconds ?? TaskMonitor.defaultInterval
        let monitor = TaskMonitor(targets: targets, ticker: DispatchRefreshTicker(), interval: seconds, now: LiveClock.now) {
            continuation.yield(.monitor($0))
        }
        let poller = WatchCommand.makePoller(
            targets: targets, interval: seconds,
            logger: Logger(label: "dcswatch.events", factory: { _ in SwiftLogNoOpLogHandler() })
        ) { continuation.yield(.insight($0)) }
        let signals = StopSignals { continuation.yield(.signalled($0)) }
        monitor.start()
        poller.start()
        defer {
            monitor.stop()
            poller.stop()
            signals.cancel()
        }
        var log = EventLog(capacity: 1)
        var failing: Set<String> = []
        let thresholds = sync.thresholds(config: connections.config)
        // The running online tasks as last listed, and their sync state.
        var online: [TaskKey: WatchedTask] = [:]
        var trackers: [TaskKey: SyncTracker] = [:]
        for await input in stream {
            switch input {
            case .monitor(.refreshed(let target, let snapshot, let diff)):
                // Issue 7: after "(retrying)" lines, say that the fault cleared, or the last word on stderr is a failure.
                if failing.remove(target) != nil { printError("dcswatch: \(SafeText.line(target, limit: 60)): recovered") }
                let fetched = snapshot.targets.first { $0.name == target }?.fetchedAt ?? LiveClock.now()
                let baseline = !log.hasBaseline(target)
                for event in log.record(target: target, diff: diff, at: fetched) {
                    StandardOutput.writeLine(output == .ndjson ? try event.jsonLine() : event.textLine())
                }
                if baseline {
                    let count = snapshot.targets.first { $0.name == target }?.tasks.count ?? 0
                    printError("dcswatch: watching \(count) tasks of \(SafeText.line(target, limit: 60)); changes follow")
                }
                let pollable = snapshot.watchedTasks.filter(StatsPoller.isPollable)
                online = Dictionary(pollable.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
                trackers = trackers.filter { online[$0.key] != nil }
                poller.setTasks(pollable)
            case .insight(let insight):
                guard insight.isStats, let watched = online[insight.key] else { continue }
                var tracker = trackers[insight.key] ?? SyncTracker(thresholds: thresholds)
                if let event = tracker.record(insight, for: watched) {
                    StandardOutput.writeLine(output == .ndjson ? try event.jsonLine() : event.textLine())
                }
                trackers[insight.key] = tracker
            case .monitor(.failed(let target, _, let failure)):
                failing.insert(target)
                printError("dcswatch: \(SafeText.line(target, limit: 60)): \(failure.message) (retrying)")
            case .monitor(.fetchStarted):
                continue
            case .signalled:
                // Every line was written unbuffered: nothing left to flush.
                return
            }
        }
    }
}
