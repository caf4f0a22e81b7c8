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

    /// Decodes a stats body leniently; a non-object gives all-nil stats. Throws for text that is not JSON.
    public static func decode(_ data: Data) throws -> TaskStats {
        try LenientJSON.decode(TaskStats.self, from: data)
    }
}

extension TaskStats: Decodable {
    private enum Field: String, CodingKey {
        case fullMigrationProgress = "full_migration_progress", offset, sourceDBSize = "source_dbsize"
        case targetDBSize = "target_dbsize", targetInputKbps = "target_input_kbps", targetOps = "target_ops"
        case isMigrating = "is_migrating"
    }

    /// Reads every member leniently (numbers, numeric strings, `null`); a non-object gives all nil.
    public init(from decoder: Decoder) throws {
        guard let body = try? decoder.container(keyedBy: Field.self) else {
            self.init()
            return
        }
        self.init(
            fullMigrationProgress: body.lenientDouble(forKey: .fullMigrationProgress),
            offset: body.lenientDouble(forKey: .offset), sourceDBSize: body.lenientDouble(forKey: .sourceDBSize),
            targetDBSize: body.lenientDouble(forKey: .targetDBSize),
            targetInputKbps: body.lenientDouble(forKey: .targetInputKbps),
            targetOps: body.lenientDouble(forKey: .targetOps), isMigrating: body.lenientBool(forKey: .isMigrating))
    }
}
