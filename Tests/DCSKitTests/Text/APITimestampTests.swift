import Foundation
import Testing

@testable import DCSKit

@Suite struct APITimestampTests {
    @Test func isoWithMillisecondsAndZone() throws {
        let date = try #require(APITimestamp.parse("2021-06-16T06:12:55.508Z"))
        #expect(abs(date.timeIntervalSince1970 - 1_623_823_975.508) < 0.001)
    }

    @Test func slashShapeReadsAsUTC() throws {
        let date = try #require(APITimestamp.parse("2019/10/22 14:44:30"))
        #expect(date.timeIntervalSince1970 == 1_571_755_470)
    }

    @Test func compactReleasedAtShape() throws {
        let date = try #require(APITimestamp.parse("202404011057"))
        #expect(date.timeIntervalSince1970 == 1_711_969_020)
    }

    @Test func offsetsAreApplied() throws {
        let date = try #require(APITimestamp.parse("2024-01-01T08:00:00+08:00"))
        #expect(date.timeIntervalSince1970 == 1_704_067_200)
    }

    @Test func garbageGivesNilButKeepsRaw() {
        #expect(APITimestamp.parse("yesterday") == nil)
        #expect(APITimestamp.parse("2024-13-01T00:00:00Z") == nil)
        #expect(APITimestamp.parse("") == nil)
        let stamp = APITimestamp(raw: "not a date")
        #expect(stamp.raw == "not a date")
        #expect(stamp.date == nil)
    }
}

/// The arithmetic date parsing (issue 6) gives what `Calendar.date(from:)` gave.
@Suite struct APITimestampCalendarTests {
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }()

    @Test func agreesWithTheGregorianCalendarOnManyDates() throws {
        var state: UInt64 = 42
        for _ in 0..<2000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let year = 1600 + Int(state >> 33) % 800
            let month = 1 + Int(state >> 20) % 12
            let day = 1 + Int(state >> 8) % 31
            let hour = Int(state >> 40) % 24
            let minute = Int(state >> 46) % 60
            let second = Int(state >> 52) % 61
            let text = String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day, hour, minute, second)
            let components = DateComponents(
                calendar: Self.calendar, timeZone: TimeZone(identifier: "UTC"), year: year, month: month, day: day,
                hour: hour, minute: minute, second: second)
            let expected = try #require(Self.calendar.date(from: components))
            #expect(APITimestamp.parse(text) == expected, "\(text)")
        }
    }

    @Test func dayPastTheMonthEndRollsOverAsTheCalendarDid() throws {
        let date = try #require(APITimestamp.parse("2023-02-31 00:00:00"))
        #expect(date.timeIntervalSince1970 == 1_677_801_600)  // 2023-03-03T00:00:00Z
        #expect(APITimestamp.parse("2024-02-29T23:59:60Z")?.timeIntervalSince1970 == 1_709_251_200)  // 2024-03-01
        #expect(APITimestamp.parse("2024-00-10T00:00:00Z") == nil)
        #expect(APITimestamp.parse("2024-01-10T00:00:00+0x:00") == nil)
        #expect(APITimestamp.parse("２０２４-01-10T00:00:00Z") == nil)
    }

    /// The raw text always comes back exactly, whether it was kept or is made again from the date.
    @Test(arguments: [
        "2021-06-16T06:12:55.508Z", "2026-11-23T00:15:19.000Z", "1969-12-31T23:59:59.999Z", "2000-02-29T23:59:59.001Z",
        "2021-06-16T06:12:55Z", "2021-06-16T06:12:55.5Z", "2021-06-16T06:12:55.508+08:00", "2019/10/22 14:44:30",
        "202404011057", "2024-02-29T23:59:60.000Z", "garbage", "", " 2021-06-16T06:12:55.508Z",
    ])
    func rawTextComesBackExactly(_ text: String) {
        let timestamp = APITimestamp(raw: text)
        #expect(timestamp.raw == text)
        #expect(timestamp == APITimestamp(raw: text))
        #expect(timestamp.date == APITimestamp.parse(text))
    }

    @Test func theUsualShapeIsMadeAgainInsteadOfKept() {
        // Checked on the rendering itself: the same instant in the same shape, millisecond by millisecond.
        for milliseconds in [0, 1, 508, 999] as [Int64] {
            let date = Date(timeIntervalSince1970: Double(1_623_823_975_000 + milliseconds) / 1000)
            #expect(APITimestamp.millisecondISO(date) == "2021-06-16T06:12:55." + String(format: "%03d", milliseconds) + "Z")
        }
        #expect(APITimestamp(raw: "2021-06-16T06:12:55.508Z") != APITimestamp(raw: "2021-06-16T06:12:55.509Z"))
    }
}
