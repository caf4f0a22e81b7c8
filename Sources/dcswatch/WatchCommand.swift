import ArgumentParser
import CursesTerminal
import DCSKit
import DCSSimulator
import DashboardUI
import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// `dcswatch watch`, also plain `dcswatch`: the live dashboard (issue 4). The composition root of the
/// dashboard: builds the clients (or the in-process simulator for `--demo`), the monitor with its
/// Dispatch ticker, the log handler, the environment it reads (`NO_COLOR`, `TMUX`), and hands them to
/// the session (`DashboardSession`).
struct WatchCommand: AsyncParsableCommand {
    /// Name, help and discussion of the subcommand.
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Watch every migration task live: filter, sort, details, refreshed in the background.",
        discussion: "Press ? for every key; q quits. With --demo, an embedded simulator runs on 127.0.0.1 and the "
            + "dashboard talks to it through the real client, AK/SK signing included. Logs go only to --log-file, "
            + "never to the screen. For scripts and pipes use `dcswatch list`."
    )

    @OptionGroup var connection: ConnectionOptions

    @OptionGroup var sync: SyncOptions

    @Option(
        help: ArgumentHelp(
            "Seconds between refreshes (default: config, else \(Int(TaskMonitor.defaultInterval))).", valueName: "seconds"))
    var interval: Double?

    @Flag(help: "Allow writes (Space marks, a acts; else the config's allow_write must be true; a target's read_only wins).")
    var write = false

    @Flag(help: "Watch the embedded simulator instead of a cloud: no account needed.")
    var demo = false

    @Option(name: .customLong("log-file"), help: ArgumentHelp("Append logs to this file.", valueName: "path"))
    var logFile: String?

    @Flag(name: .customLong("no-color"), help: "No colours (also when NO_COLOR is set); statuses keep words and symbols.")
    var noColor = false

    @Option(
        name: .customLong("notify"),
        help: ArgumentHelp(
            "When a task fails or succeeds: off, bell, or on (bell and a desktop notification escape). Default: config, else bell.",
            valueName: "mode"))
    var notify: String?

    @Option(
        name: .customLong("stats-interval"),
        help: ArgumentHelp(
            "Seconds between two progress (/stats) calls of a running task (default: config, else 10).", valueName: "seconds"))
    var statsInterval: Double?

    @Flag(
        inversion: .prefixedNo,
        help: "Show the detail pane beside or below the list (default: config, else shown; `d` toggles it).")
    var detailPane: Bool?

    /// Rejects an interval outside what the monitor accepts.
    func validate() throws {
        if let interval, !(interval >= TaskMonitor.minimumInterval && interval <= 3600) {
            throw ValidationError("--interval must be between \(TaskMonitor.minimumInterval) and 3600 seconds")
        }
        if let notify, NotificationMode(rawValue: notify) == nil {
            throw ValidationError("--notify must be off, bell or on")
        }
        if let statsInterval, !(statsInterval >= 1 && statsInterval <= 3600) {
            throw ValidationError("--stats-interval must be between 1 and 3600 seconds")
        }
    }

    /// Builds the targets (or the demo), the monitor and the session; exits 128+signal when signalled.
    func run() async throws {
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            printError("dcswatch: the dashboard needs a terminal; for scripts and pipes use `dcswatch list`")
            throw ExitCode(2)
        }
        let logger = try Self.makeLogger(path: logFile)
        var simulator: SimulatorServer?
        let targets: [MonitoredTarget]
        var configuredInterval: Double?
        var config = DCSWatchConfig()
        var resolved: [ResolvedTarget] = []
        if demo {
            let server = SimulatorServer(configuration: SimulatorConfiguration(), logger: logger)
            simulator = server
            targets = [try await Self.demoTarget(server: server, logger: logger)]
            resolved = targets.compactMap { ($0.listing as? DCSClient)?.target }
        } else {
            let connections: TargetConnections
            do {
                connections = try connection.connect(logger: logger)
            } catch {
                printError("dcswatch: " + error.oneLineMessage)
                throw ExitCode(2)
            }
            for warning in connections.warnings { logger.warning("\(warning)") }
            configuredInterval = connections.config.refreshIntervalSeconds
            config = connections.config
            targets = connections.clients.map { MonitoredTarget(name: $0.target.name, listing: $0) }
            resolved = connections.clients.map(\.target)
        }
        let seconds = max(interval ?? configuredInterval ?? TaskMonitor.defaultInterval, TaskMonitor.minimumInterval)
        let wakePipe = WakePipe()
        let inbox = MonitorInbox(wake: { wakePipe?.wake() })
        let insights = InsightInbox(wake: { wakePipe?.wake() })
        let poller = Self.makePoller(
            targets: targets, interval: statsInterval ?? config.statsIntervalSeconds ?? StatsPoller.defaultInterval,
            logger: logger, publish: insights.post)
        let monitor = TaskMonitor(
            targets: targets, ticker: DispatchRefreshTicker(), interval: seconds, now: LiveClock.now, logger: logger
        ) { event in
            // The poller is told what to poll by the dashboard (the rows on screen and the selection).
            inbox.post(event)
        }
        let wantColor = !noColor && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        var session = DashboardSession.Configuration(monitor: monitor, inbox: inbox, interval: seconds, wantColor: wantColor)
        session.poller = poller
        session.now = LiveClock.now
        session.insights = insights
        session.notifications = NotificationPolicy(
            mode: notify.flatMap(NotificationMode.init(rawValue:)) ?? config.notifications ?? .bell,
            categories: config.notifyOn ?? NotificationPolicy.defaultCategories,
            syncChanges: config.notifyOnSync ?? NotificationPolicy.defaultSyncChanges,
            escape: config.notificationEscape ?? .osc9)
        session.syncThresholds = sync.thresholds(config: config)
        session.showsDetailPane = detailPane ?? config.detailPane ?? true
        session.wakePipe = wakePipe
        session.insideTmux = !(ProcessInfo.processInfo.environment["TMUX"] ?? "").isEmpty
        Self.attachWrites(
            WritePermission(writeFlag: write, config: config), targets: targets, resolved: resolved, logger: logger,
            wake: { wakePipe?.wake() }, to: &session)
        let outcome: DashboardSession.Outcome
        do {
            outcome = try await DashboardSession.run(session)
        } catch {
            await simulator?.stop()
            printError("dcswatch: cannot use this terminal (\(error)); check TERM, or use `dcswatch list`")
            throw ExitCode(2)
        }
        logger.info("dashboard ended: \(outcome)")
        await simulator?.stop()
        if outcome != .quit { throw ExitCode(outcome.exitStatus) }
    }

    /// The stats poller over every target whose lister can also fetch stats, detail and logs.
    static func makePoller(
        targets: [MonitoredTarget], interval: TimeInterval, logger: Logger, publish: @escaping @Sendable (InsightEvent) -> Void
    ) -> StatsPoller {
        var sources: [String: any TaskInsightSource] = [:]
        for target in targets {
            if let source = target.listing as? any TaskInsightSource { sources[target.name] = source }
        }
        return StatsPoller(
            sources: sources, ticker: DispatchRefreshTicker(), interval: interval, now: LiveClock.now, logger: logger,
            publish: publish)
    }

    /// Starts the simulator on 127.0.0.1 (a free port) and builds a real client for it, signing with
    /// the demo AK/SK, so `--demo` exercises the same code as a cloud.
    static func demoTarget(server: SimulatorServer, logger: Logger) async throws -> MonitoredTarget {
        let url = try await server.start(port: 0)
        let credentials = SigningCredentials(
            accessKey: SimulatorConfiguration.demoAccessKey, secretKey: SimulatorConfiguration.demoSecretKey)
        let target = ResolvedTarget(
            name: "demo", endpoint: url, projectID: SimulatorConfiguration.demoProjectID, auth: .signing(credentials),
            credentialSource: "demo simulator")
        let client = DCSClient(
            target: target, transport: URLSessionTransport(connectTimeout: 5, requestTimeout: 15),
            options: ClientOptions(connectTimeout: 5, requestTimeout: 15, maxRetries: 1), now: LiveClock.now, logger: logger)
        logger.info("demo simulator listening on \(url)")
        return MonitoredTarget(name: target.name, listing: client)
    }

    /// Turns writes on in the session when the permission allows (issue 17): a client per target that
    /// is not `read_only`, and the refusal of each one that is.
    static func attachWrites(
        _ permission: WritePermission, targets: [MonitoredTarget], resolved: [ResolvedTarget], logger: Logger,
        wake: @escaping @Sendable () -> Void, to session: inout DashboardSession.Configuration
    ) {
        guard permission.writesOn else { return }
        var refusals: [String: String] = [:]
        for target in resolved { refusals[target.name] = permission.refusal(for: target) }
        var clients: [String: DCSClient] = [:]
        for target in targets where refusals[target.name] == nil {
            if let client = target.listing as? DCSClient { clients[target.name] = client }
        }
        let inbox = ActionInbox(wake: wake)
        session.writeAccess = WriteAccess(writesOn: true, refusals: refusals)
        session.actor = DashboardActions(clients: clients, inbox: inbox, logger: logger)
        session.actions = inbox
    }
}
