import DCSKit
import DashboardUI
import Foundation

/// Runs the dashboard on the terminal: sets up signals and curses, starts the monitor, runs the UI
/// loop on a thread of its own (curses and the UI state belong to that one thread), and restores the
/// terminal however the loop ends.
public enum DashboardSession {
    /// How the session ended, for the exit status.
    public enum Outcome: Sendable, Hashable {
        /// `q` or Ctrl-C.
        case quit
        /// The terminal went away (EOF/hang-up on input).
        case terminalClosed
        /// A signal asked us to stop.
        case signalled(Int32)

        /// The conventional exit status: 0 on quit, 128 + signal otherwise (SIGHUP for a lost terminal).
        public var exitStatus: Int32 {
            switch self {
            case .quit: return 0
            case .terminalClosed: return 128 + SIGHUP
            case .signalled(let signal): return 128 + signal
            }
        }
    }

    /// Everything the session needs, built by the composition root.
    public struct Configuration: Sendable {
        /// The monitor publishing into `inbox`.
        public var monitor: TaskMonitor
        /// Where the monitor's events arrive.
        public var inbox: MonitorInbox
        /// The initial refresh interval, seconds.
        public var interval: TimeInterval
        /// False for `--no-color` / `NO_COLOR`.
        public var wantColor: Bool
        /// The wall clock.
        public var now: @Sendable () -> Date
        /// The stats poller (stats, detail, logs), when attached.
        public var poller: StatsPoller?
        /// Where the poller's events arrive.
        public var insights: InsightInbox?
        /// Which finished tasks ring or notify, and how.
        public var notifications = NotificationPolicy(mode: .bell)
        /// True to start with the detail pane shown (`d` toggles it).
        public var showsDetailPane = true
        /// Woken by the inboxes' posts (the composition root wires them) and by stop signals, so the
        /// loop waits for keys without polling often; nil polls every 100 ms.
        public var wakePipe: WakePipe?

        /// Builds a configuration.
        public init(
            monitor: TaskMonitor, inbox: MonitorInbox, interval: TimeInterval, wantColor: Bool,
            now: @escaping @Sendable () -> Date = { Date() }
        ) {
            self.monitor = monitor
            self.inbox = inbox
            self.interval = interval
            self.wantColor = wantColor
            self.now = now
        }
    }

    /// Runs until the user quits, a signal arrives or the terminal goes away. Throws only when the
    /// terminal cannot be set up (then nothing was changed on it).
    public static func run(_ configuration: Configuration) async throws -> Outcome {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try runOnCurrentThread(configuration) })
            }
            thread.name = "dcswatch.ui"
            thread.start()
        }
    }

    /// The blocking body, on the UI thread.
    static func runOnCurrentThread(_ configuration: Configuration) throws -> Outcome {
        let stopper = LoopStopper(wakePipe: configuration.wakePipe)
        // Signals first: ncurses installs its own SIGINT/SIGTERM handlers only where the action is
        // still the default, and ours must win so that the normal restore path runs.
        let signals = TerminalSignals { signal in stopper.stop(signal) }
        defer { signals.cancel() }
        // The first fetch starts before curses is set up: the first frame with data comes sooner
        // (issue 6); if the terminal cannot be set up, the deferred stop ends it.
        let monitor = configuration.monitor
        monitor.start()
        defer { monitor.stop() }
        let screen = try CursesScreen(wantColor: configuration.wantColor, wakePipe: configuration.wakePipe)
        defer { screen.end() }
        var state = DashboardState(
            snapshot: monitor.snapshot, interval: configuration.interval, size: screen.size, now: configuration.now(),
            symbols: screen.isUTF8 ? .unicode : .ascii)
        state.fetchesInsights = configuration.poller != nil
        state.notifications = configuration.notifications
        state.showsDetailPane = configuration.showsDetailPane
        let poller = configuration.poller
        let policy = configuration.notifications
        let insideTmux = !(ProcessInfo.processInfo.environment["TMUX"] ?? "").isEmpty
        let loop = DashboardLoop(
            state: state, screen: screen, inbox: configuration.inbox, insights: configuration.insights,
            now: configuration.now
        ) { effect in
            switch effect {
            case .refreshNow:
                monitor.refreshNow()
                poller?.pollNow()
            case .setPaused(let paused):
                monitor.setPaused(paused)
                poller?.setPaused(paused)
            case .setInterval(let seconds): monitor.setInterval(seconds)
            case .loadDetail(let task): poller?.requestDetail(task)
            case .loadLogs(let task): poller?.requestLogs(task)
            case .prefetch(let task, let logs): poller?.prefetch(task, logs: logs)
            case .pollTasks(let tasks): poller?.setTasks(tasks)
            case .notify(let title, let body):
                // Only in mode `on` (the reducer asks only then; checked again at the boundary).
                guard policy.mode == .on else { return }
                screen.writeEscape(
                    TerminalEscapes.notification(title: title, body: body, escape: policy.escape, insideTmux: insideTmux))
            case .copyToClipboard(let text):
                if let sequence = TerminalEscapes.osc52(text) { screen.writeEscape(sequence) }
            case .quit, .redrawAll, .bell: break
            }
        }
        stopper.attach(loop)
        poller?.start()
        defer { poller?.stop() }
        switch loop.run() {
        case .quit: return .quit
        case .terminalClosed: return .terminalClosed
        case .stopped(let signal): return .signalled(signal)
        }
    }
}

/// Hands a stop request from the signal queue to the loop, also when it arrives before the loop exists.
///
/// `@unchecked Sendable`: both fields are guarded by `lock`.
final class LoopStopper: @unchecked Sendable {
    private let lock = NSLock()
    private var loop: DashboardLoop?
    private var pending: Int32?
    private let wakePipe: WakePipe?

    /// A stopper that also wakes `wakePipe`, so the loop sees the request at once.
    init(wakePipe: WakePipe? = nil) {
        self.wakePipe = wakePipe
    }

    /// Connects the loop; a stop requested earlier is passed on at once.
    func attach(_ loop: DashboardLoop) {
        let signal = lock.withLock { () -> Int32? in
            self.loop = loop
            return pending
        }
        if let signal { loop.requestStop(signal: signal) }
    }

    /// Requests a stop (from the signal queue).
    func stop(_ signal: Int32) {
        let loop = lock.withLock { () -> DashboardLoop? in
            if pending == nil { pending = signal }
            return self.loop
        }
        loop?.requestStop(signal: signal)
        wakePipe?.wake()
    }
}
