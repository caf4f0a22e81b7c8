import DCSKit
import Foundation

extension SimulatorRouter {
    /// The control endpoint `/_sim/faults` (unsigned; only the simulator has it), for tests in another
    /// process: `GET` lists the rules, `POST {"faults": ["500@every:3", …]}` replaces them (an empty
    /// list clears them), `DELETE` clears them. Answers `{"faults": [...]}`, or 400 with the parse error.
    func control(_ call: SimulatorCall, _ request: HTTPRequest) -> HTTPResponse {
        if case .controlTaskStatus(let taskID) = call { return controlTaskStatus(taskID, request) }
        if case .controlTaskStats(let taskID) = call { return controlTaskStats(taskID, request) }
        switch request.method.uppercased() {
        case "GET":
            break
        case "DELETE":
            clearFaults()
        case "POST", "PUT":
            guard let body = try? JSONValue.parse(request.body),
                let texts = body["faults"].arrayValue?.compactMap(\.lenientString)
            else {
                return SimulatorResponses.dcsError(
                    status: 400, code: "SIM.0001",
                    message: "Expected a JSON body {\"faults\": [\"KIND[:ARG][@TRIGGER][/CALL]\", …]}.")
            }
            var rules: [FaultRule] = []
            for text in texts {
                do {
                    rules.append(try FaultRule.parse(text))
                } catch {
                    return SimulatorResponses.dcsError(status: 400, code: "SIM.0002", message: error.userMessage)
                }
            }
            setFaults(rules)
        default:
            return SimulatorResponses.dcsError(
                status: 405, code: "SIM.0003", message: "Use GET, POST or DELETE on /_sim/faults.")
        }
        return SimulatorResponses.json(.object(["faults": .array(faults.map { .string($0.text) })]))
    }

    /// The control endpoint `/_sim/tasks/{task_id}/status` (unsigned; issue 6 benchmarks): `POST
    /// {"status": "FAILED"}` makes the list and detail calls report that status for the task until
    /// `DELETE` removes the override; `GET` shows it. Answers `{"task_id": …, "status": …|null}`.
    func controlTaskStatus(_ taskID: String, _ request: HTTPRequest) -> HTTPResponse {
        let failure = controlTask(taskID, request, endpoint: "status", clear: { overrideStatus(of: taskID, with: nil) }) {
            guard let body = try? JSONValue.parse(request.body), let status = body["status"].lenientString,
                !status.isEmpty, status.count <= 64
            else {
                return SimulatorResponses.dcsError(
                    status: 400, code: "SIM.0005", message: "Expected a JSON body {\"status\": \"FAILED\"}.")
            }
            overrideStatus(of: taskID, with: status)
            return nil
        }
        if let failure { return failure }
        let status = statusOverridesInForce[taskID].map(JSONValue.string) ?? .null
        return SimulatorResponses.json(.object(["task_id": .string(taskID), "status": status]))
    }

    /// The control endpoint `/_sim/tasks/{task_id}/stats` (unsigned; issue 16 tests): `POST
    /// {"stats": [answer, …]}` makes the task's stats calls answer each in turn, then the last one
    /// for good (an object is the body as given, a number an HTTP error status, a string a garbage
    /// body); `DELETE` goes back to the scenario's numbers; `GET` shows what is still to come.
    /// Answers `{"task_id": …, "stats": [...]}`.
    func controlTaskStats(_ taskID: String, _ request: HTTPRequest) -> HTTPResponse {
        let failure = controlTask(taskID, request, endpoint: "stats", clear: { scriptStats(of: taskID, []) }) {
            guard let body = try? JSONValue.parse(request.body), let items = body["stats"].arrayValue,
                !items.isEmpty, items.count <= 10_000
            else {
                return SimulatorResponses.dcsError(
                    status: 400, code: "SIM.0006",
                    message: "Expected a JSON body {\"stats\": [{\"offset\": 0, …}, 500, \"garbage\", …]}.")
            }
            let answers = items.compactMap(ScriptedStats.init)
            guard answers.count == items.count else {
                return SimulatorResponses.dcsError(
                    status: 400, code: "SIM.0007",
                    message: "Each stats answer is an object (the body), an HTTP status 200-599, or a string (a raw body).")
            }
            scriptStats(of: taskID, answers)
            return nil
        }
        if let failure { return failure }
        return SimulatorResponses.json(
            .object(["task_id": .string(taskID), "stats": .array(scriptedStats(of: taskID).map(\.json))]))
    }

    /// What the `/_sim/tasks/{task_id}/…` endpoints share: `GET` shows, `DELETE` runs `clear`, `POST`
    /// or `PUT` runs `set` for a task of the scenario (404 `SIM.0004` otherwise); nil when the caller
    /// should answer with the state, else the error to send.
    private func controlTask(
        _ taskID: String, _ request: HTTPRequest, endpoint: String, clear: () -> Void, set: () -> HTTPResponse?
    ) -> HTTPResponse? {
        switch request.method.uppercased() {
        case "GET":
            return nil
        case "DELETE":
            clear()
            return nil
        case "POST", "PUT":
            guard scenario.tasks.contains(where: { $0.id == taskID }) else {
                return SimulatorResponses.dcsError(
                    status: 404, code: "SIM.0004", message: "No simulated task has id \(taskID.prefix(64)).")
            }
            return set()
        default:
            return SimulatorResponses.dcsError(
                status: 405, code: "SIM.0003", message: "Use GET, POST or DELETE on /_sim/tasks/{task_id}/\(endpoint).")
        }
    }
}
