import DCSKit
import Foundation
import Testing

@Suite struct MachineFormatterTests {
    static let task = WatchedTask(
        target: "prod",
        task: MigrationTask(
            taskID: "t1", name: "a,\"b\"\nc\u{1B}[31m", status: "INCRMIGEATING", migrationType: "online_migration",
            createdAt: "2024-04-01T10:57:00Z", description: "=HYPERLINK(\"http://x\")", supportedFeatures: ["f1", "f2"]))

    @Test func jsonHasEveryFieldSortedAndRaw() throws {
        let output = TaskJSONFormatter().format([Self.task])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
        let record = try #require(parsed.first)
        #expect(Set(record.keys) == Set(TaskRecord.fieldNames))
        #expect(record["status"] as? String == "INCRMIGEATING")
        #expect(record["status_category"] as? String == "running")
        #expect(record["task_name"] as? String == "a,\"b\"\nc\u{1B}[31m")
        #expect(record["created_at_utc"] as? String == "2024-04-01T10:57:00Z")
        #expect(record["released_at"] as? String == "")
        #expect(record["supported_features"] as? [String] == ["f1", "f2"])
        // Control characters are escaped, never raw.
        #expect(!output.contains("\u{1B}"))
        let keys = output.split(separator: "\n").filter { $0.hasPrefix("    \"") }.map { $0.split(separator: "\"")[1] }
        #expect(keys == keys.sorted())
        #expect(TaskJSONFormatter().format([]) == "[\n\n]\n" || TaskJSONFormatter().format([]) == "[]\n")
    }

    @Test func ndjsonIsOneObjectPerLineAndStable() throws {
        let tasks = [Self.task, WatchedTask(target: "lab", task: MigrationTask(taskID: "t2"))]
        let output = TaskJSONFormatter(lineDelimited: true).format(tasks)
        let lines = output.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines { _ = try JSONSerialization.jsonObject(with: Data(line.utf8)) }
        #expect(lines[1].hasPrefix(#"{"created_at":"","created_at_utc":null,"data_source":"""#))
        #expect(output == TaskJSONFormatter(lineDelimited: true).format(tasks))
    }

    @Test func csvQuotesPerRFC4180AndNeutralisesFormulas() {
        let output = TaskCSVFormatter().format([Self.task])
        let lines = output.components(separatedBy: "\r\n")
        #expect(lines.count == 3 && lines[2].isEmpty)
        #expect(lines[0] == TaskRecord.fieldNames.joined(separator: ","))
        #expect(lines[1].hasPrefix(#"prod,t1,"a,""b"" c"#))
        #expect(!output.contains("\u{1B}"))
        #expect(lines[1].contains(#""'=HYPERLINK(""http://x"")""#))
        #expect(lines[1].hasSuffix(",f1;f2"))
        #expect(TaskCSVFormatter.field("-12.5") == "-12.5")
        #expect(TaskCSVFormatter.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(TaskCSVFormatter.field("+cmd") == "'+cmd")
        #expect(TaskCSVFormatter.field("plain") == "plain")
    }

    @Test func selectionFiltersByCategoryOrRawAndSortsStably() {
        let tasks = [
            WatchedTask(
                target: "b", task: MigrationTask(taskID: "3", name: "zeta", status: "SUCCESS", createdAt: "2024-01-03T00:00:00Z")),
            WatchedTask(
                target: "a", task: MigrationTask(taskID: "2", name: "Alpha", status: "MIGRATION_FAILED", createdAt: "bad")),
            WatchedTask(
                target: "a",
                task: MigrationTask(taskID: "1", name: "alpha", status: "FULLMIGRATING", createdAt: "2024-01-01T00:00:00Z")),
            WatchedTask(
                target: "a",
                task: MigrationTask(taskID: "4", name: "beta", status: "EXCHANGING", createdAt: "2024-01-02T00:00:00Z")),
        ]
        func ids(_ selection: ListSelection) -> [String] { selection.apply(tasks).map(\.task.taskID) }
        #expect(ids(ListSelection(statuses: ["failed"])) == ["2"])
        #expect(ids(ListSelection(statuses: ["running", "exchanging"])) == ["1", "4"])
        #expect(ids(ListSelection(nameContains: "ALP")) == ["1", "2"])
        #expect(ids(ListSelection(sort: .name)) == ["1", "2", "4", "3"])
        #expect(ids(ListSelection(sort: .status)) == ["2", "1", "4", "3"])
        #expect(ids(ListSelection(sort: .created)) == ["1", "4", "3", "2"])
        #expect(ids(ListSelection(sort: .created, reverse: true)) == ["2", "3", "4", "1"])
        #expect(ids(ListSelection(sort: .target)) == ["1", "2", "4", "3"])
        #expect(ListSelection.isValidStatus("EXCHANGING") && !ListSelection.isValidStatus("rm -rf"))
    }
}

@Suite struct JSONWritingTests {
    @Test func escapesWhatJSONAndTerminalsNeed() throws {
        let record = TaskRecord(
            WatchedTask(
                target: "t",
                task: MigrationTask(
                    taskID: "id", name: "q\"b\\s/\n\t\u{01}\u{1B}[1m\u{7F}\u{9B}\u{2028}名", supportedFeatures: [])))
        let line = record.json(pretty: false)
        #expect(line.contains(#""task_name":"q\"b\\s/\n\t\u0001\u001b[1m\u007f\u009b\u2028名""#))
        #expect(line.contains(#""supported_features":[]"#))
        // The same text parses back to the original.
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(parsed["task_name"] as? String == "q\"b\\s/\n\t\u{01}\u{1B}[1m\u{7F}\u{9B}\u{2028}名")
        #expect(parsed.count == TaskRecord.fieldNames.count)
    }

    @Test func bidiAndInvisibleCharactersAreEscapedLosslessly() throws {
        let name = "a\u{202E}b\u{200B}c\u{FEFF}d\u{00AD}e\u{2029}f\u{061C}g"
        let line = TaskRecord(WatchedTask(target: "t", task: MigrationTask(taskID: "id", name: name))).json(pretty: false)
        #expect(line.contains(#""task_name":"a\u202eb\u200bc\ufeffd\u00ade\u2029f\u061cg""#))
        #expect(!line.unicodeScalars.contains { $0.value > 0x7E })
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(parsed["task_name"] as? String == name)
    }

    @Test func showAndEventsEscapeAsListDoes() throws {
        let name = "q\"b\\s/\n\u{01}\u{1B}[1m\u{7F}\u{9B}\u{2028}\u{202E}名"
        let record = TaskRecord(WatchedTask(target: "t", task: MigrationTask(taskID: "id", name: name))).json(pretty: false)
        let encoded = try JSONOutput.text(["task_name": name])
        #expect(record.contains(String(encoded.dropFirst().dropLast())))
    }

    @Test func prettyJSONIsIndentedAsAnArrayElement() {
        let output = TaskJSONFormatter().format([
            WatchedTask(target: "t", task: MigrationTask(taskID: "a", supportedFeatures: ["x", "y"]))
        ])
        #expect(output.hasPrefix("[\n  {\n    \"created_at\": \"\",\n    \"created_at_utc\": null,\n"))
        #expect(output.contains("    \"supported_features\": [\"x\", \"y\"],\n"))
        #expect(output.hasSuffix("\n  }\n]\n"))
        #expect(TaskJSONFormatter().format([]) == "[]\n")
    }
}
