import DCSKit
import Foundation

extension SimulatorRouter {
    /// Routes an authenticated DCS call, the IAM call, or an unknown path.
    func route(_ call: SimulatorCall, request: HTTPRequest, now: Date, requestID: String, faults: [FaultRule.Kind])
        -> HTTPResponse
    {
        switch call {
        case .unknown:
            return SimulatorResponses.dcsError(
                status: 404, code: "DCS.4001", message: "The requested URL was not found on this server.")
        case .token:
            return issueToken(request, now: now)
        case .controlFaults, .controlTaskStatus, .controlTaskStats:
            return control(call, request)
        case .list, .detail, .stats, .logs, .write:
            if let failure = authenticate(request, project: call.project ?? "", now: now, requestID: requestID) {
                return failure
            }
        }
        // A frozen scenario (speed 0) answers the same page the same way until a status changes: serve
        // it from the cache, so that benchmarks measure the client, not the page's generation.
        let cacheKey =
            scenario.speed == 0 && faults.isEmpty && call == .list(project: call.project ?? "")
            ? request.url.query ?? "" : nil
        if let cacheKey, let cached = cachedListPage(cacheKey) { return cached }
        if case .write(_, let action, let taskID) = call {
            return write(action, taskID: taskID, request: request, now: now)
        }
        let body: [String: JSONValue]
        switch call {
        case .list:
            switch listBody(request, now: now, faults: faults) {
            case .success(let page): body = page
            case .failure(let error): return error.response
            }
        case .detail(_, let taskID), .stats(_, let taskID), .logs(_, let taskID):
            guard let snapshot = scenario.snapshot(id: taskID, at: now) else {
                return SimulatorResponses.dcsError(
                    status: 400, code: "DCS.4133", message: "The migration task does not exist: \(taskID.prefix(64))")
            }
            if case .detail = call {
                body = withStatusOverride(snapshot.detail(), taskID: taskID)
            } else if case .stats = call {
                if let scripted = nextScriptedStats(of: taskID) { return scripted.response }
                body = snapshot.statsObject(seed: configuration.seed)
            } else {
                switch logsBody(request, snapshot: snapshot) {
                case .success(let logs): body = logs
                case .failure(let error): return error.response
                }
            }
        default:
            return SimulatorResponses.dcsError(
                status: 404, code: "DCS.4001", message: "The requested URL was not found on this server.")
        }
        let mutated = faults.reduce(body) { FaultMutation.apply($1, to: $0) }
        let response = SimulatorResponses.json(.object(mutated))
        if let cacheKey { cacheListPage(cacheKey, response) }
        return response
    }

    /// A 400 for a bad query parameter.
    struct BadParameter: Error {
        /// The 400 `DCS.4800` to send.
        let response: HTTPResponse
        /// Builds the 400 with `message`.
        init(_ message: String) {
            response = SimulatorResponses.dcsError(status: 400, code: "DCS.4800", message: message)
        }
    }

    /// Reads an integer query parameter: nil when absent, an error when not an integer in `range`.
    func integerParameter(_ items: [URLQueryItem], _ name: String, range: ClosedRange<Int>) -> Result<
        Int?, BadParameter
    > {
        guard let raw = items.last(where: { $0.name == name })?.value else { return .success(nil) }
        guard let value = Int(raw), range.contains(value) else {
            return .failure(
                BadParameter(
                    "Invalid request parameter: \(name) must be an integer in \(range.lowerBound)…\(range.upperBound).")
            )
        }
        return .success(value)
    }

    /// The list call: `offset` ≥ 0, `limit` 1…1000 (default 10), `name` as a case-insensitive
    /// substring (the doc says only "Name of the migration task"; DCS list filters match fuzzily).
    func listBody(_ request: HTTPRequest, now: Date, faults: [FaultRule.Kind]) -> Result<
        [String: JSONValue], BadParameter
    > {
        let items = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        let limit: Int
        let offset: Int
        switch pagingParameters(items) {
        case .failure(let error): return .failure(error)
        case .success(let paging): (limit, offset) = paging
        }
        var tasks = scenario.existingTasks(at: now)
        if writes.anyDeleted { tasks = ArraySlice(tasks.filter { !writes.isDeleted($0.id) }) }
        if let name = items.last(where: { $0.name == "name" })?.value, !name.isEmpty {
            let wanted = name.lowercased()
            tasks = ArraySlice(tasks.filter { $0.name.lowercased().contains(wanted) })
        }
        var start = offset
        for case .duplicateRows(let overlap) in faults where offset > 0 { start = max(0, offset - overlap) }
        let first = tasks.startIndex + min(start, tasks.count)
        var page = Array(tasks[first..<(tasks.startIndex + min(tasks.count, start + limit))])
        if faults.contains(.emptyPage) { page = [] }
        return .success([
            "count": .int(Int64(tasks.count)),
            "migration_tasks": .array(
                page.map { .object(withStatusOverride(scenario.snapshot(of: $0, at: now).listItem(), taskID: $0.id)) }),
        ])
    }

