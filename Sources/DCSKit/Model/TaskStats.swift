import Foundation

/// Progress of an online migration (`GET …/migration-task/{task_id}/stats`).
///
/// Documented as strings, returned as numbers in the doc example: every number is accepted as a
/// number, a numeric string or `null` (nil); `is_migrating` as a bool or "true"/"false".
public struct TaskStats: Sendable, Hashable {
    /// `full_migration_progress`, percent 0–100.
    public var fullMigrationProgress: Double?
    /// `offset`: incremental lag; 0 means caught up.
    public var offset: Double?
    /// `source_dbsize`: keys in the source.
    public var sourceDBSize: Double?
    /// `target_dbsize`: keys in the target.
    public var targetDBSize: Double?
    /// `target_input_kbps`.
    public var targetInputKbps: Double?
    /// `target_ops`.
    public var targetOps: Double?
    /// `is_migrating`.
    public var isMigrating: Bool?

    /// Builds stats.
    public init(
        fullMigrationProgress: Double? = nil, offset: Double? = nil, sourceDBSize: Double? = nil,
        targetDBSize: Double? = nil, targetInputKbps: Double? = nil, targetOps: Double? = nil, isMigrating: Bool? = nil
    ) {
        self.fullMigrationProgress = fullMigrationProgress
        self.offset = offset
        self.sourceDBSize = sourceDBSize
        self.targetDBSize = targetDBSize
        self.targetInputKbps = targetInputKbps
        self.targetOps = targetOps
        self.isMigrating = isMigrating
    }

    /// Decodes a stats body leniently; a non-object gives all-nil stats.
    public static func decode(_ value: JSONValue) -> TaskStats {
        TaskStats(
            fullMigrationProgress: value["full_migration_progress"].lenientDouble,
            offset: value["offset"].lenientDouble, sourceDBSize: value["source_dbsize"].lenientDouble,
            targetDBSize: value["target_dbsize"].lenientDouble,
            targetInputKbps: value["target_input_kbps"].lenientDouble, targetOps: value["target_ops"].lenientDouble,
            isMigrating: value["is_migrating"].lenientBool)
    }
}
