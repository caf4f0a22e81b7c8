import DCSKit
import Foundation

/// The one place that interprets the reducer's effects (`DashboardEffect`): monitor and poller calls,
/// the bell, and the escape sequences for notifications and the clipboard. The loop keeps only what
/// steers itself (`.quit`, `.redrawAll`). Built by the composition root with the live monitor and
/// poller, by tests with recording fakes.
public final class DashboardEffects {
    private let monitor: any TaskRefreshing
    private let poller: (any InsightPolling)?
    private let notifications: NotificationPolicy
    private let insideTmux: Bool
    private let actor: (any TaskActing)?

    /// Effects for `monitor` and, when attached, `poller`; `notifications` says whether `.notify`
    /// writes an escape and which one, `insideTmux` whether it must pass through tmux; `actor` sends
    /// the writes (nil when writes are off: then the reducer never asks).
    public init(
        monitor: any TaskRefreshing, poller: (any InsightPolling)? = nil,
        notifications: NotificationPolicy = NotificationPolicy(mode: .bell), insideTmux: Bool = false,
        actor: (any TaskActing)? = nil
    ) {
        self.actor = actor
        self.monitor = monitor
        self.poller = poller
        self.notifications = notifications
        self.insideTmux = insideTmux
    }

    /// Carries out `effect`; what reaches the terminal goes to `screen`.
    public func perform(_ effect: DashboardEffect, on screen: any Screen) {
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
        case .performAction(let action, let tasks): actor?.perform(action, on: tasks)
        case .bell: screen.bell()
        case .notify(let title, let body):
            // Only in mode `on` (the reducer asks only then; checked again at the boundary).
            guard notifications.mode == .on else { return }
            screen.writeEscape(
                TerminalEscapes.notification(
                    title: title, body: body, escape: notifications.escape, insideTmux: insideTmux))
        case .copyToClipboard(let text):
            if let sequence = TerminalEscapes.osc52(text) { screen.writeEscape(sequence) }
        case .quit, .redrawAll:
            // The loop's own: it ends or repaints.
            break
        }
    }
}
