import DCSKit
import Foundation

extension SimulatorRouter {
    /// The control endpoint `/_sim/faults` (unsigned; only the simulator has it), for tests in another
    /// process: `GET` lists the rules, `POST {"faults": ["500@every:3", …]}` replaces them (an empty
    /// list clears them), `DELETE` clears them. Answers `{"faults": [...]}`, or 400 with the parse error.
    func control(_ call: SimulatorCall, _ request: HTTPRequest) -> HTTPResponse {
        if case .controlTaskStatus(let taskID) = call { return controlTaskStatus(taskID, request) }
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
        switch request.method.uppercased() {
        case "GET":
            break
        case "DELETE":
            overrideStatus(of: taskID, with: nil)
        case "POST", "PUT":
            guard scenario.tasks.contains(where: { $0.id == taskID }) else {
                return SimulatorResponses.dcsError(
                    status: 404, code: "SIM.0004", message: "No simulated task has id \(taskID.prefix(64)).")
            }
            guard let body = try? JSONValue.parse(request.body), let status = body["status"].lenientString,
                !status.isEmpty, status.count <= 64
            else {
                return SimulatorResponses.dcsError(
                    status: 400, code: "SIM.0005", message: "Expected a JSON body {\"status\": \"FAILED\"}.")
            }
            overrideStatus(of: taskID, with: status)
        default:
            return SimulatorResponses.dcsError(
                status: 405, code: "SIM.0003", message: "Use GET, POST or DELETE on /_sim/tasks/{task_id}/status.")
        }
        let status = statusOverridesInForce[taskID].map(JSONValue.string) ?? .null
        return SimulatorResponses.json(.object(["task_id": .string(taskID), "status": status]))
    }
}
