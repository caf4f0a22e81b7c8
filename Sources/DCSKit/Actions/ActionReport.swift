import Foundation

/// The results of one write command, as the user reads them: a line per task (table) or one JSON
/// document (`--output json`). Names, targets and server texts are untrusted: every line is
/// sanitised, and the JSON is terminal-safe (`JSONOutput`).
public struct ActionReport: Sendable, Hashable {
    /// One task's result with what the user knows it by.
    public struct Entry: Sendable, Hashable {
        /// The configured target name.
        public var target: String
        /// The task's name as listed.
        public var taskName: String
        /// The result.
        public var result: TaskActionResult
        /// The detail's `task_status` the wait for a switch ended on, when there was one.
        public var taskStatus: String?

        /// Builds an entry.
        public init(target: String, taskName: String, result: TaskActionResult, taskStatus: String? = nil) {
            self.target = target
            self.taskName = taskName
            self.result = result
            self.taskStatus = taskStatus
        }
    }

    /// The action.
    public var action: TaskAction
    /// One entry per task, in the order given.
    public var entries: [Entry]

    /// Builds a report.
    public init(action: TaskAction, entries: [Entry]) {
        self.action = action
        self.entries = entries
    }

    /// True when every task succeeded (exit 0); else exit 1.
    public var allSucceeded: Bool { entries.allSatisfy(\.result.succeeded) }

    /// One line per task: `stop  NAME (ID) on TARGET: stop requested`, or the DCS code and message.
    public var lines: [String] {
        entries.map { entry in
            let result = entry.result
            let head =
                "\(action.rawValue)  \(SafeText.line(entry.taskName, limit: 80)) (\(SafeText.line(result.taskID, limit: 80))) "
                + "on \(SafeText.line(entry.target, limit: 60)): "
            // An API error's message already ends with its request id: it is not said twice.
            func withRequest(_ text: String) -> String {
                guard let id = result.requestID, !text.contains("(request id ") else { return text }
                return text + " (request id \(SafeText.line(id, limit: 80)))"
            }
            switch result.outcome {
            case .succeeded:
                return head + action.pastTense + (entry.taskStatus.map { ", task_status \(SafeText.line($0, limit: 40))" } ?? "")
            case .failed(let code, let message):
                let said = [code, message].compactMap { $0 }.map { SafeText.line($0, limit: 300) }.joined(separator: " ")
                return head + withRequest("failed: " + said)
            case .unknown(let reason):
                return head + withRequest(SafeText.line(reason, limit: 300))
            }
        }
    }

    /// The audit record of each task's write, for the log file: action, target, task id, result, DCS
    /// code, request id and what happened, as `key=value` pairs. Holds no secret: results never keep
    /// a response body, and the texts are sanitised.
    public var auditLines: [String] {
        entries.map { entry in
            let result = entry.result
            var fields = [
                "action=\(action.rawValue)", "target=\(SafeText.line(entry.target, limit: 60))",
                "task_id=\(SafeText.line(result.taskID, limit: 80))", "result=\(result.outcomeWord)",
            ]
            if case .failed(let code?, _) = result.outcome { fields.append("code=\(SafeText.line(code, limit: 40))") }
            fields.append("request_id=\(SafeText.line(result.requestID ?? "-", limit: 80))")
            if let taskStatus = entry.taskStatus { fields.append("task_status=\(SafeText.line(taskStatus, limit: 40))") }
            switch result.outcome {
            case .succeeded: fields.append("outcome=\"\(action.pastTense)\"")
            case .failed(_, let message), .unknown(let message):
                fields.append("outcome=\"\(SafeText.line(message, limit: 300).replacingOccurrences(of: "\"", with: "'"))\"")
            }
            return fields.joined(separator: " ")
        }
    }

    /// `{"action": …, "results": [{"target", "task_id", "task_name", "result", "error_code",
    /// "error_msg", "request_id", "task_status"}]}`, one line.
    public func json() throws -> String {
        try JSONOutput.text(Document(action: action.rawValue, results: entries.map(Record.init)))
    }

    private struct Document: Encodable {
        let action: String
        let results: [Record]
    }

    private struct Record: Encodable {
        let target: String
        let taskID: String
        let taskName: String
        let result: String
        let errorCode: String?
        let errorMessage: String?
        let requestID: String?
        let taskStatus: String?

        enum CodingKeys: String, CodingKey {
            case target, taskID = "task_id", taskName = "task_name", result, errorCode = "error_code"
            case errorMessage = "error_msg", requestID = "request_id", taskStatus = "task_status"
        }

        init(_ entry: Entry) {
            target = entry.target
            taskID = entry.result.taskID
            taskName = entry.taskName
            result = entry.result.outcomeWord
            switch entry.result.outcome {
            case .succeeded: (errorCode, errorMessage) = (nil, nil)
            case .failed(let code, let message): (errorCode, errorMessage) = (code, message)
            case .unknown(let reason): (errorCode, errorMessage) = (nil, reason)
            }
            requestID = entry.result.requestID
            taskStatus = entry.taskStatus
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(target, forKey: .target)
            try container.encode(taskID, forKey: .taskID)
            try container.encode(taskName, forKey: .taskName)
            try container.encode(result, forKey: .result)
            try container.encode(errorCode, forKey: .errorCode)
            try container.encode(errorMessage, forKey: .errorMessage)
            try container.encode(requestID, forKey: .requestID)
            try container.encode(taskStatus, forKey: .taskStatus)
        }
    }
}
