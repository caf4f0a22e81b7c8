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
}
