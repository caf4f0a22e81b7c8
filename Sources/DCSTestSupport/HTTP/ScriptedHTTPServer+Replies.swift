import Foundation

extension ScriptedHTTPServer.Reply {
    /// A JSON response from a JSON text.
    public static func json(_ status: Int, _ text: String, headers: [(String, String)] = []) -> Self {
        .response(status: status, headers: [("Content-Type", "application/json")] + headers, body: Data(text.utf8))
    }

    /// A DCS error body: `{"error_code", "error_msg", "error_ext_msg": null}`.
    public static func dcsError(_ status: Int, code: String, message: String, headers: [(String, String)] = []) -> Self {
        json(status, #"{"error_code":"\#(code)","error_msg":"\#(message)","error_ext_msg":null}"#, headers: headers)
    }

    /// An API gateway error body: `{"error_code", "error_msg", "request_id"}`.
    public static func gatewayError(_ status: Int, code: String, message: String, requestID: String) -> Self {
        json(status, #"{"error_code":"\#(code)","error_msg":"\#(message)","request_id":"\#(requestID)"}"#)
    }

    /// A text body with a content type (HTML from a proxy, plain text).
    public static func text(_ status: Int, _ body: String, contentType: String = "text/html") -> Self {
        .response(status: status, headers: [("Content-Type", contentType)], body: Data(body.utf8))
    }

    /// A 200 whose head promises `promised` bytes but whose body stops after `body`; then the
    /// connection closes.
    public static func truncated(_ body: String, promised: Int) -> Self {
        .raw(Data("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(promised)\r\n\r\n\(body)".utf8))
    }
}

/// Serves the list call from a fixed array of tasks, honouring `offset` and `limit` like the real API.
public struct TaskPageScript: Sendable {
    /// The tasks as JSON objects, in server order.
    public let tasks: [String]

    /// Builds a script over `tasks` (JSON object texts).
    public init(tasks: [String]) {
        self.tasks = tasks
    }

    /// `count` tasks with ids `task-00001`… and statuses cycling through the documented four.
    public static func numbered(_ count: Int) -> TaskPageScript {
        let statuses = ["MIGRATING", "SUCCESS", "FAILED", "TERMINATED"]
        return TaskPageScript(
            tasks: (0..<count).map { index in
                let id = String(format: "task-%05d", index + 1)
                return #"{"task_id":"\#(id)","task_name":"name-\#(index + 1)","status":"\#(statuses[index % 4])"}"#
            })
    }

    /// The page body for `offset`/`limit` of `items`, with `count` defaulting to the total.
    public static func body(_ items: [String], offset: Int, limit: Int, count: Int? = nil) -> String {
        let start = min(max(offset, 0), items.count)
        let end = min(start + max(limit, 0), items.count)
        let page = items[start..<end].joined(separator: ",")
        return #"{"count":\#(count ?? items.count),"migration_tasks":[\#(page)]}"#
    }

    /// The reply to one list request.
    public func reply(_ request: ScriptedHTTPServer.RecordedRequest) -> ScriptedHTTPServer.Reply {
        let offset = Int(request.query["offset"] ?? "0") ?? 0
        let limit = Int(request.query["limit"] ?? "10") ?? 10
        return .json(200, TaskPageScript.body(tasks, offset: offset, limit: limit))
    }
}
