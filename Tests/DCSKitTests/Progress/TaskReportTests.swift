import DCSKit
import Foundation
import Testing

/// `dcswatch show`'s report: every part or the reason it is missing; passwords never in it.
@Suite struct TaskReportTests {
    static let task = WatchedTask(target: "prod", task: MigrationTask(taskID: "t-1", name: "orders\u{1B}[2J", status: "FAILED"))

    static func detail() throws -> TaskDetail {
        let body = #"""
            {"task_id": "t-1", "network_type": "vpc", "bandwidth_limit_mb": 100, "task_status": "FAILED",
             "source_instance": {"addrs": "10.0.0.1:6379", "password": "hunter2-source"},
             "target_instance": {"addrs": "10.0.0.2:6379", "id": "i-2", "name": "dcs-2", "password": "hunter2-target"}}
            """#
        guard case .success(let detail) = try TaskDetail.decode(Data(body.utf8)) else {
            throw ReportError(message: "undecodable")
        }
        return detail
    }

    @Test func tableHasEverySectionSanitisedAndNoPassword() throws {
        let report = TaskReport(
            task: Self.task, detail: .success(try Self.detail()),
            stats: .success(TaskStats(fullMigrationProgress: 42.5, isMigrating: false)),
            logs: .success(.notOffered))
        let text = report.tableText()
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.filter { !$0.hasPrefix(" ") } == ["Task", "Detail", "Stats", "Logs"])
        #expect(lines.contains("  logs not offered by this cloud"))
        #expect(lines.contains { $0.hasPrefix("  task_name ") && $0.hasSuffix("orders\u{FFFD}") })
        #expect(lines.contains { $0.hasPrefix("  full_migration_progress ") && $0.hasSuffix(" 42.5 %") })
        #expect(lines.contains { $0.hasPrefix("  target_instance.name ") && $0.hasSuffix(" dcs-2") })
        #expect(!text.contains("hunter2") && !text.contains("\u{1B}"))
    }

    @Test func jsonCarriesPartsOrTheirErrors() throws {
        let report = TaskReport(
            task: Self.task, detail: .success(try Self.detail()), stats: .failure(ReportError(message: "HTTP 400 DCS.4133")),
            logs: .success(
                .page(
                    total: 1,
                    entries: [MigrationLogEntry(createdAt: "2026-01-01T00:00:00Z", level: "ERROR", message: "boom", code: "E1")]))
        )
        let text = try report.json()
        #expect(!text.contains("hunter2"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect((object["task"] as? [String: Any])?["task_name"] as? String == "orders\u{1B}[2J")  // raw, escaped by JSON
        #expect((object["detail"] as? [String: Any])?["bandwidth_limit_mb"] as? Int == 100)
        #expect(
            ((object["detail"] as? [String: Any])?["source_instance"] as? [String: Any])?.keys.sorted() == [
                "addrs", "id", "name",
            ])
        #expect(object["stats"] is NSNull)
        #expect(object["stats_error"] as? String == "HTTP 400 DCS.4133")
        let logs = try #require(object["logs"] as? [String: Any])
        #expect(logs["offered"] as? Bool == true)
        #expect(logs["log_num"] as? Int == 1)
        #expect((logs["entries"] as? [[String: Any]])?.first?["message"] as? String == "boom")
        #expect(!text.contains("\u{1B}"))
    }
}
