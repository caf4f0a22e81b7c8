import DCSKit
import Foundation
import Testing

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
