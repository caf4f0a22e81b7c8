import Foundation

/// A timestamp as the API sent it, with a best-effort parsed date.
///
/// Three shapes are documented (dcs-api-notes.md): ISO 8601 with milliseconds
/// (`2021-06-16T06:12:55.508Z`), `2019/10/22 14:44:30`, and the compact `202404011057`.
/// Shapes without a zone are read as UTC. The raw text is always kept for display.
public struct APITimestamp: Sendable, Hashable {
    /// The text exactly as received.
    public let raw: String
    /// The parsed instant, or nil when the text is in none of the known shapes.
    public let date: Date?

    /// Parses `raw` best-effort.
    public init(raw: String) {
        self.raw = raw
        self.date = APITimestamp.parse(raw)
    }

    /// Parses one of the known shapes; nil otherwise. Pure and locale-independent.
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmedFast(.whitespaces)
        let digits = Array(trimmed.utf8)
        guard digits.count >= 12, digits.count <= 40 else { return nil }
        var components = DateComponents()
        components.calendar = utcCalendar
        components.timeZone = TimeZone(identifier: "UTC")

        if digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) && (digits.count == 12 || digits.count == 14) {
            // 202404011057 or 20240401105733
            let number = { (from: Int, count: Int) -> Int in
                digits[from..<(from + count)].reduce(0) { $0 * 10 + Int($1 - 48) }
            }
            components.year = number(0, 4)
            components.month = number(4, 2)
            components.day = number(6, 2)
            components.hour = number(8, 2)
            components.minute = number(10, 2)
            components.second = digits.count == 14 ? number(12, 2) : 0
            return validated(components)
        }
        return parseSeparated(trimmed, components: components)
    }

    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }()

    /// `YYYY-MM-DDTHH:MM:SS[.fff][Z|±HH:MM]` or `YYYY/MM/DD HH:MM:SS`.
    private static func parseSeparated(_ text: String, components base: DateComponents) -> Date? {
        var components = base
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func readNumber(_ count: Int) -> Int? {
            guard index + count <= scalars.count else { return nil }
            var value = 0
            for offset in 0..<count {
                guard let digit = scalars[index + offset].properties.numericType == .decimal
                    ? Int(String(scalars[index + offset])) : nil
                else { return nil }
                value = value * 10 + digit
            }
            index += count
            return value
        }
        func expect(_ allowed: Set<Character>) -> Bool {
            guard index < scalars.count, allowed.contains(Character(scalars[index])) else { return false }
            index += 1
            return true
        }
        guard let year = readNumber(4), expect(["-", "/"]), let month = readNumber(2), expect(["-", "/"]),
            let day = readNumber(2), expect(["T", " "]), let hour = readNumber(2), expect([":"]),
            let minute = readNumber(2), expect([":"]), let second = readNumber(2)
        else { return nil }
        components.year = year
        components.month = month
        components.day = day
        components.hour = hour
        components.minute = minute
        components.second = second
        var fraction = 0.0
        if index < scalars.count, scalars[index] == "." {
            index += 1
            var scale = 0.1
            while index < scalars.count, let digit = Int(String(scalars[index])) {
                fraction += Double(digit) * scale
                scale /= 10
                index += 1
            }
        }
        var offsetSeconds = 0
        if index < scalars.count {
            let sign = scalars[index]
            if sign == "Z" || sign == "z" {
                index += 1
            } else if sign == "+" || sign == "-" {
                index += 1
                guard let hours = readNumber(2) else { return nil }
                _ = expect([":"])
                let minutes = readNumber(2) ?? 0
                offsetSeconds = (hours * 3600 + minutes * 60) * (sign == "-" ? -1 : 1)
            }
        }
        guard index == scalars.count, let date = validated(components) else { return nil }
        return date.addingTimeInterval(fraction - Double(offsetSeconds))
    }

    private static func validated(_ components: DateComponents) -> Date? {
        guard let month = components.month, (1...12).contains(month), let day = components.day, (1...31).contains(day),
            let hour = components.hour, (0...23).contains(hour), let minute = components.minute, (0...59).contains(minute),
            let second = components.second, (0...60).contains(second)
        else { return nil }
        return utcCalendar.date(from: components)
    }
}
