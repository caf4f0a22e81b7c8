import DCSKit
import Foundation

/// What the simulator does with one request: wait `delay`, then answer, drop the connection, or hang.
public struct SimulatorOutcome: Sendable {
    /// The transport-level result.
    public enum Action: Sendable {
        /// Send this response.
        case respond(HTTPResponse)
        /// Close the connection without a response.
        case resetConnection
        /// Send nothing for this many seconds, then close the connection.
        case hang(seconds: TimeInterval)
    }

    /// Seconds to wait first (`SimulatorConfiguration.latency` and latency faults).
    public let delay: TimeInterval
    /// What happens after the delay.
    public let action: Action
    /// The request id given to this request (also in `X-Request-Id`).
    public let requestID: String

    /// The status for the request log: the response's, or 0 when none was sent.
    public var logStatus: Int {
        if case .respond(let response) = action { return response.status }
        return 0
    }
}
