import Foundation

/// Where a simulated task is in its life at one moment.
public enum TaskPhase: Sendable, Hashable {
    /// Full (or import) phase, with the fraction done in 0…1.
    case fullMigration(progress: Double)
    /// Full phase done, incremental sync running (full+incremental tasks only).
    case incrementalSync
    /// The user asked to stop; the agent is shutting down.
    case terminating
    /// Stopped by the user.
    case terminated
    /// Finished the full migration.
    case succeeded
    /// Gave up with an error.
    case failed
}
