import Foundation

extension DCSClient {
    /// One task's detail: `GET /v2/{project_id}/migration-task/{task_id}`. A missing task is HTTP 400
    /// `DCS.4133` (an `APIError.http`), not 404.
    public func detail(taskID: String) async throws -> TaskDetail {
        let response = try await get(url(["migration-task", taskID]), call: .detail)
        let what = "the detail of task \(SafeText.line(taskID, limit: 64))"
        switch try readable(response, what: what, TaskDetail.decode) {
        case .success(let detail): return detail
        case .failure(let issue):
            throw APIError.undecodable(what: "the task detail", detail: issue.reason, host: target.host)
        }
    }

    /// One task's progress: `GET /v2/{project_id}/migration-task/{task_id}/stats`.
    public func stats(taskID: String) async throws -> TaskStats {
        let response = try await get(url(["migration-task", taskID, "stats"]), call: .stats)
        let what = "the stats of task \(SafeText.line(taskID, limit: 64))"
        let body = try readable(response, what: what) { try LenientJSON.decode(ObjectOrShape<TaskStats>.self, from: $0) }
        switch body {
        case .object(let stats): return stats
        case .other(let shape):
            throw APIError.undecodable(what: "the task stats", detail: "the body is \(shape.name)", host: target.host)
        }
    }

    /// One page of a task's logs: `GET …/migration-task/{task_id}/logs?offset=&limit=[&log_level=]`.
    /// A 404 is `.notOffered` (not every cloud has this call), not an error.
    public func logs(taskID: String, offset: Int = 0, limit: Int = 100, level: String? = nil) async throws -> MigrationLogs {
        var query = [("offset", String(offset)), ("limit", String(limit))]
        if let level, !level.isEmpty { query.append(("log_level", level)) }
        let response = try await get(url(["migration-task", taskID, "logs"], query: query), call: .logs, notFoundIsResult: true)
        if response.status == 404 { return .notOffered }
        return try readable(response, what: "the logs of task \(SafeText.line(taskID, limit: 64))", MigrationLogs.decode)
    }

    /// Decodes a 2xx body with `decode`, or throws the error that describes what came instead of JSON.
    private func readable<Value>(_ response: HTTPResponse, what: String, _ decode: (Data) throws -> Value) throws -> Value {
        do {
            return try decode(response.body)
        } catch {
            throw APIError.unreadable(
                response.body, what: what,
                detail: "cut off or malformed JSON (\(LenientJSON.describe(error, in: response.body)))",
                status: response.status, host: target.host)
        }
    }
}
