import Foundation
import Testing

@testable import DCSKit

/// The byte parser (issue 6) must read what `JSONDecoder` reads, the same way.
@Suite struct JSONParserTests {
    /// The reference: Foundation's decoder through `Codable`.
    static func reference(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    @Test(arguments: [
        #"{"a":1,"b":[true,false,null],"c":"x\"y\\z\/\n\t","d":-12.5,"e":{}}"#,
        #"[1, -0, 9007199254740993, 1.5, 2E-3, "é 订单 \u00e9 \ud83d\ude00"]"#,
        #"  {"count": 2, "migration_tasks": [{"task_id": "t1", "status": "MIGRATING"}, {"task_id": 7}]}  "#,
        #""just a string""#, "0", "-7", "true", "null", "[]",
    ])
    func readsWhatJSONDecoderReads(text: String) throws {
        #expect(try JSONParser.parse(Data(text.utf8)) == Self.reference(text))
    }

    @Test func largeIntegersStayExact() throws {
        #expect(try JSONParser.parse(Data("9223372036854775807".utf8)) == .int(Int64.max))
        #expect(try JSONParser.parse(Data("-9223372036854775808".utf8)) == .int(Int64.min))
        #expect(try JSONParser.parse(Data("9223372036854775808".utf8)) == .double(9_223_372_036_854_775_808))
    }

    @Test(arguments: [
        "", "{", #"{"a":}"#, #"{"a" 1}"#, "[1,]", "01", "1.", "-", "tru", #""unterminated"#, #""bad \q escape""#,
        "{} x", "\"tab\tinside\"", "[1 2]",
    ])
    func rejectsWhatIsNotJSON(text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Data(text.utf8)) }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let text = String(repeating: "[", count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Data(text.utf8)) }
    }

    @Test func loneSurrogatesBecomeReplacementCharacters() throws {
        #expect(try JSONParser.parse(Data(#""a\ud800b""#.utf8)) == .string("a\u{FFFD}b"))
        #expect(try JSONParser.parse(Data(#""\udc00""#.utf8)) == .string("\u{FFFD}"))
    }
}
