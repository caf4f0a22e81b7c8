import DCSKit
import Foundation

/// What the reducer asks the outside world to do; carried out by `DashboardEffects` (monitor, poller
/// and terminal calls) and the loop (quit, repaint), never by the reducer itself.
public enum DashboardEffect: Sendable, Hashable {
    /// Fetch every target now.
    case refreshNow
    /// Pause or resume periodic refreshes.
    case setPaused(Bool)
    /// Change the refresh interval, in seconds.
    case setInterval(TimeInterval)
    /// Restore the terminal and exit.
    case quit
    /// Clear and repaint the whole terminal (Ctrl-L, resize).
    case redrawAll
    /// Ring the terminal bell.
    case bell
    /// Show a desktop notification through the terminal (OSC 9 / OSC 777), when enabled.
    case notify(title: String, body: String)
    /// Put text on the user's clipboard through the terminal (OSC 52).
    case copyToClipboard(String)
    /// Fetch this task's detail (off the UI thread).
    case loadDetail(WatchedTask)
    /// Fetch this task's latest logs (off the UI thread).
    case loadLogs(WatchedTask)
    /// Fetch this task's detail (and its logs when `logs`) after everything already asked for: a row
    /// beside the selection, so that a cursor move finds its answers (issue 6).
    case prefetch(WatchedTask, logs: Bool)
    /// Poll the progress of exactly these tasks from now on: the running online tasks on screen and
    /// the selection (issue 6: only what the user sees costs API calls).
    case pollTasks([WatchedTask])
    /// Send a write for exactly these tasks (issue 17): the ones the confirmation dialog was bound to
    /// when it opened, whatever the rows look like now.
    case performAction(TaskAction, [WatchedTask])
}
