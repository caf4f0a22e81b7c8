import Foundation

/// The trend of the incremental lag and the time until it reaches the threshold (issue 16), from
/// the least-squares slope of the recent lag readings: the lag oscillates with the source's writes,
/// so the slope between only the first and last readings would flip on every burst.
public enum LagEstimate {
    /// The slope is measured over at most this many seconds of the latest readings (as the progress
    /// estimate: older readings describe another load on the source).
    public static let window: TimeInterval = ProgressEstimate.window

    /// Offset units per second over the window, or nil with fewer than two readings or a span under
    /// `ProgressEstimate.minimumSpan`.
    public static func slope(_ samples: [ProgressSample]) -> Double? {
        let readings = samples.compactMap { sample in sample.lag.map { (sample.at, $0) } }
        guard let last = readings.last else { return nil }
        let recent = readings.filter { last.0.timeIntervalSince($0.0) <= window }
        guard let first = recent.first, recent.count >= 2,
            last.0.timeIntervalSince(first.0) >= ProgressEstimate.minimumSpan
        else { return nil }
        let xs = recent.map { $0.0.timeIntervalSince(first.0) }
        let ys = recent.map(\.1)
        let meanX = xs.reduce(0, +) / Double(xs.count)
        let meanY = ys.reduce(0, +) / Double(ys.count)
        var covariance = 0.0
        var variance = 0.0
        for (x, y) in zip(xs, ys) {
            covariance += (x - meanX) * (y - meanY)
            variance += (x - meanX) * (x - meanX)
        }
        guard variance > 0 else { return nil }
        let slope = covariance / variance
        return slope.isFinite ? slope : nil
    }

    /// Falling, rising or steady by the slope's sign; unknown without a slope.
    public static func trend(_ samples: [ProgressSample]) -> LagTrend {
        guard let slope = slope(samples) else { return .unknown }
        return slope < 0 ? .falling : slope > 0 ? .rising : .steady
    }

    /// Seconds until the latest lag reaches `threshold` at the current slope; nil when it is not
    /// falling, cannot be measured, or is already at the threshold.
    public static func timeToThreshold(_ samples: [ProgressSample], threshold: Double) -> TimeInterval? {
        guard let lag = samples.last(where: { $0.lag != nil })?.lag, lag > threshold, let slope = slope(samples),
            slope < 0
        else { return nil }
        let seconds = (lag - threshold) / -slope
        return seconds.isFinite ? seconds : nil
    }
}
