import Foundation

/// Where an online migration stands on the way to cutover (issue 16), as `SyncTracker` classifies
/// it from the task's status and its stats answers.
public enum SyncState: Sendable, Hashable {
    /// No usable stats answer yet.
    case unknown
    /// The full copy runs: percent done and the time left from the progress slope.
    case copying(progress: Double, timeLeft: TimeInterval?)
    /// The full copy started again (progress fell, or the phase went back from incremental to
    /// full): when that was seen, and how far the new copy is.
    case restarted(at: Date, progress: Double, timeLeft: TimeInterval?)
    /// Incremental phase, lag above the threshold (or at it for fewer answers than needed, counted
    /// in `confirmations`); the lag's trend and, when falling, the time to the threshold.
    case catchingUp(lag: Double, trend: LagTrend, timeLeft: TimeInterval?, confirmations: Int)
    /// Incremental phase, lag at or below the threshold for the last `polls` answers, since the
    /// first of them.
    case inSync(since: Date, lag: Double)
    /// Was in sync, the lag is now above the threshold: since when, the lag, its trend and ETA.
    case fellBehind(since: Date, lag: Double, trend: LagTrend, timeLeft: TimeInterval?)

    /// True in the in-sync state.
    public var isInSync: Bool {
        if case .inSync = self { return true }
        return false
    }

    /// The lowercase name scripts and tests read: `copying`, `restarted`, `catching up`, `in sync`,
    /// `fell behind`, `unknown`.
    public var name: String {
        switch self {
        case .unknown: return "unknown"
        case .copying: return "copying"
        case .restarted: return "restarted"
        case .catchingUp: return "catching up"
        case .inSync: return "in sync"
        case .fellBehind: return "fell behind"
        }
    }
}

/// Which way the incremental lag moves over the recent answers.
public enum LagTrend: String, Sendable, Hashable {
    /// Shrinking.
    case falling
    /// Growing.
    case rising
    /// Flat.
    case steady
    /// Too few answers to tell.
    case unknown
}

/// A change of sync state worth an event and a notification (issue 16): `in_sync`, `fell_behind`,
/// `restarted` in the `events` stream and in `notify_on`.
public enum SyncChange: String, Sendable, Hashable, CaseIterable {
    /// The task became in sync.
    case inSync = "in_sync"
    /// The task was in sync and its lag rose above the threshold.
    case fellBehind = "fell_behind"
    /// The full copy started again.
    case restarted

    /// "in sync", "fell behind", "restarted", for people.
    public var words: String {
        switch self {
        case .inSync: return "in sync"
        case .fellBehind: return "fell behind"
        case .restarted: return "restarted"
        }
    }
}

/// The two phases of an online migration.
public enum MigrationPhase: Sendable, Hashable {
    /// The full copy.
    case full
    /// Incremental replication after the full copy.
    case incremental

    /// The phase a status and a progress tell: FULLMIGRATING is the copy, INCRMIGRATING and the
    /// vendor's misspelled INCRMIGEATING replication (dcs-api-notes.md); MIGRATING and RUNNING are
    /// the copy below 100 % and replication from 100 % on (a full-only task is always copying).
    /// Nil for a task that is not running, or MIGRATING without a progress.
    public static func of(status: TaskStatus, method: MigrationMethod, progress: Double?) -> MigrationPhase? {
        guard status.category == .running else { return nil }
        switch status.raw.trimmedFast(.whitespaces).uppercasedASCIIFast() {
        case "FULLMIGRATING": return .full
        case "INCRMIGRATING", "INCRMIGEATING": return .incremental
        default:
            if method == .fullAmount { return .full }
            guard let progress else { return nil }
            return progress >= 100 ? .incremental : .full
        }
    }
}
