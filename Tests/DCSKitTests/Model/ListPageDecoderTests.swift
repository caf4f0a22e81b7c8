import Foundation
import Testing

@testable import DCSKit

/// The streaming list decoder (issue 6) must read exactly what the `JSONValue` tree path reads:
/// same tasks, issues, count and item count, and the same error for every broken body.
@Suite struct ListPageDecoderTests {
    /// Both decoders' outcome, as comparable text.
    static func outcomes(_ text: String) -> (String, String) {
        let data = Data(text.utf8)
        let streamed: String
        let tree: String
        do {
            streamed = String(describing: try ListPageDecoder.decode(data))
        } catch {
            streamed = "error \(error)"
        }
        do {
            tree = String(describing: try TaskListPage.decodeThroughTree(data))
        } catch {
            tree = "error \(error)"
        }
        return (streamed, tree)
    }

    @Test(arguments: [
        #"{"count":2,"migration_tasks":[{"task_id":"t1","task_name":"a","status":"MIGRATING"},{"task_id":7,"status":null}]}"#,
        #"{"migration_tasks":[7,"x",null,[],{"task_id":""},{"task_id":"  "},{"task_name":"no id"}],"count":"9"}"#,
        #"{"count":1,"migration_tasks":[{"task_id":"a","task_id":"b","supported_features":["x",1,null,true],"version":6.0}]}"#,
        #"{"count":1,"migration_tasks":[{"task_id":"a","supported_features":"x","created_at":"2024-04-01T10:57:00.5+08:00"}]}"#,
        #"{"count":1,"migration_tasks":[{"task_id":"a","extra":{"deep":[1,{"x":null}]},"description":"\u00e9\n\"q\"\ud800"}]}"#,
        #"{"count":1,"migration_tasks":[{"task\u005fid":"escaped-key","task_name":"same source_instance_subnet_id value"}]}"#,
        #"{"count":3,"migration_tasks":null}"#, #"{"count":3}"#, #"{"migration_tasks":null}"#, #"{}"#,
        #"{"migration_tasks":{"a":1}}"#, #"{"migration_tasks":[{"task_id":"a"}],"migration_tasks":"no"}"#,
        #"{"migration_tasks":"no","migration_tasks":[{"task_id":"a"}]}"#, #"{"count":1.5,"migration_tasks":[]}"#,
        "[]", "7", "null", #""text""#, "", "   ", "{", #"{"count":1,"migration_tasks":[{"task_id":"a"}]} x"#,
        #"{"count":1,"migration_tasks":[{"task_id":"a",}]}"#, #"{"count":1,"migration_tasks":[{"task_id" "a"}]}"#,
        #"{"count":1,"migration_tasks":[{"task_id":"a"} {"task_id":"b"}]}"#,
        "{\"count\":1,\"migration_tasks\":[{\"task_id\":\"a\tb\"}]}",
        #"{"count":1,"migration_tasks":[{"task_id":"a\qb"}]}"#,
        #"  {"count": 1 , "migration_tasks" : [ { "task_id" : "a" } ] }  "#,
    ])
    func readsWhatTheTreePathReads(text: String) {
        let (streamed, tree) = Self.outcomes(text)
        #expect(streamed == tree)
    }

    @Test func everyCutOfAPageFailsTheSameWay() {
        let text =
            #"{"count":2,"migration_tasks":[{"task_id":"t-1","task_name":"n\u00e9","status":"SUCCESS","supported_features":["a"]},{"task_id":"t-2","data_source":"10.0.0.1:6379"}]}"#
        let bytes = Array(text.utf8)
        for cut in 0..<bytes.count {
            let prefix = String(decoding: bytes[..<cut], as: UTF8.self)
            let (streamed, tree) = Self.outcomes(prefix)
            #expect(streamed == tree, "cut at \(cut)")
        }
    }

    @Test func randomPagesDecodeAlike() {
        var generator = SplitMix(seed: 6)
        let values = [
            #""""#, #""MIGRATING""#, #""a long value that repeats on every task, 36 bytes""#, "null", "12", "-3.25", "true",
            #"["x","y"]"#, #"{"k":"v"}"#, #""\u001b[31mred\u001b[0m""#, #""tab\tand \"quote\"""#, #""名前""#,
        ]
        let keys = ListPageDecoder.fieldNames.map { String(decoding: $0, as: UTF8.self) } + ["unknown", "count"]
        for _ in 0..<200 {
            let items = (0..<Int(generator.next() % 6)).map { _ -> String in
                if generator.next() % 10 == 0 { return values[Int(generator.next() % UInt64(values.count))] }
                let members = (0..<Int(generator.next() % 8)).map { _ in
                    "\"\(keys[Int(generator.next() % UInt64(keys.count))])\":\(values[Int(generator.next() % UInt64(values.count))])"
                }
                return "{\"task_id\":\"t\(generator.next() % 4)\"," + members.joined(separator: ",") + "}"
            }
            let text = #"{"count":\#(generator.next() % 9),"migration_tasks":[\#(items.joined(separator: ","))]}"#
            let (streamed, tree) = Self.outcomes(text)
            #expect(streamed == tree, "\(text)")
        }
    }

    @Test func repeatedLongValuesShareOneString() throws {
        let value = "subnet-0123456789abcdef-0123456789abcdef"
        let items = (0..<3).map { #"{"task_id":"t\#($0)","source_instance_subnet_id":"\#(value)"}"# }
        let page = try ListPageDecoder.decode(Data(#"{"count":3,"migration_tasks":[\#(items.joined(separator: ","))]}"#.utf8))
        let texts = page.tasks.map(\.sourceInstanceSubnetID)
        #expect(texts == [value, value, value])
        // Same storage: the interner handed out one string.
        let addresses = texts.map { text in text.utf8.withContiguousStorageIfAvailable { UInt(bitPattern: $0.baseAddress) } }
        #expect(addresses[0] != nil && Set(addresses).count == 1)
    }
}

/// A small deterministic generator for the random tests.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
