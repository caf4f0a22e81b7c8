import CursesTerminal
import DCSKit
import DashboardUI
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the dashboard on the terminal: sets up signals and curses, starts the monitor, runs the UI
/// loop on a thread of its own (curses and the UI state belong to that one thread), and restores the
/// terminal however the loop ends. Part of the composition root: it wires the live monitor, poller,
/// screen and signals to the loop and its `DashboardEffects`.
enum DashboardSession {
    /// How the session ended, for the exit status.
    enum Outcome: Sendable, Hashable {
        /// `q` or Ctrl-C.
        case quit
        /// The terminal went away (EOF/hang-up on input).
        case terminalClosed
        /// A signal asked us to stop.
        case signalled(Int32)

        /// The conventional exit status: 0 on quit, 128 + signal otherwise (SIGHUP for a lost terminal).
        var exitStatus: Int32 {
            switch self {
            case .quit: return 0
            case .terminalClosed: return 128 + SIGHUP
            case .signalled(let signal): return 128 + signal
            }
        }
    }

    /// Everything the session needs, built by `WatchCommand`.
    struct Configuration: Sendable {
        /// The monitor publishing into `inbox`.
        var monitor: TaskMonitor
        /// Where the monitor's events arrive.
        var inbox: MonitorInbox
        /// The initial refresh interval, seconds.
        var interval: TimeInterval
        /// False for `--no-color` / `NO_COLOR`.
        var wantColor: Bool
        /// The wall clock.
        var now: @Sendable () -> Date
        /// The stats poller (stats, detail, logs), when attached.
        var poller: StatsPoller?
        /// Where the poller's events arrive.
        var insights: InsightInbox?
        /// Which finished tasks ring or notify, and how.
        var notifications = NotificationPolicy(mode: .bell)
        /// True to start with the detail pane shown (`d` toggles it).
        var showsDetailPane = true
        /// When a task counts as in sync (`--lag-threshold`, `--polls`).
        var syncThresholds = SyncThresholds()
        /// Woken by the inboxes' posts (the composition root wires them) and by stop signals, so the
        /// loop waits for keys without polling often; nil polls every 100 ms.
        var wakePipe: WakePipe?
        /// True inside tmux (`TMUX` set): notifications are wrapped to pass through it.
        var insideTmux = false
        /// Whether writes are on and which targets refuse them (issue 17).
        var writeAccess = WriteAccess()
        /// Sends the confirmed writes (nil when writes are off), reporting into `actions`.
        var actor: (any TaskActing)?
        /// Where the writes' reports arrive.
        var actions: ActionInbox?

        /// Builds a configuration.
        init(
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
    static func run(_ configuration: Configuration) async throws -> Outcome {
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
        // still the default, and ours must win so that the normal restore path runs. A write to a
        // closed terminal is then an error the loop sees, not a silent death by SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let signals = StopSignals(StopSignals.dashboard) { signal in stopper.stop(signal) }
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
        state.syncThresholds = configuration.syncThresholds
        state.writeAccess = configuration.writeAccess
        let poller = configuration.poller
        let effects = DashboardEffects(
            monitor: monitor, poller: poller, notifications: configuration.notifications,
            insideTmux: configuration.insideTmux, actor: configuration.actor)
        let loop = DashboardLoop(
            state: state, screen: screen, inbox: configuration.inbox, insights: configuration.insights,
            actions: configuration.actions, now: configuration.now, effects: effects)
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
