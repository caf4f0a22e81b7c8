import Foundation

/// A timestamp as the API sent it, with a best-effort parsed date.
///
/// Three shapes are documented (dcs-api-notes.md): ISO 8601 with milliseconds
/// (`2021-06-16T06:12:55.508Z`), `2019/10/22 14:44:30`, and the compact `202404011057`.
/// Shapes without a zone are read as UTC. The raw text always comes back exactly (`raw`), for display.
public struct APITimestamp: Sendable, Hashable {
    /// The parsed instant, or nil when the text is in none of the known shapes.
    public let date: Date?
    /// The text as received, or empty when `rendered`.
    private let storedRaw: String
    /// True when the text was exactly `millisecondISO(date)`, the API's usual shape, and is made again
    /// when asked for instead of being kept: 24 bytes are a heap object of 64 in every task, 6 MiB at
    /// 100,000 tasks (issue 6).
    private let rendered: Bool

    /// The text exactly as received.
    public var raw: String {
        guard rendered, let date else { return storedRaw }
        return Self.millisecondISO(date)
    }

    /// Parses `raw` best-effort.
    public init(raw: String) {
        let date = APITimestamp.parse(raw)
        self.date = date
        if let date, raw.utf8.count == 24, Self.isMillisecondISO(raw, of: date) {
            storedRaw = ""
            rendered = true
        } else {
            storedRaw = raw
            rendered = false
        }
    }

    /// `2021-06-16T06:12:55.508Z`: the instant in UTC with milliseconds.
    static func millisecondISO(_ date: Date) -> String {
        String(unsafeUninitializedCapacity: 24) { writeMillisecondISO(date, into: $0) }
    }

    /// Whether `text` is exactly `millisecondISO(date)`, compared on the stack: the `String` of 24
    /// bytes is a heap object, made and freed twice per task of a listing otherwise.
    private static func isMillisecondISO(_ text: String, of date: Date) -> Bool {
        var text = text
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            let count = writeMillisecondISO(date, into: buffer)
            return text.withUTF8 { $0.elementsEqual(buffer[..<count]) }
        }
    }

    /// Writes `millisecondISO(date)` into `buffer` (at least 24 bytes); how many bytes.
    private static func writeMillisecondISO(_ date: Date, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
        let fraction = milliseconds - seconds * 1000
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = CivilDate.from(daysSinceEpoch: days)
        var position = 0
        func put(_ value: Int64, _ width: Int, then separator: UInt8?) {
            var rest = max(value, 0)
            for offset in stride(from: width - 1, through: 0, by: -1) {
                buffer[position + offset] = UInt8(48 + rest % 10)
                rest /= 10
            }
            position += width
            if let separator {
                buffer[position] = separator
                position += 1
            }
        }
        put(year, 4, then: UInt8(ascii: "-"))
        put(month, 2, then: UInt8(ascii: "-"))
        put(day, 2, then: UInt8(ascii: "T"))
        put(secondOfDay / 3600, 2, then: UInt8(ascii: ":"))
        put(secondOfDay % 3600 / 60, 2, then: UInt8(ascii: ":"))
        put(secondOfDay % 60, 2, then: UInt8(ascii: "."))
        put(fraction, 3, then: UInt8(ascii: "Z"))
        return position
    }

    /// Parses one of the known shapes; nil otherwise. Pure and locale-independent, and done on bytes
    /// with calendar arithmetic (`CivilDate`): `Calendar` per task cost ~1 s per 100,000 (issue 6).
    public static func parse(_ text: String) -> Date? {
        var trimmed = text.trimmedFast(.whitespaces)
        return trimmed.withUTF8 { parse(bytes: $0) }
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        guard bytes.count >= 12, bytes.count <= 40 else { return nil }
        var index = 0
        func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
        func readNumber(_ count: Int) -> Int64? {
            guard index + count <= bytes.count else { return nil }
            var value: Int64 = 0
            for offset in 0..<count {
                let byte = bytes[index + offset]
                guard isDigit(byte) else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            index += count
            return value
        }
        if bytes.allSatisfy(isDigit), bytes.count == 12 || bytes.count == 14 {
            // 202404011057 or 20240401105733
            guard let year = readNumber(4), let month = readNumber(2), let day = readNumber(2),
                let hour = readNumber(2), let minute = readNumber(2)
            else { return nil }
            let second = bytes.count == 14 ? readNumber(2) ?? 0 : 0
            return validated(year, month, day, hour, minute, second)
        }
        // `YYYY-MM-DDTHH:MM:SS[.fff][Z|±HH:MM]` or `YYYY/MM/DD HH:MM:SS`.
        func expect(_ allowed: UInt8...) -> Bool {
            guard index < bytes.count, allowed.contains(bytes[index]) else { return false }
            index += 1
            return true
        }
        let dash = UInt8(ascii: "-")
        let slash = UInt8(ascii: "/")
        let colon = UInt8(ascii: ":")
        guard let year = readNumber(4), expect(dash, slash), let month = readNumber(2), expect(dash, slash),
            let day = readNumber(2), expect(UInt8(ascii: "T"), UInt8(ascii: " ")), let hour = readNumber(2),
            expect(colon), let minute = readNumber(2), expect(colon), let second = readNumber(2)
        else { return nil }
        var fraction = 0.0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            while index < bytes.count, isDigit(bytes[index]) {
                fraction += Double(bytes[index] - 48) * scale
                scale /= 10
                index += 1
            }
        }
        var offsetSeconds: Int64 = 0
        if index < bytes.count {
            let sign = bytes[index]
            if sign == UInt8(ascii: "Z") || sign == UInt8(ascii: "z") {
                index += 1
            } else if sign == UInt8(ascii: "+") || sign == dash {
                index += 1
                guard let hours = readNumber(2) else { return nil }
                _ = expect(colon)
                let minutes = readNumber(2) ?? 0
                offsetSeconds = (hours * 3600 + minutes * 60) * (sign == dash ? -1 : 1)
            }
        }
        guard index == bytes.count, let date = validated(year, month, day, hour, minute, second) else { return nil }
        return date.addingTimeInterval(fraction - Double(offsetSeconds))
    }

    /// The UTC instant of the fields when each is in range (a day past the month's end rolls over, as
    /// `Calendar.date(from:)` did).
    private static func validated(
        _ year: Int64, _ month: Int64, _ day: Int64, _ hour: Int64, _ minute: Int64, _ second: Int64
    ) -> Date? {
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute),
            (0...60).contains(second)
        else { return nil }
        let days = CivilDate.daysSinceEpoch(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: Double(days * 86_400 + hour * 3600 + minute * 60 + second))
    }
}
