import DCSKit
import Foundation

/// One line of a task's migration log.
public struct SimulatedLogEntry: Sendable, Hashable {
    /// When it was written.
    public let createdAt: Date
    /// `INFO` or `ERROR`.
    public let level: String
    /// The message.
    public let message: String
    /// The `log_code`.
    public let code: String

    /// The log call's object for this entry.
    public var object: JSONValue {
        .object([
            "created_at": .string(SimulatorTime.iso(createdAt)), "log_level": .string(level),
            "message": .string(message),
            "log_code": .string(code),
        ])
    }
}
