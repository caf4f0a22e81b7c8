import DCSKit
import Foundation

/// The UI thread's loop (STYLE.md threading): read a key with a short timeout, drain the monitor's
/// inbox, reduce, and redraw only when the state changed; the age clock ticks at most once a second.
/// The monitor runs on its own queue, so a hung fetch never delays a key by more than one timeout.
/// On a screen that wakes on posts (the live one, with its self-pipe) the wait is longer and ends as
/// soon as a key, a post or a stop request arrives.
///
/// `@unchecked Sendable`: only `stopSignal` is touched from other threads (signal handlers), under
/// `lock`; everything else is used on the thread that calls `run()`.
public final class DashboardLoop: @unchecked Sendable {
    /// How long one read waits for a key (ms): the inbox is drained at least this often.
    public static let readTimeoutMilliseconds = 100
    /// The read timeout while a fetch is in flight or no data has arrived yet: its result then shows
    /// within 25 ms (the first frame with data, issue 6) without polling that often when idle.
    public static let busyReadTimeoutMilliseconds = 25
    /// The read timeout until the first data has arrived: the first frame with data is drawn within
    /// 10 ms of its arrival (issue 6: exec to first frame), for the first fetch's fraction of a second.
    public static let startReadTimeoutMilliseconds = 10
    /// The longest wait for a key on a screen that wakes on posts (`Screen.wakesOnPost`): what arrives
    /// ends the wait at once, so the wait only bounds how late the age clock ticks and a resize shows
    /// (curses' SIGWINCH handler only sets a flag that the next read turns into KEY_RESIZE).
    public static let wakeableReadTimeoutMilliseconds = 250
    /// On a screen that wakes on posts, the least time between a frame and one drawn only because
    /// stats, detail or logs arrived: answers to one cursor move come in a cascade over tens of ms, and
    /// each frame of 100,000 tasks takes a few ms of the UI thread a key may be waiting for. Keys,
    /// resizes and the monitor's events are drawn at once.
    public static let insightFramePacingMilliseconds = 50

    /// Why the loop ended.
    public enum Exit: Sendable, Hashable {
        /// The user quit.
        case quit
        /// The terminal went away.
        case terminalClosed
        /// `requestStop` was called (a signal), with its value.
        case stopped(Int32)
    }

    /// The state as of the last event (read after `run()` returns, or by tests).
    public private(set) var state: DashboardState
    private let screen: any Screen
    private let inbox: MonitorInbox
    private let insights: InsightInbox?
    private let actions: ActionInbox?
    private let now: () -> Date
    private let effects: DashboardEffects
    private let lock = NSLock()
    private var stopSignal: Int32?
    private var lastTickSecond: Int
    /// The state changed in a way that may wait for the next tick (see `mayWait`).
    private var drawPending = false
    /// When the last frame was drawn.
    private var lastDrawAt: Date?
    /// When a frame held back by the insight pacing (`insightFramePacingMilliseconds`) is due.
    private var pacedDrawAt: Date?

    /// Builds a loop; `effects` carries out every effect but quit and repaint, which steer the loop.
    /// `insights` carries the stats poller's events, drained right after the monitor's, and `actions`
    /// the reports of the writes (issue 17).
    public init(
        state: DashboardState, screen: any Screen, inbox: MonitorInbox, insights: InsightInbox? = nil,
        actions: ActionInbox? = nil, now: @escaping () -> Date, effects: DashboardEffects
    ) {
        self.actions = actions
        self.state = state
        self.screen = screen
        self.inbox = inbox
        self.insights = insights
        self.now = now
        self.effects = effects
        lastTickSecond = Int(now().timeIntervalSince1970.rounded(.down))
    }

    /// Asks the loop to end within one read timeout; callable from any thread.
    public func requestStop(signal: Int32) {
        lock.withLock { stopSignal = signal }
    }

    /// Runs until quit, a closed terminal or a stop request.
    public func run() -> Exit {
        screen.invalidate()
        drawFrame()
        while true {
            if let signal = lock.withLock({ stopSignal }) { return .stopped(signal) }
            var events: [DashboardEvent] = []
            var timeout =
                screen.wakesOnPost
                ? Self.wakeableReadTimeout(millisecondsIntoSecond: Self.millisecondsIntoSecond(now()))
                : Self.readTimeout(for: state.snapshot)
            if let due = pacedDrawAt {
                timeout = min(timeout, max(Int((due.timeIntervalSince(now()) * 1000).rounded(.up)), 0))
            }
            switch screen.read(timeoutMilliseconds: timeout) {
            case .closed: return .terminalClosed
            case .key(let key): events.append(.keyPressed(key))
            case .resized(let size): events.append(.terminalResized(size))
            case .timeout: break
            }
            events += inbox.drain().map(DashboardEvent.init)
            events += (insights?.drain() ?? []).map(DashboardEvent.insightReceived)
            events += (actions?.drain() ?? []).map(DashboardEvent.actionFinished)
            let instant = now()
            let second = Int(instant.timeIntervalSince1970.rounded(.down))
            if second != lastTickSecond {
                lastTickSecond = second
                events.append(.tick(instant))
            }
            if events.isEmpty {
                if let due = pacedDrawAt, instant >= due { drawFrame() }
                continue
            }
            if handle(events) { return .quit }
        }
    }

