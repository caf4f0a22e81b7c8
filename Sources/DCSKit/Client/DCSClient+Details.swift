import Foundation

extension DCSClient {
    /// One task's detail: `GET /v2/{project_id}/migration-task/{task_id}`. A missing task is HTTP 400
    /// `DCS.4133` (an `APIError.http`), not 404.
    public func detail(taskID: String) async throws -> TaskDetail {
        let response = try await get(url(["migration-task", taskID]))
        let value = try parse(response, what: "the detail of task \(SafeText.line(taskID, limit: 64))")
        switch TaskDetail.decode(value) {
        case .success(let detail): return detail
        case .failure(let issue):
            throw APIError.undecodable(what: "the task detail", detail: issue.reason, host: target.host)
        }
    }

    /// One task's progress: `GET /v2/{project_id}/migration-task/{task_id}/stats`.
    public func stats(taskID: String) async throws -> TaskStats {
        let response = try await get(url(["migration-task", taskID, "stats"]))
        let value = try parse(response, what: "the stats of task \(SafeText.line(taskID, limit: 64))")
        guard value.objectValue != nil else {
            throw APIError.undecodable(what: "the task stats", detail: "the body is \(value.shapeName)", host: target.host)
        }
        return TaskStats.decode(value)
    }

    /// One page of a task's logs: `GET …/migration-task/{task_id}/logs?offset=&limit=[&log_level=]`.
    /// A 404 is `.notOffered` (not every cloud has this call), not an error.
    public func logs(taskID: String, offset: Int = 0, limit: Int = 100, level: String? = nil) async throws -> MigrationLogs {
        var query = [("offset", String(offset)), ("limit", String(limit))]
        if let level, !level.isEmpty { query.append(("log_level", level)) }
        let response = try await get(url(["migration-task", taskID, "logs"], query: query), notFoundIsResult: true)
        if response.status == 404 { return .notOffered }
        return MigrationLogs.decode(try parse(response, what: "the logs of task \(SafeText.line(taskID, limit: 64))"))
    }

    /// Parses a 2xx body as JSON, or throws the error that describes what came instead.
    private func parse(_ response: HTTPResponse, what: String) throws -> JSONValue {
        do {
            return try JSONValue.parse(response.body)
        } catch {
            throw APIError.unreadable(
                response.body, what: what, detail: "cut off or malformed JSON (\(error))", status: response.status,
                host: target.host)
        }
    }
}
