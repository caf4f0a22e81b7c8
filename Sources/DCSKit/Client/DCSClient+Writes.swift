import Foundation

extension DCSClient {
    /// The most task ids one batch call takes (dcs-api-notes.md): larger sets are sent in chunks.
    public static let batchLimit = 50

    /// Stops tasks: one id with `POST …/migration-task/{id}/stop`, several with `batch-stop` in chunks
    /// of `batchLimit`. The single stop's answer (the task, with instance passwords) is never read.
    /// Throws only `CancellationError`: every failure is a task's `outcome`.
    public func stop(taskIDs: [String]) async throws -> [TaskActionResult] {
        if taskIDs.count == 1, let taskID = taskIDs.first {
            let request = writeRequest("POST", url(["migration-task", taskID, "stop"]), body: nil)
            return [try await single(.stop, taskID: taskID, request: request, call: .stop)]
        }
        return try await batch(.stop, taskIDs: taskIDs, segments: ["migration-task", "batch-stop"], call: .batchStop)
    }

    /// Restarts stopped or failed online migrations with `batch-restart`, in chunks of `batchLimit`.
    public func restart(taskIDs: [String]) async throws -> [TaskActionResult] {
        try await batch(.restart, taskIDs: taskIDs, segments: ["migration-tasks", "batch-restart"], call: .batchRestart)
    }

    /// Switches the IPs of a task's instances (`exchange-ip`); `addresses` empty lets the service pick,
    /// `exchangeDomain` switches the domain names too. Success means accepted: the detail's
    /// `task_status` then goes EXCHANGING → EXCHANGE_SUCCESS.
    public func exchangeIP(taskID: String, addresses: [String] = [], exchangeDomain: Bool = false) async throws
        -> TaskActionResult
    {
        let body = ExchangeBody(exchangedIP: addresses.isEmpty ? nil : addresses, isExchangeDomain: exchangeDomain)
        let request = writeRequest("POST", url(["migration-task", taskID, "exchange-ip"]), body: try encoded(body))
        return try await single(.exchangeIP, taskID: taskID, request: request, call: .exchangeIP)
    }

    /// Rolls a switch of IPs back (`rollback-ip`); the detail's `task_status` then reads ROLLBACK_SUCCESS.
    public func rollbackIP(taskID: String) async throws -> TaskActionResult {
        let request = writeRequest("POST", url(["migration-task", taskID, "rollback-ip"]), body: nil)
        return try await single(.rollbackIP, taskID: taskID, request: request, call: .rollbackIP)
    }

    /// Deletes tasks (`DELETE …/migration-tasks/delete`), in chunks of `batchLimit`. A task is deleted
    /// when the answer's `task_id_list` names it; one it leaves out has an unknown outcome.
    public func delete(taskIDs: [String]) async throws -> [TaskActionResult] {
        var results: [TaskActionResult] = []
        for chunk in DCSClient.chunks(taskIDs) {
            let request = writeRequest(
                "DELETE", url(["migration-tasks", "delete"]), body: try encoded(DeleteBody(taskIDList: chunk)))
            results += try await answer(.delete, taskIDs: chunk, request: request, call: .delete) { response in
                let deleted = Set((try? LenientJSON.decode(DeleteAnswer.self, from: response.body))?.taskIDList ?? [])
                return chunk.map { id in
                    deleted.contains(id)
                        ? .succeeded : .unknown(reason: "the answer did not list this task: check the task list")
                }
            }
        }
        return results
    }

    /// `action` on `taskIDs` of this target, results in their order: the batch calls for stop, restart
    /// and delete, one call per task for the IP calls (with the service's defaults: it picks the
    /// addresses, domain names stay). The one dispatch of the commands and the dashboard. Throws only
    /// `CancellationError`.
    public func perform(_ action: TaskAction, taskIDs: [String]) async throws -> [TaskActionResult] {
        switch action {
        case .stop: return try await stop(taskIDs: taskIDs)
        case .restart: return try await restart(taskIDs: taskIDs)
        case .delete: return try await delete(taskIDs: taskIDs)
        case .exchangeIP, .rollbackIP:
            var results: [TaskActionResult] = []
            for taskID in taskIDs {
                results.append(
                    action == .exchangeIP ? try await exchangeIP(taskID: taskID) : try await rollbackIP(taskID: taskID))
            }
            return results
        }
    }

    /// Splits ids into runs of at most `batchLimit`, in order.
    static func chunks(_ taskIDs: [String]) -> [[String]] {
        stride(from: 0, to: taskIDs.count, by: batchLimit).map {
            Array(taskIDs[$0..<min($0 + batchLimit, taskIDs.count)])
        }
    }

    /// A batch call (`{"migration_tasks": [ids]}` → per-task `result`), chunk by chunk.
    private func batch(_ action: TaskAction, taskIDs: [String], segments: [String], call: APICall) async throws
        -> [TaskActionResult]
    {
        var results: [TaskActionResult] = []
        for chunk in DCSClient.chunks(taskIDs) {
            let request = writeRequest("POST", url(segments), body: try encoded(BatchBody(migrationTasks: chunk)))
            results += try await answer(action, taskIDs: chunk, request: request, call: call) { response in
                BatchAnswer.outcomes(of: response.body, for: chunk)
            }
        }
        return results
    }

    /// A call on one task whose 2xx answer means accepted (the body is not read).
    private func single(_ action: TaskAction, taskID: String, request: HTTPRequest, call: APICall) async throws
        -> TaskActionResult
    {
        let results = try await answer(action, taskIDs: [taskID], request: request, call: call) { _ in [.succeeded] }
        return results[0]
    }

    /// Sends one write request and maps its answer (`read`, one outcome per id) or its failure (the
    /// same outcome for every id) to results.
    private func answer(
        _ action: TaskAction, taskIDs: [String], request: HTTPRequest, call: APICall,
        read: (HTTPResponse) -> [TaskActionResult.Outcome]
    ) async throws -> [TaskActionResult] {
        do {
            let response = try await send(request, call: call)
            let requestID = response.headers["X-Request-Id"].map { SafeText.line($0, limit: 80) }
            return zip(taskIDs, read(response)).map {
                TaskActionResult(action: action, taskID: $0, outcome: $1, requestID: requestID)
            }
        } catch let error as APIError {
            let outcome = TaskActionResult.outcome(of: error)
            return taskIDs.map {
                TaskActionResult(action: action, taskID: $0, outcome: outcome, requestID: TaskActionResult.requestID(of: error))
            }
        }
    }

    /// A write request with the JSON content type the official SDK sends (signed with the body).
    private func writeRequest(_ method: String, _ url: URL, body: Data?) -> HTTPRequest {
        var headers = HTTPHeaders()
        if body != nil { headers["Content-Type"] = "application/json;charset=UTF-8" }
        return HTTPRequest(method: method, url: url, headers: headers, body: body ?? Data(), timeout: options.requestTimeout)
    }

    private func encoded(_ body: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(body)
    }
}
