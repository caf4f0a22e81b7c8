import ArgumentParser
import DCSKit
import Foundation

/// `dcswatch events`: streams every change of every task (the dashboard's monitor and diff) as one
/// line each, until interrupted (issue 5). SIGINT or SIGTERM ends it with status 0.
struct EventsCommand: AsyncParsableCommand {
    /// Name, abstract and help text.
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Stream task changes (new, gone, status changes) as text or NDJSON until interrupted.",
        discussion: """
            The first listing of each target is the baseline and prints nothing (stderr says how many tasks
            are watched); every later change prints one line. With --output ndjson each line is a JSON object
            with the keys event, time, target, task_id, name, old_status, status, status_category,
            error_message.
            """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, ndjson
    }

    @OptionGroup var connection: ConnectionOptions

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
        case signalled(Int32)
    }

    /// Runs the command.
    func run() async throws {
        let connections = try connection.connectForScript()
        let (stream, continuation) = AsyncStream.makeStream(of: Input.self)
        let monitor = TaskMonitor(
            targets: connections.clients.map { MonitoredTarget(name: $0.target.name, listing: $0) },
            ticker: DispatchRefreshTicker(), interval: interval ?? connections.config.refreshIntervalSeconds ?? 10,
            now: LiveClock.now
        ) { continuation.yield(.monitor($0)) }
        let signals = StopSignals { continuation.yield(.signalled($0)) }
        monitor.start()
        defer {
            monitor.stop()
            signals.cancel()
        }
        var log = EventLog(capacity: 1)
        var failing: Set<String> = []
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
