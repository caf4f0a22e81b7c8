import Foundation

/// Time left in the full phase from the recent rate of `full_migration_progress` (issue 5).
public enum ProgressEstimate {
    /// The rate is measured over at most this many seconds of the latest samples: older readings
    /// describe a different phase of the transfer (ECS set-up, RDB load).
    public static let window: TimeInterval = 600
    /// Below this span the rate is noise.
    public static let minimumSpan: TimeInterval = 5

    /// Seconds until 100 %, or nil when it cannot be known: fewer than two readings with progress in the
    /// window, a span under `minimumSpan`, progress not increasing, or already complete.
    public static func timeLeft(_ samples: [ProgressSample]) -> TimeInterval? {
        let readings = samples.compactMap { sample in sample.progress.map { (sample.at, $0) } }
        guard let last = readings.last, last.1 < 100 else { return nil }
        let recent = readings.filter { last.0.timeIntervalSince($0.0) <= window }
        guard let first = recent.first else { return nil }
        let span = last.0.timeIntervalSince(first.0)
        guard span >= minimumSpan else { return nil }
        let rate = (last.1 - first.1) / span
        guard rate > 0, rate.isFinite else { return nil }
        return (100 - last.1) / rate
    }
}