    /// Renders and shows the state; clears what was held back.
    private func drawFrame() {
        drawPending = false
        pacedDrawAt = nil
        lastDrawAt = now()
        screen.draw(DashboardView.render(state))
    }

    /// How long the next read may wait: short until the first data (unless a target already failed:
    /// then it may never come), shorter while a fetch runs, else the idle timeout.
    public static func readTimeout(for snapshot: TaskSnapshot) -> Int {
        if snapshot.oldestFetch == nil, snapshot.failingTargets.isEmpty { return startReadTimeoutMilliseconds }
        if snapshot.oldestFetch == nil || snapshot.isFetching { return busyReadTimeoutMilliseconds }
        return readTimeoutMilliseconds
    }

    /// The wait on a screen that wakes on posts: to the next quarter of a second (+1 ms, so the wait
    /// ends past the boundary), so the age clock's tick is drawn within a few ms of the second.
    public static func wakeableReadTimeout(millisecondsIntoSecond: Int) -> Int {
        let period = wakeableReadTimeoutMilliseconds
        return period - ((millisecondsIntoSecond % period) + period) % period + 1
    }

    /// Milliseconds past the whole second of `date` (0–999).
    static func millisecondsIntoSecond(_ date: Date) -> Int {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite else { return 0 }
        return Int(((seconds - seconds.rounded(.down)) * 1000).rounded(.down)) % 1000
    }

    /// Reduces the events, performs effects, redraws if anything visible changed; true on quit. Changes
    /// that may wait (`mayWait`) are drawn with the next tick, at most a second later.
    func handle(_ events: [DashboardEvent]) -> Bool {
        let before = state
        var quit = false
        var repaint = false
        let canWait = events.allSatisfy { Self.mayWait($0, before: before) }
        for event in events {
            for effect in DashboardReducer.reduce(state: &state, event: event) {
                switch effect {
                case .quit: quit = true
                case .redrawAll: repaint = true
                default: effects.perform(effect, on: screen)
                }
            }
        }
        if quit { return true }
        if repaint { screen.invalidate() }
        // The frame is compared cell by cell by the screen; skipping the render when the state did not
        // change keeps an idle dashboard at zero work.
        let changed = state != before
        if changed, canWait, !repaint {
            drawPending = true
            return false
        }
        if changed, !repaint, screen.wakesOnPost, let last = lastDrawAt, events.allSatisfy(Self.isInsight) {
            let due = last.addingTimeInterval(Double(Self.insightFramePacingMilliseconds) / 1000)
            if now() < due {
                pacedDrawAt = pacedDrawAt ?? due
                return false
            }
        }
        if repaint || changed || drawPending || pacedDrawAt != nil {
            drawFrame()
        }
        return false
    }

    /// True for stats, detail and logs answers (paced, see `insightFramePacingMilliseconds`).
    static func isInsight(_ event: DashboardEvent) -> Bool {
        if case .insightReceived = event { return true }
        return false
    }

    /// True for events whose effect on the screen can wait for the next tick (≤ 1 s): a fetch starting
    /// (the spinner shows only after a second anyway), a refresh that changed no task of a target
    /// already shown and not failing, and stats, detail or logs of a task other than the selected
    /// one. Rendering a frame is the idle dashboard's main cost; this draws about once a second
    /// instead of up to four times (issue 6: idle CPU). Keys, resizes, ticks, failures, changes and
    /// the first data are drawn at once.
    static func mayWait(_ event: DashboardEvent, before: DashboardState) -> Bool {
        switch event {
        case .fetchStarted: return before.snapshot.oldestFetch != nil
        case .snapshotReceived(let snapshot, let diff):
            return diff.isEmpty && before.snapshot.oldestFetch != nil && before.snapshot.failingTargets.isEmpty
                && snapshot.failingTargets.isEmpty
        case .insightReceived(let insight): return insight.key != before.selection
        case .keyPressed, .terminalResized, .tick, .refreshFailed, .actionFinished: return false
        }
    }
}
