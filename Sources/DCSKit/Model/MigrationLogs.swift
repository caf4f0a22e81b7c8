import Foundation

/// The logs of a migration task (`GET …/migration-task/{task_id}/logs`), or the fact that this cloud
/// does not offer the call (a 404: dcs-api-notes.md says "not an error to shout about").
public enum MigrationLogs: Sendable, Hashable {
    /// The endpoint answered 404: logs are not offered here.
    case notOffered
    /// One page of log entries; `total` is `log_num` when sent.
    case page(total: Int?, entries: [MigrationLogEntry])

    /// Decodes a logs body leniently: entries that are not objects are skipped. Throws for text
    /// that is not JSON.
    public static func decode(_ data: Data) throws -> MigrationLogs {
        try LenientJSON.decode(LogsBody.self, from: data).logs
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

/// A logs body: `log_num` and `migration_logs`, each read leniently.
private struct LogsBody: Decodable {
    /// The page read.
    let logs: MigrationLogs

    private enum Field: String, CodingKey {
        case total = "log_num", entries = "migration_logs"
    }

    init(from decoder: Decoder) throws {
        let body = try? decoder.container(keyedBy: Field.self)
        let entries = ((try? body?.decodeIfPresent([LogEntryItem].self, forKey: .entries)) ?? []).compactMap(\.entry)
        logs = .page(total: body?.lenientInt(forKey: .total), entries: entries)
    }
}

/// One element of `migration_logs`: an entry, or nil when it is not an object.
private struct LogEntryItem: Decodable {
    let entry: MigrationLogEntry?

    private enum Field: String, CodingKey {
        case createdAt = "created_at", level = "log_level", message, code = "log_code"
    }

    init(from decoder: Decoder) throws {
        guard let item = try? decoder.container(keyedBy: Field.self) else {
            entry = nil
            return
        }
        entry = MigrationLogEntry(
            createdAt: item.lenientString(forKey: .createdAt) ?? "", level: item.lenientString(forKey: .level) ?? "",
            message: item.lenientString(forKey: .message) ?? "", code: item.lenientString(forKey: .code) ?? "")
    }
}
