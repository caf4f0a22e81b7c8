import DCSKit
import Foundation

/// Compact durations and times for columns: "45s", "12m", "3h05m", "2d04h".
public enum AgeFormat {
    /// A duration in seconds, compact; negative durations (clock skew) show as "0s", non-finite ones as "-".
    public static func duration(_ seconds: TimeInterval) -> String {
        guard let total = wholeSeconds(seconds) else { return "-" }
        if total < 60 { return "\(total)s" }
        if total < 3600 { return "\(total / 60)m" }
        if total < 86_400 { return "\(total / 3600)h" + twoDigits((total % 3600) / 60) + "m" }
        return "\(total / 86_400)d" + twoDigits((total % 86_400) / 3600) + "h"
    }

    /// A precise short duration for the data age: "3s", "2m05s", "1h02m".
    public static func dataAge(_ seconds: TimeInterval) -> String {
        guard let total = wholeSeconds(seconds) else { return "-" }
        if total < 60 { return "\(total)s" }
        if total < 3600 { return "\(total / 60)m" + twoDigits(total % 60) + "s" }
        return duration(seconds)
    }

    /// "2024-04-01 10:57" in `timeZone`. By arithmetic on the zone's offset at that instant (every row
    /// of every frame shows one: `Calendar` made it a sixth of a frame, issue 6); dates before 1600 or
    /// after 9999 go through `Calendar`.
    public static func dateTime(_ date: Date, timeZone: TimeZone) -> String {
        let seconds = date.timeIntervalSince1970
        // 1600 to 9999: no Julian dates (Calendar's Gregorian starts in 1582) and four-digit years.
        if seconds >= -11_676_096_000, seconds < 253_402_300_800 {
            let local = Int64(seconds.rounded(.down)) + Int64(timeZone.secondsFromGMT(for: date))
            let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
            let secondOfDay = Int(local - days * 86_400)
            let civil = CivilDate.from(daysSinceEpoch: days)
            return "\(civil.year)-" + twoDigits(Int(civil.month)) + "-" + twoDigits(Int(civil.day)) + " "
                + twoDigits(secondOfDay / 3600) + ":" + twoDigits(secondOfDay % 3600 / 60)
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return "\(parts.year ?? 0)-" + twoDigits(parts.month ?? 0) + "-" + twoDigits(parts.day ?? 0) + " "
            + twoDigits(parts.hour ?? 0) + ":" + twoDigits(parts.minute ?? 0)
    }

    /// An interval setting: "5s", "0.5s", "2m".
    public static func interval(_ seconds: TimeInterval) -> String {
        guard let whole = wholeSeconds(seconds.rounded()) else { return "-" }
        if seconds < 10, seconds.rounded() != seconds { return String(format: "%.1fs", seconds) }
        return whole % 60 == 0 && whole >= 60 ? "\(whole / 60)m" : "\(whole)s"
    }

    /// Whole seconds, at least 0 and at most `longest`; nil for NaN and infinities. Durations come from
    /// API data (an ETA from a hostile progress value can be 1e300 s), and `Int(Double)` traps out of range.
    private static func wholeSeconds(_ seconds: TimeInterval) -> Int? {
        guard seconds.isFinite else { return nil }
        return Int(min(max(seconds, 0), longest).rounded(.down))
    }

    /// About 31,700 years: longer durations show as this.
    private static let longest: TimeInterval = 1e12

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
