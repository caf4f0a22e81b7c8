import DCSKit
import Foundation

extension SimulatorRouter {
    /// The control endpoint `/_sim/faults` (unsigned; only the simulator has it), for tests in another
    /// process: `GET` lists the rules, `POST {"faults": ["500@every:3", …]}` replaces them (an empty
    /// list clears them), `DELETE` clears them. Answers `{"faults": [...]}`, or 400 with the parse error.
    func control(_ request: HTTPRequest) -> HTTPResponse {
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
}
