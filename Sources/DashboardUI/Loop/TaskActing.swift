import DCSKit
import Foundation

/// What the dashboard asks of the write side (issue 17): send one action for exactly these tasks,
/// off the UI thread, and post the report to the `ActionInbox` the loop drains. The live one
/// (`DashboardActions` in the composition root) calls the `DCSClient` write methods and writes the
/// audit records; tests give a recording fake (`DCSTestSupport.RecordingTaskActor`).
public protocol TaskActing: AnyObject, Sendable {
    /// Sends `action` for `tasks` (never retried by the dashboard); returns at once.
    func perform(_ action: TaskAction, on tasks: [WatchedTask])
}
