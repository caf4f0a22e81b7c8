import DCSKit
import Foundation

/// The words of a task's sync state (issue 16) for the list's progress cell and the detail: every
/// state readable without colour (words and capitals, not hues), nothing that moves with the clock
/// faster than once a minute (the pane is not rewritten on every tick: issue 6, bytes per refresh),
/// and a stale state never says "in sync".
enum SyncText {
    /// The progress cell: "copy 64%", "lag 52.1k ↓ ETA 3m", "lag 0 (1/3)", "in sync 12m",
    /// "BEHIND 52.1k ↑", "RESTART 5%", with "stale " before a state whose last call told nothing.
    static func cell(_ tracker: SyncTracker, now: Date, ascii: Bool) -> String {
        let text: String
        switch tracker.state {
        case .unknown: return tracker.staleReason == nil ? "-" : "stale"
        case .copying(let progress, _): text = "copy " + CompactNumber.percent(progress)
        case .restarted(_, let progress, _): text = "RESTART " + CompactNumber.percent(progress)
        case .catchingUp(let lag, let trend, let timeLeft, let confirmations):
            if confirmations > 0 {
                text = "lag " + CompactNumber.format(lag) + " (\(confirmations)/\(tracker.thresholds.polls))"
            } else {
                text = lagText(lag, trend: trend, timeLeft: timeLeft, ascii: ascii)
            }
        case .inSync(let since, let lag):
            guard tracker.staleReason == nil else { return "stale lag " + CompactNumber.format(lag) }
            text = "in sync " + minutes(now.timeIntervalSince(since))
        case .fellBehind(_, let lag, let trend, _):
            text = "BEHIND " + CompactNumber.format(lag) + arrow(trend, ascii: ascii)
        }
        return tracker.staleReason == nil ? text : "stale " + text
    }

    /// The detail's Sync row and its role: the state with since when ("in sync 12m (since 02:18)"),
    /// the trend and the time left; short enough for the pane beside the list (32 columns).
    static func detail(_ tracker: SyncTracker, state: DashboardState) -> (String, StyleRole) {
        func ago(_ date: Date) -> String { minutes(state.now.timeIntervalSince(date)) + " ago" }
        var text: String
        var role = StyleRole.normal
        switch tracker.state {
        case .unknown: text = "-"
        case .copying(_, let timeLeft): text = "copying, " + left(timeLeft)
        case .restarted(let since, _, let timeLeft):
            text = "RESTARTED " + ago(since) + ", " + left(timeLeft)
            role = .error
        case .catchingUp(_, let trend, let timeLeft, let confirmations):
            text = "catching up, " + trend.rawValue
            if confirmations > 0 {
                text = "at the threshold in \(confirmations) of \(tracker.thresholds.polls) answers"
            } else if let timeLeft {
                text += ", ~" + AgeFormat.duration(max(timeLeft, 60)) + " to go"
            }
        case .inSync(let since, _):
            let clock = AgeFormat.dateTime(since, timeZone: state.timeZone).suffix(5)
            text = "in sync " + minutes(state.now.timeIntervalSince(since)) + " (since " + clock + ")"
            role = .status(.succeeded)
        case .fellBehind(let since, _, let trend, _):
            text = "FELL BEHIND " + ago(since) + ", " + trend.rawValue
            role = .error
        }
        if let reason = tracker.staleReason {
            // The previous state, but not as current: never "in sync" on an answer that told nothing.
            let last = tracker.state.isInSync ? "was at the threshold" : "was " + text
            text = "STALE: " + last + "; " + SafeText.line(reason, limit: 200)
            role = .dim
        }
        return (text, role)
    }

    /// "lag 52.1k ↓ ETA 3m".
    static func lagText(_ lag: Double, trend: LagTrend, timeLeft: TimeInterval?, ascii: Bool) -> String {
        "lag " + CompactNumber.format(lag) + arrow(trend, ascii: ascii)
            + (timeLeft.map { " ETA " + AgeFormat.duration(max($0, 60)) } ?? "")
    }

    /// " ↓", " ↑", " →" (ASCII " v", " ^", " ="), "" when unknown.
    static func arrow(_ trend: LagTrend, ascii: Bool) -> String {
        switch trend {
        case .falling: return ascii ? " v" : " ↓"
        case .rising: return ascii ? " ^" : " ↑"
        case .steady: return ascii ? " =" : " →"
        case .unknown: return ""
        }
    }

    /// A duration in whole minutes ("<1m", "12m", "3h05m"), so that it changes once a minute.
    static func minutes(_ seconds: TimeInterval) -> String {
        guard seconds.isFinite else { return "-" }
        return seconds < 60 ? "<1m" : AgeFormat.duration(seconds)
    }

    /// "~12m left", or "time left —" while the rate cannot be known.
    static func left(_ timeLeft: TimeInterval?) -> String {
        timeLeft.map { "~" + AgeFormat.duration(max($0, 60)) + " left" } ?? "time left —"
    }
}
