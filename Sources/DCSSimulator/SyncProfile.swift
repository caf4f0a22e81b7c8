import Foundation

/// How a full+incremental task's lag behaves once it replicates (issue 16), so the demo and the
/// tests see every sync state: most tasks wander; three showcase tasks per scenario settle to 0,
/// fall behind after being in sync, or restart their full copy.
public enum SyncProfile: String, Sendable, Hashable, CaseIterable {
    /// The lag wanders every 10 simulated seconds and now and then spikes 25× (never 0 for long).
    case wandering
    /// The lag falls to 0 over `settleSeconds`, then stays at 0 but for small blips (1–40) in about
    /// one answer of four: in sync at a threshold above 40, in and out of it at 0.
    case settles
    /// As `settles`, then every hour: 40 minutes at 0, a 10-minute burst of writes the target falls
    /// behind on, 10 minutes catching up again.
    case fallsBehind
    /// The full copy reaches `restartFraction`, starts again from 5 % (an automatic resume after a
    /// broken connection re-copies), then replicates as `settles`.
    case restarts

    /// Simulated seconds the lag takes to fall from its typical value to 0.
    public static let settleSeconds = 600.0
    /// The period of `fallsBehind`, simulated seconds.
    public static let behindPeriod = 3_600.0
    /// How far the first copy of `restarts` gets.
    public static let restartFraction = 0.85
    /// Where the second copy of `restarts` starts.
    public static let restartFrom = 0.05

    /// The incremental status the showcase tasks report: the vendor's phase names (the misspelled one
    /// included, dcs-api-notes.md); the wandering tasks say MIGRATING as before.
    public var incrementalStatus: String {
        switch self {
        case .wandering, .restarts: return "MIGRATING"
        case .settles: return "INCRMIGRATING"
        case .fallsBehind: return "INCRMIGEATING"
        }
    }

    /// The lag `since` simulated seconds into the incremental phase; `noise` in 0…1 is this step's draw.
    func lag(base: Double, since: Double, noise: Double, spike: Double) -> Int64 {
        let settle = Self.settleSeconds
        switch self {
        case .wandering:
            return Int64(base * (0.2 + 1.6 * noise) * (spike < 0.08 ? 25 : 1))
        case .settles, .restarts:
            if since < settle { return Int64(base * (1 - since / settle) * (0.9 + 0.2 * noise)) }
            return noise < 0.75 ? 0 : Int64(1 + (noise - 0.75) * 160)
        case .fallsBehind:
            if since < settle { return Int64(base * (1 - since / settle) * (0.9 + 0.2 * noise)) }
            let position = (since - settle).truncatingRemainder(dividingBy: Self.behindPeriod)
            if position < 2_400 { return 0 }
            if position < 3_000 { return Int64(base * 3 * (position - 2_400) / 600 * (0.8 + 0.4 * noise)) }
            return Int64(base * 3 * (3_600 - position) / 600 * (0.8 + 0.4 * noise))
        }
    }
}
