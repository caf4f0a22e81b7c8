import Foundation
import Testing

@testable import DCSKit

/// The tolerant reads every model goes through: each JSON type read as text, number, integer, bool.
@Suite struct LenientJSONTests {
    static func scalar(_ json: String) throws -> LenientScalar {
        try LenientJSON.decode(LenientScalar.self, from: Data(json.utf8))
    }

    @Test func scalarsConvertAsTheAPIsOddTypesNeed() throws {
        #expect(try Self.scalar(#""x""#).string == "x")
        #expect(try Self.scalar("12").string == "12" && Self.scalar("12.0").string == "12" && Self.scalar("1.5").string == "1.5")
        #expect(try Self.scalar("true").string == "true" && Self.scalar("null").string == nil && Self.scalar("[1]").string == nil)
        #expect(try Self.scalar(#"" 42.5 ""#).double == 42.5 && Self.scalar(#""lots""#).double == nil)
        #expect(try Self.scalar("9223372036854775807").int == Int.max)
        #expect(try Self.scalar("7.0").int == 7 && Self.scalar("7.5").int == nil && Self.scalar(#""17""#).int == 17)
        #expect(try Self.scalar(#""YES""#).bool == true && Self.scalar("0").bool == false && Self.scalar("2").bool == nil)
        #expect(try Self.scalar("{}") == .other)
    }

    @Test func shapesAreNamed() throws {
        let names = try ["null", "true", "1", #""s""#, "[]", "{}"].map {
            try LenientJSON.decode(JSONShape.self, from: Data($0.utf8)).name
        }
        #expect(names == ["null", "a boolean", "a number", "a string", "an array", "an object"])
    }

    @Test func parserErrorsAreShortAndSayWhere() {
        do {
            let data = Data("{\"a\": 1,\n \"b\" 2}".utf8)
            _ = try LenientJSON.decode(LenientScalar.self, from: data)
            Issue.record("decoded")
        } catch {
            let message = LenientJSON.describe(error, in: Data("{\"a\": 1,\n \"b\" 2}".utf8))
            #expect(message.contains("character 14") || message.contains("line 2"), "\(message)")
            #expect(!message.contains("dataCorrupted"))
        }
    }
}
