import ArgumentParser
import DCSKit
import DCSMetrics
import Foundation
import Logging

/// `dcswatch serve`: the monitor and the stats poller without a screen, their state exported for
/// Prometheus on `GET /metrics` (issue 18). A scrape reads what the last refresh and stats answers left;
/// it never calls the API. Stops cleanly (exit 0) on SIGTERM or SIGINT.
struct ServeCommand: AsyncParsableCommand {
    /// Name, abstract and help text.
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Export every migration task as Prometheus metrics on GET /metrics (and GET /healthz).",
        discussion: """
            Refreshes the task lists every --interval and the progress of running online migrations every \
            --stats-interval, as the dashboard does, and answers scrapes from memory. The endpoint has no \
            authentication: it listens on 127.0.0.1 unless --listen names another address. Logs go only to \
            --log-file. SIGTERM or SIGINT stop it (exit 0).
            """)

    /// Seconds between refreshes of the task lists unless the flag or the config says otherwise.
    static let defaultInterval: TimeInterval = 15
    /// Seconds between two stats calls of one task unless the flag or the config says otherwise: each
    /// running online task costs one call per interval (60 s: 1,000 such tasks are ~17 calls a second).
    static let defaultStatsInterval: TimeInterval = 60

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var sync: SyncOptions

    @Option(
        help: ArgumentHelp(
            "Seconds between refreshes of the task lists (default: config, else \(Int(defaultInterval))).",
            valueName: "seconds"))
    var interval: Double?

    @Option(
        name: .customLong("stats-interval"),
        help: ArgumentHelp(
            "Seconds between two progress (/stats) calls of a running online task (default: config, else "
                + "\(Int(defaultStatsInterval))).", valueName: "seconds"))
    var statsInterval: Double?

    @Option(
        help: ArgumentHelp(
            "IP address and port to listen on (a non-loopback one is warned about; port 0 picks one).",
            valueName: "addr:port"))
    var listen: String = ListenAddress.defaultText

    @Option(name: .customLong("log-file"), help: ArgumentHelp("Append logs to this file.", valueName: "path"))
    var logFile: String?

    /// Rejects intervals outside what the monitor and poller accept, and a malformed address.
    func validate() throws {
        if let interval, !(interval >= TaskMonitor.minimumInterval && interval <= 3600) {
            throw ValidationError("--interval must be between \(TaskMonitor.minimumInterval) and 3600 seconds")
        }
        if let statsInterval, !(statsInterval >= 1 && statsInterval <= 3600) {
            throw ValidationError("--stats-interval must be between 1 and 3600 seconds")
        }
        do { _ = try ListenAddress(parsing: listen) } catch { throw ValidationError(error.oneLineMessage) }
    }

    /// Connects, listens, runs the monitor and the poller until a stop signal, then stops all three.
    func run() async throws {
        let address = try ListenAddress(parsing: listen)
        let logger = try WatchCommand.makeLogger(path: logFile)
        let metrics = MigrationMetrics()
        let connections: TargetConnections
        do {
            connections = try connection.connect(logger: logger, requestObserver: metrics.requestObserver)
        } catch {
            printError("dcswatch: " + error.oneLineMessage)
            throw ExitCode(2)
        }
        for warning in connections.warnings { printError("dcswatch: warning: \(SafeText.line(warning))") }
        let config = connections.config
        metrics.judgeSync(by: sync.thresholds(config: config))
        let targets = connections.clients.map { MonitoredTarget(name: $0.target.name, listing: $0) }
        let poller = WatchCommand.makePoller(
            targets: targets, interval: statsInterval ?? config.statsIntervalSeconds ?? Self.defaultStatsInterval,
            logger: logger, publish: metrics.apply)
        let monitor = TaskMonitor(
            targets: targets, ticker: DispatchRefreshTicker(),
            interval: interval ?? config.refreshIntervalSeconds ?? Self.defaultInterval, now: LiveClock.now,
            logger: logger
        ) { event in
            metrics.apply(event)
            // Every running online task is polled (the poller drops the others), not the rows of a screen.
            if case .refreshed(_, let snapshot, _) = event { poller.setTasks(snapshot.watchedTasks) }
        }

        let (stops, stop) = AsyncStream.makeStream(of: Int32.self)
        let signals = StopSignals { stop.yield($0) }
        defer { signals.cancel() }
        let server = MetricsServer(metrics: metrics, logger: logger)
        let bound: ListenAddress
        do {
            bound = try await server.start(address)
        } catch {
            printError("dcswatch: cannot listen on \(address): \(error); choose another --listen")
            throw ExitCode(1)
        }
        if !bound.isLoopback {
            let warning =
                "\(bound) is not a loopback address and the endpoint has no authentication: anyone who can "
                + "reach it reads every task's name, status and progress (firewall it, or put an authenticating proxy in front)"
            printError("dcswatch: warning: " + warning)
            logger.warning("\(warning)")
        }
        // Read by people and by tests that ask for port 0.
        printError("dcswatch: serving metrics on http://\(bound)/metrics")
        logger.info("serving metrics on http://\(bound)/metrics for \(targets.count) target(s)")
        monitor.start()
        poller.start()
        var signal: Int32 = 0
        for await number in stops {
            signal = number
            break
        }
        monitor.stop()
        poller.stop()
        await server.stop()
        logger.info("serve stopped by signal \(signal)")
    }
}
