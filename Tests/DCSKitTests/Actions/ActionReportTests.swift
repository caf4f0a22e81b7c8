import DCSKit
import Foundation
import Testing

/// The write commands' output and audit lines, and which statuses the client lets an action through.
@Suite struct ActionReportTests {
    private static let report = ActionReport(
        action: .stop,
        entries: [
            .init(
                target: "prod", taskName: "orders\u{1B}[2J",
                result: TaskActionResult(action: .stop, taskID: "t1", outcome: .succeeded, requestID: "r1")),
            .init(
                target: "prod", taskName: "billing",
                result: TaskActionResult(
                    action: .stop, taskID: "t2", outcome: .failed(code: "DCS.4957", message: "status \"SUCCESS\""),
                    requestID: "r2")),
            .init(
                target: "lab", taskName: "cache",
                result: TaskActionResult(
                    action: .stop, taskID: "t3", outcome: .unknown(reason: "unknown outcome — check the task"))),
        ])

    @Test func linesNameEveryTaskAndNeverCarryControls() {
        let lines = Self.report.lines
        #expect(lines.count == 3)
        #expect(!lines[0].contains("\u{1B}"))
        #expect(lines[0].hasSuffix("(t1) on prod: stop requested"))
        #expect(lines[1] == #"stop  billing (t2) on prod: failed: DCS.4957 status "SUCCESS" (request id r2)"#)
        #expect(lines[2] == "stop  cache (t3) on lab: unknown outcome — check the task")
        #expect(!Self.report.allSucceeded)
    }

    @Test func aRequestIdTheMessageAlreadyNamesIsNotRepeated() {
        let result = TaskActionResult(
            action: .delete, taskID: "t9", outcome: .failed(code: "DCS.5000", message: "busy (request id r9)"), requestID: "r9")
        let line = ActionReport(action: .delete, entries: [.init(target: "p", taskName: "n", result: result)]).lines[0]
        #expect(line == "delete  n (t9) on p: failed: DCS.5000 busy (request id r9)")
    }

    @Test func jsonHasOneRecordPerTask() throws {
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(try Self.report.json().utf8)) as? [String: Any])
        #expect(document["action"] as? String == "stop")
        let results = try #require(document["results"] as? [[String: Any]])
        #expect(results.map { $0["result"] as? String } == ["success", "failed", "unknown"])
        #expect(results[1]["error_code"] as? String == "DCS.4957")
        #expect(results[0]["request_id"] as? String == "r1")
        #expect(results[2]["request_id"] is NSNull)
    }

    @Test func auditLinesAreKeyValuePairs() {
        let lines = Self.report.auditLines
        #expect(lines[0] == #"action=stop target=prod task_id=t1 result=success request_id=r1 outcome="stop requested""#)
        #expect(
            lines[1]
                == #"action=stop target=prod task_id=t2 result=failed code=DCS.4957 request_id=r2 outcome="status 'SUCCESS'""#)
        #expect(lines[2].hasPrefix("action=stop target=lab task_id=t3 result=unknown request_id=- outcome="))
    }

    @Test func theClientLetsEachActionThroughOnlyForItsStatuses() {
        #expect(TaskAction.stop.refusal(for: .running, status: "MIGRATING") == nil)
        #expect(
            TaskAction.stop.refusal(for: .succeeded, status: "SUCCESS") == "only a running task can be stopped (status SUCCESS)")
        #expect(TaskAction.restart.refusal(for: .stopped, status: "TERMINATED") == nil)
        #expect(TaskAction.restart.refusal(for: .failed, status: "FAILED") == nil)
        #expect(TaskAction.restart.refusal(for: .running, status: "MIGRATING") != nil)
        #expect(TaskAction.delete.refusal(for: .stopping, status: "TERMINATING") != nil)
        #expect(TaskAction.delete.refusal(for: .succeeded, status: "SUCCESS") == nil)
        #expect(TaskAction.exchangeIP.refusal(for: .running, status: "") == nil)
        #expect(TaskAction.allCases.map(\.confirmationWord) == ["stop", "restart", "exchange-ip", "rollback-ip", "delete"])
    }
}
