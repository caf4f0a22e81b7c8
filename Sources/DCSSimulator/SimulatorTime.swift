import Foundation

/// Formats dates the way the DCS and IAM APIs print them, in UTC and independent of locale.
enum SimulatorTime {
    /// `2021-06-16T06:12:55.508Z` (DCS `created_at`, `updated_at`, log times).
    static func iso(_ date: Date) -> String {
        let (year, month, day, hour, minute, second) = fields(date)
        let millis = Int((date.timeIntervalSince1970 - date.timeIntervalSince1970.rounded(.down)) * 1000)
        return pad(year, 4) + "-" + pad(month) + "-" + pad(day) + "T" + pad(hour) + ":" + pad(minute) + ":"
            + pad(second)
            + "." + pad(millis, 3) + "Z"
    }

    /// `2021-06-16T06:12:55.508000Z` (IAM `expires_at`, microseconds).
    static func iamTimestamp(_ date: Date) -> String {
        String(iso(date).dropLast()) + "000Z"
    }

    /// `202404011057` (DCS `released_at`).
    static func compact(_ date: Date) -> String {
        let (year, month, day, hour, minute, _) = fields(date)
        return pad(year, 4) + pad(month) + pad(day) + pad(hour) + pad(minute)
    }

    private static func fields(_ date: Date) -> (Int, Int, Int, Int, Int, Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return (
            parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0
        )
    }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
