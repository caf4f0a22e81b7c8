import Foundation

/// What one write did to one task, as the API answered it. Never holds a response body: the stop
/// answer may carry instance passwords, so only the status, codes and request id are kept.
public struct TaskActionResult: Sendable, Hashable {
    /// How a write ended for a task.
    public enum Outcome: Sendable, Hashable {
        /// The server accepted the request (for batch calls: delivered; the status tells when it took effect).
        case succeeded
        /// The server refused it, or it was provably not sent; `code` is the DCS/gateway code when given.
        case failed(code: String?, message: String)
        /// The request may have reached the server but no answer came (timeout, dropped connection):
        /// it is not retried, and the user must look at the task.
        case unknown(reason: String)
    }

    /// The action.
    public var action: TaskAction
    /// The task id it was sent for.
    public var taskID: String
    /// How it ended.
    public var outcome: Outcome
    /// The request id from the answer (header or error body), when one came.
    public var requestID: String?

    /// Builds a result.
    public init(action: TaskAction, taskID: String, outcome: Outcome, requestID: String? = nil) {
        self.action = action
        self.taskID = taskID
        self.outcome = outcome
        self.requestID = requestID
    }

    /// True for `.succeeded`.
    public var succeeded: Bool { outcome == .succeeded }

    /// The outcome as one word for JSON and logs: `success`, `failed`, `unknown`.
    public var outcomeWord: String {
        switch outcome {
        case .succeeded: return "success"
        case .failed: return "failed"
        case .unknown: return "unknown"
        }
    }

    /// The outcome for a whole request that failed with `error`: a timeout or a dropped connection
    /// leaves the outcome unknown (the server may have acted); every other error means it did not act.
    public static func outcome(of error: APIError) -> Outcome {
        if case .transport(let transport, _, _) = error {
            switch transport {
            case .timedOut, .connectionLost, .other:
                return .unknown(reason: "unknown outcome — check the task (\(error.userMessage))")
            case .dnsFailure, .connectionRefused, .tls, .cancelled:
                return .failed(code: nil, message: "not sent: \(error.userMessage)")
            }
        }
        if case .http(403, let code, let message, _, let host) = error {
            // APIError's advice names the read actions; a refused write lacks a write action.
            let said = "\(host) answered HTTP 403\(code.map { " \($0)" } ?? "")" + (message.isEmpty ? "" : ": \(message)")
            return .failed(
                code: code,
                message: said + " — no permission to write: grant the IAM policy the DCS migration-task write actions")
        }
        return .failed(code: error.code, message: error.userMessage)
    }

    /// The request id an error carries, when the server sent one.
    public static func requestID(of error: APIError) -> String? {
        switch error {
        case .http(_, _, _, let requestID, _), .nonJSONBody(_, _, let requestID, _), .emptyBody(_, let requestID, _):
            return requestID
        default: return nil
        }
    }
}
