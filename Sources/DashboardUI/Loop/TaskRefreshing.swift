import DCSKit
import Foundation

/// What the dashboard asks of the task monitor: refresh now, pause, change the interval. The live
/// `TaskMonitor` conforms; tests give a recording fake (`DCSTestSupport.RecordingMonitor`).
public protocol TaskRefreshing: AnyObject, Sendable {
    /// Fetches every target now.
    func refreshNow()
    /// Pauses or resumes the periodic refreshes.
    func setPaused(_ paused: Bool)
    /// Changes the refresh interval, in seconds.
    func setInterval(_ seconds: TimeInterval)
}

extension TaskMonitor: TaskRefreshing {}
