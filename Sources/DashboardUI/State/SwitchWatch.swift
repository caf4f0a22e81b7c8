import DCSKit
import Foundation

/// An accepted IP switch or rollback whose `task_status` the dashboard follows (issue 17): the detail
/// is asked for again every `period` seconds until the status settles or `until` passes.
public struct SwitchWatch: Sendable, Hashable {
    /// Seconds between two detail calls while the switch runs.
    public static let period: TimeInterval = 3
    /// How long a switch is followed at most.
    public static let limit: TimeInterval = 600

    /// When the detail is asked for next.
    public var next: Date
    /// When following stops whatever the status says.
    public var until: Date

    /// A watch started at `now`.
    public init(now: Date) {
        next = now.addingTimeInterval(Self.period)
        until = now.addingTimeInterval(Self.limit)
    }

    /// Whether `task_status` is an end state of a switch or rollback.
    public static func isSettled(_ taskStatus: String) -> Bool {
        let status = taskStatus.trimmingCharacters(in: .whitespaces).uppercased()
        return status.hasSuffix("_SUCCESS") || status.hasSuffix("_FAILED")
    }
}
