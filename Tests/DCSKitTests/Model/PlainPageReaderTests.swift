import Foundation
import Testing

@testable import DCSKit

/// The list page fast path against the `Codable` read it stands in for (issue 15): on every page it
/// takes it must give exactly what `JSONDecoder` gives, and it must leave every page it cannot read
/// plainly to `JSONDecoder`.
@Suite struct PlainPageReaderTests {
    static func plain(_ text: String) -> TaskListPage? {
        Data(text.utf8).withUnsafeBytes { raw in
            var reader = PlainPageReader(bytes: raw.bindMemory(to: UInt8.self))
            return reader.page()
        }
    }

    static func codable(_ text: String) throws -> TaskListPage {
        try LenientJSON.decode(ListPageBody.self, from: Data(text.utf8)).page
    }

    @Test func everyFieldIndexIsItsPositionInTheFieldList() {
        for (position, field) in ListPageDecoder.fields.enumerated() {
            #expect(field.index == position, "\(field)")
        }
    }

    @Test func randomPlainPagesReadAsJSONDecoderReadsThem() throws {
        var generator = SplitMix(seed: 15)
        let values = [#""""#, #""MIGRATING""#, "null", #""名前 é""#, #""  padded  ""#, #""a-b_c:6379""#]
        let unknownValues = ["12", "-3.25e2", "true", "false", "null", #""text""#, "0"]
        let keys = MigrationTask.ListField.allCases.map(\.rawValue).filter { $0 != "supported_features" }
        for round in 0..<300 {
            let count = Int(generator.next() % 5)
            let items = (0..<count).map { index -> String in
                // Each field at most once: a repeated one is left to `JSONDecoder` (the last case below).
                var chosen: [String] = []
                for _ in 0..<Int(generator.next() % 10) {
                    let key = keys[Int(generator.next() % UInt64(keys.count))]
                    if key != "task_id", !chosen.contains(key) { chosen.append(key) }
                }
                var members = chosen.map { "\"\($0)\":\(values[Int(generator.next() % UInt64(values.count))])" }
                if generator.next() % 2 == 0 { members.append(#""supported_features":["x","y"]"#) }
                if generator.next() % 2 == 0 {
                    members.append(#""unknown":\#(unknownValues[Int(generator.next() % UInt64(unknownValues.count))])"#)
                }
                if generator.next() % 4 != 0 { members.append(#""task_id":"t\#(index)""#) }
                return "{" + members.joined(separator: generator.next() % 2 == 0 ? "," : " ,\n ") + "}"
            }
            let text = #" {"count": \#(count), "migration_tasks":[\#(items.joined(separator: ","))]} "#
            let fast = try #require(Self.plain(text), "round \(round): \(text)")
            #expect(fast == (try Self.codable(text)), "round \(round): \(text)")
        }
    }

    @Test(arguments: [
        #"{"count":1,"migration_tasks":[{"task_id":"a\"b"}]}"#, #"{"count":1,"migration_tasks":[{"task_id":7}]}"#,
        #"{"count":1,"migration_tasks":[7]}"#, #"{"count":"1","migration_tasks":[]}"#, #"{"count":1.5,"migration_tasks":[]}"#,
        #"{"count":01,"migration_tasks":[]}"#, #"{"count":1,"migration_tasks":null}"#, #"{"count":1}"#,
        #"{"count":1,"migration_tasks":[{"extra":{"deep":1},"task_id":"a"}]}"#, #"{"count":1,"migration_tasks":[]} x"#,
        #"{"count":1,"migration_tasks":[{"task\u005fid":"a"}]}"#, #"{"count":1,"migration_tasks":[{"supported_features":[1]}]}"#,
        #"{"count":1,"migration_tasks":[{"task_id":"a",}]}"#, "[]", "",
        #"{"count":1,"migration_tasks":[{"task_id":null,"task_id":"a"}]}"#,
    ])
    func leavesWhatItCannotReadPlainlyToJSONDecoder(text: String) {
        #expect(Self.plain(text) == nil)
    }
}
