import DCSKit
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

    /// (year, month, day, hour, minute, second) in UTC, from the signer's calendar-free `X-Sdk-Date`
    /// formatter: building a `Calendar` per timestamp cost milliseconds on Linux.
    private static func fields(_ date: Date) -> (Int, Int, Int, Int, Int, Int) {
        let digits = Array(RequestSigner.sdkDate(date).utf8)
        func number(_ range: Range<Int>) -> Int {
            range.reduce(0) { $0 * 10 + Int(digits[$1]) - 48 }
        }
        return (number(0..<4), number(4..<6), number(6..<8), number(9..<11), number(11..<13), number(13..<15))
    }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
