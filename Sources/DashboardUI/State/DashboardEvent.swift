import DCSKit
import Foundation

/// Something that happened, as the reducer sees it (events are named for what happened, not for
/// what to do).
public enum DashboardEvent: Sendable, Hashable {
    /// A target's fetch succeeded; the snapshot holds every target.
    case snapshotReceived(TaskSnapshot, SnapshotDiff)
    /// A target's fetch failed; the snapshot still holds the last good tasks.
    case refreshFailed(TaskSnapshot, target: String, message: String)
    /// A fetch started (spinner).
    case fetchStarted(TaskSnapshot)
    /// The user pressed a key.
    case keyPressed(Key)
    /// The terminal has a new size.
    case terminalResized(TerminalSize)
    /// The clock moved (sent at most once a second, for ages and the spinner).
    case tick(Date)
    /// Stats, detail or logs of one task arrived (or failed).
    case insightReceived(InsightEvent)
    /// A write sent from the dashboard came back, one entry per task (issue 17).
    case actionFinished(ActionReport)

    /// Translates a monitor event.
    public init(_ event: MonitorEvent) {
        switch event {
        case .fetchStarted(_, let snapshot): self = .fetchStarted(snapshot)
        case .refreshed(_, let snapshot, let diff): self = .snapshotReceived(snapshot, diff)
        case .failed(let target, let snapshot, let failure):
            self = .refreshFailed(snapshot, target: target, message: failure.message)
        }
    }
}

/// A terminal size in cells.
public struct TerminalSize: Sendable, Hashable {
    /// Columns.
    public var columns: Int
    /// Rows.
    public var rows: Int

    /// Builds a size.
    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }
}
