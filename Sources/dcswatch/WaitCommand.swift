import ArgumentParser
import DCSKit
import Foundation
import Logging

/// `dcswatch wait TASK…`: waits until the tasks finish (or, with `--until in-sync`, are in sync),
/// printing one line per status and sync change, for runbooks (issues 5 and 16). Exit 0 when all
/// reached the goal, 1 as soon as one fails or is stopped, 2 on a usage error or an unknown task, 3
/// on timeout.
struct WaitCommand: AsyncParsableCommand {
    /// Name, abstract and help text.
    static let configuration = CommandConfiguration(
        commandName: "wait",
        abstract:
            "Wait for migration tasks to finish (or be in sync); exit 0 when all did, 1 if one failed or stopped, 3 on timeout.",
        discussion: """
            TASK is a task id or an exact task name. One line per status change and sync change (in sync, fell
            behind, restarted) goes to stdout; API errors go to stderr and are retried (with backoff) until the
            timeout. A full+incremental migration stays MIGRATING until someone stops it: --until in-sync ends
            once its offset has been at or below --lag-threshold for --polls stats answers in a row (a full-only
            task counts once it succeeded). The stats of the running online tasks are asked every --interval.
            """
    )

    @OptionGroup var connection: ConnectionOptions

    @OptionGroup var sync: SyncOptions

    @Argument(help: ArgumentHelp("Task ids or exact names.", valueName: "task"))
    var tasks: [String] = []

    @Option(help: ArgumentHelp("Give up after this long: 90, 30s, 5m, 2h (default: no limit).", valueName: "duration"))
    var timeout: String?

    @Option(help: ArgumentHelp("Seconds between two checks (default 10).", valueName: "seconds"))
    var interval: Double = 10

    @Option(help: ArgumentHelp("done (every task succeeded, the default) or in-sync.", valueName: "goal"))
    var until: TaskWaiter.Goal = .done

    /// Checks the arguments before anything connects.
    func validate() throws {
        guard !tasks.isEmpty else { throw ValidationError("give at least one task id or name") }
        if let timeout, DurationText.parse(timeout) == nil {
            throw ValidationError("--timeout must be a duration such as 90, 30s, 5m or 2h")
        }
        guard interval >= TaskMonitor.minimumInterval, interval <= 3_600 else {
            throw ValidationError("--interval must be between \(TaskMonitor.minimumInterval) and 3600 seconds")
        }
    }

    /// What the wait loop reacts to.
    enum Input: Sendable {
        case monitor(MonitorEvent)
        case insight(InsightEvent)
        case timedOut
        case signalled(Int32)
    }

    /// Runs the command.
    func run() async throws {
        let connections = try connection.connectForScript()
        let (stream, continuation) = AsyncStream.makeStream(of: Input.self)
        let monitor = TaskMonitor(
            targets: connections.clients.map { MonitoredTarget(name: $0.target.name, listing: $0) },
            ticker: DispatchRefreshTicker(), interval: interval, now: LiveClock.now
        ) { continuation.yield(.monitor($0)) }
        let poller = WatchCommand.makePoller(
            targets: connections.clients.map { MonitoredTarget(name: $0.target.name, listing: $0) }, interval: interval,
            logger: Logger(label: "dcswatch.wait", factory: { _ in SwiftLogNoOpLogHandler() })
        ) { continuation.yield(.insight($0)) }
        let signals = StopSignals { continuation.yield(.signalled($0)) }
        let seconds = timeout.flatMap(DurationText.parse)
        let timer = Task {
            guard let seconds else { return }
            try await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
            continuation.yield(.timedOut)
        }
        monitor.start()
        poller.start()
        defer {
            timer.cancel()
            monitor.stop()
            poller.stop()
            signals.cancel()
        }
        var waiter = TaskWaiter(specs: tasks, goal: until, thresholds: sync.thresholds(config: connections.config))
        var failing: Set<String> = []
        for await input in stream {
            switch input {
            case .monitor(.refreshed(let target, let snapshot, _)):
                // Issue 7: after "(retrying)" lines, say that the fault cleared, or the last word on stderr is a failure.
                if failing.remove(target) != nil { printError("dcswatch: \(SafeText.line(target, limit: 60)): recovered") }
                let step = waiter.observe(snapshot, at: LiveClock.now())
                step.lines.forEach(StandardOutput.writeLine)
                poller.setTasks(waiter.pollableTasks)
                switch step.verdict {
                case .waiting: continue
                case .unresolved(let reason):
                    printError("dcswatch: " + reason)
                    throw ExitCode(2)
                case .allSucceeded, .failed:
                    throw ExitCode(step.verdict.exitStatus ?? 1)
                }
            case .monitor(.failed(let target, _, let failure)):
                failing.insert(target)
                printError("dcswatch: \(SafeText.line(target, limit: 60)): \(failure.message) (retrying)")
            case .monitor(.fetchStarted):
                continue
            case .insight(let insight):
                let step = waiter.observe(insight)
                step.lines.forEach(StandardOutput.writeLine)
                if step.verdict == .allSucceeded { throw ExitCode(0) }
            case .timedOut:
                printError(
                    "dcswatch: timed out after \(timeout ?? "") waiting for \(tasks.map { SafeText.line($0, limit: 80) }.joined(separator: ", "))"
                )
                throw ExitCode(3)
            case .signalled(let number):
                throw ExitCode(128 + number)
            }
        }
    }
}
