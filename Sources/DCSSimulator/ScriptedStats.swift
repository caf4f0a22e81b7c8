import DCSKit
import Foundation

/// One scripted answer of a task's stats call (issue 16: tests set the sequence of answers through
/// `POST /_sim/tasks/{task_id}/stats`): a JSON object sent as the body as given (numbers, strings,
/// nulls: whatever the test needs), a number sent as that HTTP status with a DCS error body, or a
/// string sent verbatim as a 200 body (garbage).
public enum ScriptedStats: Sendable, Hashable {
    /// 200 with this object.
    case body([String: JSONValue])
    /// This HTTP status with a DCS error body.
    case status(Int)
    /// 200 with this text (not JSON).
    case raw(String)

    /// Reads one element of the control call's `stats` array; nil for anything else.
    public init?(_ value: JSONValue) {
        if let object = value.objectValue {
            self = .body(object)
        } else if case .string(let text) = value {
            self = .raw(text)
        } else if case .int(let number) = value, (200...599).contains(number) {
            self = .status(Int(number))
        } else {
            return nil
        }
    }

    /// The HTTP answer.
    var response: HTTPResponse {
        switch self {
        case .body(let object): return SimulatorResponses.json(.object(object))
        case .status(let status):
            return SimulatorResponses.dcsError(status: status, code: "DCS.5000", message: "Scripted stats answer \(status).")
        case .raw(let text):
            return HTTPResponse(status: 200, headers: HTTPHeaders([("Content-Type", "application/json")]), body: Data(text.utf8))
        }
    }

    /// The element as the control call shows it back.
    var json: JSONValue {
        switch self {
        case .body(let object): return .object(object)
        case .status(let status): return .int(Int64(status))
        case .raw(let text): return .string(text)
        }
    }
}
