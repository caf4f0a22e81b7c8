import DCSKit
import Foundation
import Testing

@Suite("Progress maths")
struct ProgressMathsTests {
    let start = Date(timeIntervalSince1970: 1_767_225_600)

    func samples(_ points: [(TimeInterval, Double?)]) -> [ProgressSample] {
        points.map { ProgressSample(at: start.addingTimeInterval($0.0), progress: $0.1, lag: nil) }
    }

    @Test func etaFromRecentRate() {
        // 10 % in 100 s → 1 %/10 s; 60 % left → 600 s.
        #expect(ProgressEstimate.timeLeft(samples([(0, 30), (50, 35), (100, 40)])) == 600)
    }

    @Test func etaUsesOnlyTheWindow() {
        // The early slow phase (0 → 1 % in 1000 s) is outside the 600 s window; recent rate is 1 %/10 s.
        let points: [(TimeInterval, Double?)] = [(0, 0), (1_000, 1), (1_500, 51), (1_600, 61)]
        #expect(ProgressEstimate.timeLeft(samples(points)) == 390)
    }

    @Test func etaUnknownWhenItCannotBeKnown() {
        #expect(ProgressEstimate.timeLeft([]) == nil)
        #expect(ProgressEstimate.timeLeft(samples([(0, 40)])) == nil)
        #expect(ProgressEstimate.timeLeft(samples([(0, 40), (2, 41)])) == nil)  // span under 5 s
        #expect(ProgressEstimate.timeLeft(samples([(0, 40), (60, 40)])) == nil)  // stalled
        #expect(ProgressEstimate.timeLeft(samples([(0, 40), (60, 30)])) == nil)  // went backwards
        #expect(ProgressEstimate.timeLeft(samples([(0, 90), (60, 100)])) == nil)  // done
        #expect(ProgressEstimate.timeLeft(samples([(0, nil), (60, nil)])) == nil)
    }

    @Test func sparklineScalesBetweenMinimumAndMaximum() {
        #expect(Sparkline.render([0, 1, 2, 3, 4, 5, 6, 7], width: 8) == "▁▂▃▄▅▆▇█")
        #expect(Sparkline.render([10, 20], width: 8) == "▁█")
        #expect(Sparkline.render([0, 7], width: 8, ascii: true) == "_#")
        // Only the last `width` values.
        #expect(Sparkline.render([100, 0, 7], width: 2) == "▁█")
    }

    @Test func sparklineEdgeCases() {
        #expect(Sparkline.render([], width: 5) == "")
        #expect(Sparkline.render([3, 3, 3], width: 5) == "▁▁▁")
        #expect(Sparkline.render([1, 2], width: 0) == "")
        #expect(Sparkline.render([.nan, 1, .infinity, 2], width: 5) == "▁█")
        // With a floor of 0, a flat non-zero series sits at the top, and 50 of 100 mid-way (level 3.5 → 4).
        #expect(Sparkline.render([5, 5], width: 5, floor: 0) == "██")
        #expect(Sparkline.render([50, 100], width: 5, floor: 0) == "▅█")
        // A fixed 0–100 scale (progress): 50 → 3.5 → 4, 120 clamped to the top.
        #expect(Sparkline.render([0, 50, 120], width: 5, floor: 0, ceiling: 100) == "▁▅█")
    }

    @Test func historyRingKeepsTheLatest() {
        var history = TaskHistory(capacity: 3)
        for second in 0..<5 {
            history.append(ProgressSample(at: start.addingTimeInterval(Double(second)), progress: Double(second), lag: nil))
        }
        #expect(history.count == 3)
        #expect(history.samples.map(\.progress) == [2, 3, 4])
        #expect(history.latest?.progress == 4)
    }

    @Test func compactNumbers() {
        #expect(CompactNumber.format(950) == "950")
        #expect(CompactNumber.format(12_345) == "12.3k")
        #expect(CompactNumber.format(4_500_000) == "4.5M")
        #expect(CompactNumber.format(250_000) == "250k")
        #expect(CompactNumber.format(2_000) == "2k")
        #expect(CompactNumber.format(nil) == "-")
        #expect(CompactNumber.percent(42) == "42%")
        #expect(CompactNumber.percent(99.54) == "99.5%")
        #expect(CompactNumber.percent(140) == "100%")
    }

    /// Stats are API data: absurd numbers must print, not trap (`Int(Double)` traps out of range).
    @Test func absurdNumbersPrintInsteadOfTrapping() {
        #expect(CompactNumber.format(1e300) == "1.0e+300")
        #expect(CompactNumber.format(-1e300) == "-1.0e+300")
        #expect(CompactNumber.format(9.3e18) == "9.3e+18")
        #expect(CompactNumber.format(999e12) == "999000G")
        #expect(CompactNumber.format(.infinity) == "-")
        #expect(CompactNumber.percent(-1e300) == "0%")
        let line = Sparkline.render([-1e308, 1e308, 0, .nan], width: 4, ascii: true)
        #expect(line.count == 3)
        #expect(Sparkline.render([1, 1e308, -1e308], width: 3, floor: 0).count == 3)
    }

    @Test func statsDecodeNumbersStringsNullsAndStringBools() throws {
        let body = """
            {"full_migration_progress": "42.5", "offset": 0, "source_dbsize": " 1000 ", "target_dbsize": null,
             "target_input_kbps": 12.5, "target_ops": "n/a", "is_migrating": "true"}
            """
        let stats = try TaskStats.decode(Data(body.utf8))
        #expect(stats.fullMigrationProgress == 42.5)
        #expect(stats.offset == 0)
        #expect(stats.sourceDBSize == 1000)
        #expect(stats.targetDBSize == nil)
        #expect(stats.targetInputKbps == 12.5)
        #expect(stats.targetOps == nil)
        #expect(stats.isMigrating == true)
        let other = try TaskStats.decode(Data(#"{"is_migrating": "FALSE", "offset": "17"}"#.utf8))
        #expect(other.isMigrating == false)
        #expect(other.offset == 17)
        #expect(try TaskStats.decode(Data("[1]".utf8)) == TaskStats())
    }
}