    /// `limit` 1…1000 (default 10) and `offset` ≥ 0 (default 0), as the list and logs calls take them.
    func pagingParameters(_ items: [URLQueryItem]) -> Result<(limit: Int, offset: Int), BadParameter> {
        switch (
            integerParameter(items, "limit", range: 1...1000),
            integerParameter(items, "offset", range: 0...Int(Int32.max))
        ) {
        case (.failure(let error), _), (_, .failure(let error)): return .failure(error)
        case (.success(let limit), .success(let offset)): return .success((limit ?? 10, offset ?? 0))
        }
    }

    /// `item` with its `status` replaced when `/_sim/tasks/{id}/status` set one for `taskID`, else when
    /// a write changed it; a detail's `task_status` follows, unless a switch of IPs set it.
    func withStatusOverride(_ item: [String: JSONValue], taskID: String) -> [String: JSONValue] {
        let now = configuration.now()
        let status = statusOverridesInForce[taskID] ?? writes.status(of: taskID, now: now)
        let switchStatus = item["task_status"] == nil ? nil : writes.switchStatus(of: taskID, now: now)
        guard status != nil || switchStatus != nil else { return item }
        var item = item
        if let status { item["status"] = .string(status) }
        if let taskStatus = switchStatus ?? status, item["task_status"] != nil { item["task_status"] = .string(taskStatus) }
        return item
    }

    /// The logs call: `offset`/`limit` as for the list, `log_level` filter.
    func logsBody(_ request: HTTPRequest, snapshot: TaskSnapshot) -> Result<[String: JSONValue], BadParameter> {
        let items = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        let limit: Int
        let offset: Int
        switch pagingParameters(items) {
        case .failure(let error): return .failure(error)
        case .success(let paging): (limit, offset) = paging
        }
        var entries = snapshot.logEntries(scenario: scenario)
        if let level = items.last(where: { $0.name == "log_level" })?.value, !level.isEmpty {
            entries = entries.filter { $0.level == level.uppercased() }
        }
        let page = offset < entries.count ? Array(entries[offset..<min(entries.count, offset + limit)]) : []
        return .success(["log_num": .int(Int64(entries.count)), "migration_logs": .array(page.map(\.object))])
    }

    /// Checks `X-Auth-Token` (issued, unexpired, same project) or the AK/SK signature, and the project.
    func authenticate(_ request: HTTPRequest, project: String, now: Date, requestID: String) -> HTTPResponse? {
        if let token = request.headers["X-Auth-Token"] {
            guard let issued = issuedToken(token) else {
                return SimulatorResponses.dcsError(status: 401, code: "DCS.1001", message: "Invalid token.")
            }
            guard issued.expiresAt > now else {
                return SimulatorResponses.dcsError(status: 401, code: "DCS.1002", message: "The token has expired.")
            }
            guard issued.projectID == project else {
                return SimulatorResponses.dcsError(
                    status: 401, code: "DCS.1004",
                    message: "The project ID in the URL does not match the token's project.")
            }
            return nil
        }
        if let failure = verifier.verify(request, now: now) {
            return SimulatorResponses.gatewayError(
                status: 401, code: failure.code, message: failure.message, requestID: requestID)
        }
        // AK/SK keys belong to one account; a path with another project is the same mismatch as a
        // token scoped to another project (DCS.1004), which is what users see when they mix up ids.
        guard project == configuration.projectID else {
            return SimulatorResponses.dcsError(
                status: 401, code: "DCS.1004",
                message: "The project ID in the URL does not match the credentials' project.")
        }
        return nil
    }
}
