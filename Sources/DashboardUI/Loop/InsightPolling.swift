import DCSKit
import Foundation

/// What the dashboard asks of the stats poller: which tasks to poll, and detail and logs on demand.
/// The live `StatsPoller` conforms; tests give a recording fake (`DCSTestSupport.RecordingInsightPoller`).
public protocol InsightPolling: AnyObject, Sendable {
    /// Polls the progress of exactly these tasks from now on.
    func setTasks(_ tasks: [WatchedTask])
    /// Pauses or resumes the periodic stats calls.
    func setPaused(_ paused: Bool)
    /// Asks every polled task's stats now.
    func pollNow()
    /// Fetches a task's detail soon.
    func requestDetail(_ task: WatchedTask)
    /// Fetches a task's latest logs soon.
    func requestLogs(_ task: WatchedTask)
    /// Fetches a task's detail (and its logs when `logs`) after everything already asked for.
    func prefetch(_ task: WatchedTask, logs: Bool)
}

extension StatsPoller: InsightPolling {}
