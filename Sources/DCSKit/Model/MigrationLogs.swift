import Foundation

/// The logs of a migration task (`GET …/migration-task/{task_id}/logs`), or the fact that this cloud
/// does not offer the call (a 404: dcs-api-notes.md says "not an error to shout about").
public enum MigrationLogs: Sendable, Hashable {
    /// The endpoint answered 404: logs are not offered here.
    case notOffered
    /// One page of log entries; `total` is `log_num` when sent.
    case page(total: Int?, entries: [MigrationLogEntry])

    /// Decodes a logs body leniently: entries that are not objects are skipped.
    public static func decode(_ value: JSONValue) -> MigrationLogs {
        let entries = (value["migration_logs"].arrayValue ?? []).compactMap { item -> MigrationLogEntry? in
            guard item.objectValue != nil else { return nil }
            return MigrationLogEntry(
                createdAt: item["created_at"].lenientString ?? "", level: item["log_level"].lenientString ?? "",
                message: item["message"].lenientString ?? "", code: item["log_code"].lenientString ?? "")
        }
        return .page(total: value["log_num"].lenientInt, entries: entries)
    }

    /// The entries; empty when not offered.
    public var entries: [MigrationLogEntry] {
        if case .page(_, let entries) = self { return entries }
        return []
    }
}

/// One line of a migration log.
public struct MigrationLogEntry: Sendable, Hashable {
    /// `created_at`.
    public var createdAt: APITimestamp
    /// `log_level`: `INFO`, `ERROR`, … (raw).
    public var level: String
    /// `message` (untrusted: sanitise before display).
    public var message: String
    /// `log_code`.
    public var code: String

    /// Builds an entry.
    public init(createdAt: String = "", level: String = "", message: String = "", code: String = "") {
        self.createdAt = APITimestamp(raw: createdAt)
        self.level = level
        self.message = message
        self.code = code
    }
}
