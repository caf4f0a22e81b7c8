import DashboardUI
import Foundation
import Testing

/// Durations on screen come from API data too (an ETA from a hostile progress value, a timestamp far
/// away): every value prints, none traps (`Int(Double)` traps out of range).
@Suite struct AgeFormatTests {
    @Test func compactDurations() {
        #expect(AgeFormat.duration(45) == "45s")
        #expect(AgeFormat.duration(12 * 60 + 5) == "12m")
        #expect(AgeFormat.duration(3 * 3600 + 5 * 60) == "3h05m")
        #expect(AgeFormat.duration(2 * 86_400 + 4 * 3600) == "2d04h")
        #expect(AgeFormat.duration(-30) == "0s")
        #expect(AgeFormat.dataAge(125) == "2m05s")
        #expect(AgeFormat.interval(0.5) == "0.5s")
        #expect(AgeFormat.interval(120) == "2m")
    }

    @Test func absurdDurationsPrintInsteadOfTrapping() {
        #expect(AgeFormat.duration(1e300) == "11574074d01h")
        #expect(AgeFormat.duration(-1e300) == "0s")
        #expect(AgeFormat.duration(.nan) == "-")
        #expect(AgeFormat.duration(.infinity) == "-")
        #expect(AgeFormat.dataAge(1e300) == "11574074d01h")
        #expect(AgeFormat.interval(1e300) == "1000000000000s")  // 10^12 s is 40 s past a whole minute
    }

    /// The arithmetic path must give what `Calendar` gives: random instants from 1600 to 9999 and the
    /// DST switches of 2026, in zones with odd offsets, both hemispheres' DST and no DST.
    @Test func dateTimeMatchesCalendarInEveryZone() throws {
        let zones = [
            "UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Chatham", "America/St_Johns",
            "Australia/Lord_Howe", "Asia/Shanghai", "America/Santiago",
        ]
        var generator = SystemRandomNumberGenerator()
        var instants: [Double] = [0, -1, 86_399, 86_400, -11_676_096_000, 253_402_300_799, 951_782_400, 1_772_323_200]
        instants += (0..<400).map { _ in Double.random(in: -11_676_096_000..<253_402_300_800, using: &generator) }
        instants += (0..<200).map { _ in Double.random(in: 1_767_225_600..<1_798_761_600, using: &generator) }
        for name in zones {
            let zone = try #require(TimeZone(identifier: name))
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            // Around each of the zone's 2026 transitions, minute by minute.
            var switches: [Double] = []
            var cursor = Date(timeIntervalSince1970: 1_767_225_600)
            while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next.timeIntervalSince1970 < 1_798_761_600 {
                switches += stride(from: -120.0, through: 120, by: 30).map { next.timeIntervalSince1970 + $0 }
                cursor = next
            }
            for seconds in instants + switches {
                let date = Date(timeIntervalSince1970: seconds)
                let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
                let expected = String(
                    format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
                    parts.minute ?? 0)
                #expect(AgeFormat.dateTime(date, timeZone: zone) == expected, "\(name) \(seconds)")
            }
        }
    }
}
