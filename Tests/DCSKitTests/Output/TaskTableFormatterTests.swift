import DCSKit
import Foundation
import Testing

@Suite struct TaskTableFormatterTests {
    static let tasks = [
        WatchedTask(
            target: "prod",
            task: MigrationTask(
                taskID: "id-1111", name: "orders-cache", status: "MIGRATING", migrationType: "online_migration",
                migrationMethod: "incremental_migration", dataSource: "10.0.0.1:6379", targetInstanceName: "dcs-orders",
                createdAt: "2024-04-01T10:57:00Z")),
        WatchedTask(
            target: "prod",
            task: MigrationTask(
                taskID: "id-2222", name: "会话缓存迁移", status: "FAILED", migrationType: "backupfile_import",
                sourceInstanceName: "src", targetInstanceName: "dst", createdAt: "2019/10/22 14:44:30")),
        WatchedTask(
            target: "lab",
            task: MigrationTask(
                taskID: "id-3333", name: "evil\u{1B}[2Jname\u{202E}txt", status: "", createdAt: "garbage")),
    ]

    @Test func headerAndRowsLineUpWithCJK() {
        let output = TaskTableFormatter(width: nil, colour: false, showTarget: false).format(Self.tasks)
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("NAME"))
        // STATUS starts in the same terminal column on every line, CJK counted as two columns.
        let statusColumn = DisplayWidth.of(String(lines[0].prefix { $0 != "S" }))
        #expect(DisplayWidth.of(String(lines[1].prefix { $0 != "M" })) == statusColumn)
        #expect(DisplayWidth.of(String(lines[2].components(separatedBy: "FAILED")[0])) == statusColumn)
        #expect(lines[1].contains("online full+incr") && lines[1].contains("2024-04-01 10:57"))
        #expect(lines[2].contains("2019-10-22 14:44"))
    }

    @Test func namesAreSanitisedAndEmptyStatusShowsADash() {
        let output = TaskTableFormatter(width: nil, colour: false, showTarget: true).format(Self.tasks)
        #expect(!output.contains("\u{1B}"))
        #expect(!output.contains("\u{202E}"))
        let evil = output.split(separator: "\n").first { $0.contains("evil") }.map(String.init) ?? ""
        #expect(evil.hasPrefix("lab"))
        #expect(evil.contains("evil\u{FFFD}name\u{FFFD}txt  -"))
    }

    @Test(arguments: [40, 60, 80, 100, 132])
    func everyLineFitsTheWidth(width: Int) {
        let output = TaskTableFormatter(width: width, colour: false, showTarget: true).format(Self.tasks)
        for line in output.split(separator: "\n") {
            #expect(DisplayWidth.of(String(line)) <= width, "\(line)")
        }
        // Narrower than NAME and STATUS at their minimums: lines are cut, and lose colour rather than
        // risk a split escape sequence.
        let tiny = TaskTableFormatter(width: 12, colour: true, showTarget: true).format(Self.tasks)
        let tinyLines = tiny.split(separator: "\n").map(String.init)
        #expect(
            tinyLines.allSatisfy {
                DisplayWidth.of(
                    $0.replacingOccurrences(of: "\u{1B}[35m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "")) <= 12
            })
        #expect(tinyLines[1] == "orders-…  M…")
        // Status stays visible as a word at every width.
        #expect(output.contains("MIGRATING") && output.contains("FAILED"))
    }

    @Test func narrowTablesDropTheLeastUsefulColumnsFirst() {
        let output = TaskTableFormatter(width: 60, colour: false, showTarget: false).format(Self.tasks)
        let header = output.split(separator: "\n").first.map(String.init) ?? ""
        #expect(!header.contains("ID"))
        #expect(header.hasPrefix("NAME") && header.contains("STATUS"))
    }

    @Test func colourWrapsOnlyTheStatusWord() {
        let coloured = TaskTableFormatter(width: nil, colour: true, showTarget: false).format(Array(Self.tasks.prefix(2)))
        #expect(coloured.contains("\u{1B}[36mMIGRATING"))
        #expect(coloured.contains("\u{1B}[31mFAILED"))
        let header = coloured.split(separator: "\n").first.map(String.init) ?? ""
        #expect(!header.contains("\u{1B}"))
        let plain = TaskTableFormatter(width: nil, colour: false, showTarget: false).format(Self.tasks)
        #expect(!plain.contains("\u{1B}"))
    }
}
