import DCSKit
import Foundation
import Testing

/// `TaskListPage.decode` (the fast path, else `JSONDecoder`): what each odd page gives, and the error of each broken body.
@Suite struct TaskListPageDecodingTests {
    static func page(_ text: String) throws -> TaskListPage {
        try TaskListPage.decode(Data(text.utf8))
    }

    static func error(_ text: String) -> PageDecodingError? {
        do {
            _ = try TaskListPage.decode(Data(text.utf8))
            return nil
        } catch {
            return error
        }
    }

    @Test func itemsThatAreNoTaskAreIssuesAndTheRestIsKept() throws {
        let page = try Self.page(
            #"{"migration_tasks":[7,"x",null,[],{"task_id":""},{"task_id":"  "},{"task_name":"no id"},{"task_id":7,"status":null}],"count":"9"}"#
        )
        #expect(page.count == 9 && page.itemCount == 8)
        #expect(page.tasks.map(\.taskID) == ["7"])
        #expect(page.issues.map(\.index) == [0, 1, 2, 3, 4, 5, 6])
        #expect(
            page.issues.prefix(4).map(\.reason) == [
                "expected an object, got a number", "expected an object, got a string", "expected an object, got null",
                "expected an object, got an array",
            ])
        #expect(page.issues.dropFirst(4).allSatisfy { $0.reason == "task_id is missing or empty" })
    }

    @Test func scalarsOfOtherTypesBecomeText() throws {
        let task = try #require(
            try Self.page(
                #"{"count":1,"migration_tasks":[{"task_id":"a","supported_features":["x",1,null,true,{"k":1}],"version":6.0,"description":"\u00e9\n\"q\"","extra":{"deep":[1,{"x":null}]}}]}"#
            ).tasks.first)
        #expect(task.supportedFeatures == ["x", "1", "true"])
        #expect(task.version == "6")
        #expect(task.description == "é\n\"q\"")
        let odd = try #require(
            try Self.page(#"{"count":1,"migration_tasks":[{"task_id":"a","supported_features":"x","version":6.5}]}"#).tasks.first)
        #expect(odd.supportedFeatures.isEmpty && odd.version == "6.5")
    }

    @Test func escapedMemberNamesAndWhitespaceAreJSON() throws {
        #expect(
            try Self.page(#"{"count":1,"migration_tasks":[{"task\u005fid":"escaped-key"}]}"#).tasks.map(\.taskID) == [
                "escaped-key"
            ])
        #expect(try Self.page(#"  {"count": 1 , "migration_tasks" : [ { "task_id" : "a" } ] }  "#).tasks.map(\.taskID) == ["a"])
    }

    @Test func nullOrMissingTasksAreAnEmptyPageOnlyWithACount() throws {
        #expect(try Self.page(#"{"count":3,"migration_tasks":null}"#) == TaskListPage(count: 3, tasks: [], itemCount: 0))
        #expect(try Self.page(#"{"count":3}"#) == TaskListPage(count: 3, tasks: [], itemCount: 0))
        #expect(try Self.page(#"{"count":1.5,"migration_tasks":[]}"#) == TaskListPage(count: nil, tasks: [], itemCount: 0))
        let neither = PageDecodingError.unexpectedShape("neither migration_tasks nor count is present")
        #expect(Self.error(#"{"migration_tasks":null}"#) == neither)
        #expect(Self.error("{}") == neither)
    }

    @Test func wrongShapesSayWhatCameInstead() {
        #expect(Self.error(#"{"migration_tasks":{"a":1}}"#) == .unexpectedShape("migration_tasks is an object, not an array"))
        #expect(
            Self.error(#"{"count":1,"migration_tasks":"no"}"#) == .unexpectedShape("migration_tasks is a string, not an array"))
        #expect(Self.error("[]") == .unexpectedShape("the body is an array, not an object"))
        #expect(Self.error("7") == .unexpectedShape("the body is a number, not an object"))
        #expect(Self.error("null") == .unexpectedShape("the body is null, not an object"))
        #expect(Self.error(#""text""#) == .unexpectedShape("the body is a string, not an object"))
    }

    @Test(arguments: [
        "", "   ", "{", #"{"count":1,"migration_tasks":[{"task_id":"a"}]} x"#,
        #"{"count":1,"migration_tasks":[{"task_id" "a"}]}"#,
        #"{"count":1,"migration_tasks":[{"task_id":"a"} {"task_id":"b"}]}"#,
    ])
    func textThatIsNotJSONIsNotJSON(text: String) {
        guard case .notJSON(let message)? = Self.error(text) else {
            Issue.record("\(text) decoded or failed otherwise")
            return
        }
        #expect(!message.isEmpty)
    }

    /// One JSON grammar (issue 15): what the fast path does not take, Foundation's `JSONDecoder` reads,
    /// with its leniency (a trailing comma), and a string it cannot read (a raw tab, an unknown escape,
    /// a lone surrogate) is an absent field, as in every other body: the rest of the item stays.
    @Test func whatTheFastPathLeavesIsReadAsJSONDecoderReadsIt() throws {
        let tab = try Self.page("{\"count\":1,\"migration_tasks\":[{\"task_id\":\"t\",\"task_name\":\"a\tb\"}]}")
        #expect(tab.tasks.map(\.taskID) == ["t"] && tab.tasks.first?.name == "")
        #expect(try Self.page(#"{"count":1,"migration_tasks":[{"task_id":"a",}]}"#).tasks.map(\.taskID) == ["a"])
        let escape = try Self.page(#"{"count":1,"migration_tasks":[{"task_id":"a\qb"},{"task_id":"c"}]}"#)
        #expect(escape.tasks.map(\.taskID) == ["c"] && escape.issues.map(\.index) == [0])
        let task = try #require(
            try Self.page(#"{"count":1,"migration_tasks":[{"task_id":"c","task_name":"n\ud800","description":"\udc00 d"}]}"#)
                .tasks.first)
        #expect(task.taskID == "c" && task.name.isEmpty && task.description.isEmpty)
    }

    @Test func repeatedLongValuesShareOneString() throws {
        let value = "subnet-0123456789abcdef-0123456789abcdef"
        let items = (0..<3).map { #"{"task_id":"t\#($0)","source_instance_spec_code":"\#(value)"}"# }
        let page = try Self.page(#"{"count":3,"migration_tasks":[\#(items.joined(separator: ","))]}"#)
        let texts = page.tasks.map(\.sourceInstanceSpecCode)
        #expect(texts == [value, value, value])
        // Same storage: the interner handed out one string.
        let addresses = texts.map { text in text.utf8.withContiguousStorageIfAvailable { UInt(bitPattern: $0.baseAddress) } }
        #expect(addresses[0] != nil && Set(addresses).count == 1)
    }

    @Test func invalidUTF8IsRepairedNotDropped() throws {
        var body = Data(#"{"count":1,"migration_tasks":[{"task_id":"t-1","task_name":"bad "#.utf8)
        body += Data([0xFF, 0x20, 0xF0, 0x90, 0x80, 0x20, 0xED, 0xA0, 0x80])
        body += Data(#"","status":"MIGRATING"}]}"#.utf8)
        let task = try #require(try TaskListPage.decode(body).tasks.first)
        #expect(task.name.hasPrefix("bad \u{FFFD} \u{FFFD} \u{FFFD}"))
        #expect(task.status.raw == "MIGRATING")
    }

    @Test func everyCutOfAPageFails() throws {
        let text =
            #"{"count":2,"migration_tasks":[{"task_id":"t-1","task_name":"n\u00e9","status":"SUCCESS","supported_features":["a"]},{"task_id":"t-2","data_source":"10.0.0.1:6379"}]}"#
        let bytes = Array(text.utf8)
        for cut in 0..<bytes.count {
            #expect(throws: PageDecodingError.self, "cut at \(cut)") { try TaskListPage.decode(Data(bytes[..<cut])) }
        }
        #expect(try Self.page(text).tasks.map(\.taskID) == ["t-1", "t-2"])
    }

    @Test func randomPagesKeepEveryItemWithAnID() throws {
        var generator = SplitMix(seed: 6)
        let values = [
            #""""#, #""MIGRATING""#, "null", "12", "-3.25", "true", #"["x","y"]"#, #"{"k":"v"}"#, #""\u001b[31mred\u001b[0m""#,
            #""名前""#,
        ]
        let keys = ["task_name", "status", "created_at", "supported_features", "version", "unknown", "count"]
        for _ in 0..<200 {
            let count = Int(generator.next() % 6)
            let items = (0..<count).map { index -> String in
                let members = (0..<Int(generator.next() % 8)).map { _ in
                    "\"\(keys[Int(generator.next() % UInt64(keys.count))])\":\(values[Int(generator.next() % UInt64(values.count))])"
                }
                return "{" + (members + ["\"task_id\":\"t\(index)\""]).joined(separator: ",") + "}"
            }
            let text = #"{"count":\#(count),"migration_tasks":[\#(items.joined(separator: ","))]}"#
            let page = try Self.page(text)
            #expect(page.tasks.map(\.taskID) == (0..<count).map { "t\($0)" }, "\(text)")
            #expect(page.issues.isEmpty && page.count == count)
        }
    }
}
