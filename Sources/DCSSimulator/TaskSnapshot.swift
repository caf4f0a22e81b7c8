import Foundation

/// One task at one moment: its fixed facts plus the phase and numbers derived from the simulated time.
public struct TaskSnapshot: Sendable, Hashable {
    /// The task's fixed facts.
    public let task: ScenarioTask
    /// The phase at this moment.
    public let phase: TaskPhase
    /// Wall-clock time the task was created.
    public let createdAt: Date
    /// Wall-clock time of the last phase change.
    public let updatedAt: Date
    /// Wall-clock time the migration ECS was released (tasks that ended more than five minutes ago).
    public let releasedAt: Date?
    /// Simulated seconds since the task started.
    public let age: Double

    /// The raw `status` the API reports for this phase.
    public var status: String {
        switch phase {
        case .fullMigration: return task.isIncremental ? "FULLMIGRATING" : "MIGRATING"
        case .incrementalSync: return task.syncProfile.incrementalStatus
        case .terminating: return "TERMINATING"
        case .terminated: return "TERMINATED"
        case .succeeded: return "SUCCESS"
        case .failed: return "FAILED"
        }
    }

    /// Whether the migration agent is still moving data.
    public var isMigrating: Bool {
        switch phase {
        case .fullMigration, .incrementalSync: return true
        case .terminating, .terminated, .succeeded, .failed: return false
        }
    }

    /// The `error_message` of a failed task, else nil.
    public var errorMessage: String? {
        if case .failed = phase { return task.failure?.message }
        return nil
    }
}
