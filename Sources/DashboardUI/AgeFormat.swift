import Foundation

/// Compact durations and times for columns: "45s", "12m", "3h05m", "2d04h".
public enum AgeFormat {
    /// A duration in seconds, compact; negative durations (clock skew) show as "0s".
    public static func duration(_ seconds: TimeInterval) -> String {
        let total = max(Int(seconds.rounded(.down)), 0)
        if total < 60 { return "\(total)s" }
        if total < 3600 { return "\(total / 60)m" }
        if total < 86_400 { return "\(total / 3600)h" + twoDigits((total % 3600) / 60) + "m" }
        return "\(total / 86_400)d" + twoDigits((total % 86_400) / 3600) + "h"
    }

    /// A precise short duration for the data age: "3s", "2m05s", "1h02m".
    public static func dataAge(_ seconds: TimeInterval) -> String {
        let total = max(Int(seconds.rounded(.down)), 0)
        if total < 60 { return "\(total)s" }
        if total < 3600 { return "\(total / 60)m" + twoDigits(total % 60) + "s" }
        return duration(seconds)
    }

    /// "2024-04-01 10:57" in `timeZone`.
    public static func dateTime(_ date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return "\(parts.year ?? 0)-" + twoDigits(parts.month ?? 0) + "-" + twoDigits(parts.day ?? 0) + " "
            + twoDigits(parts.hour ?? 0) + ":" + twoDigits(parts.minute ?? 0)
    }

    /// An interval setting: "5s", "0.5s", "2m".
    public static func interval(_ seconds: TimeInterval) -> String {
        if seconds < 10, seconds.rounded() != seconds { return String(format: "%.1fs", seconds) }
        let whole = Int(seconds.rounded())
        return whole % 60 == 0 && whole >= 60 ? "\(whole / 60)m" : "\(whole)s"
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
