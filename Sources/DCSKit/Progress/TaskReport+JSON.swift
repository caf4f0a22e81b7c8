import Foundation

/// The JSON document of `show --output json`: each part, or null and its `*_error` message; `sync`
/// for online migrations (issue 16).
struct ReportDocument: Encodable {
    /// The report shown.
    let report: TaskReport

    /// The document of `report`.
    init(_ report: TaskReport) {
        self.report = report
    }

    /// Encodes the parts; a missing part is `null` beside its error.
    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: JSONKey.self)
        try container.encode(TaskRecord(report.task), forKey: JSONKey("task"))
        try encode(report.detail.map(DetailDocument.init), as: "detail", in: &container)
        try encode(report.stats.map(StatsDocument.init), as: "stats", in: &container)
        if let sync = report.sync { try encode(sync, as: "sync", in: &container) }
        try encode(report.logs.map(LogsDocument.init), as: "logs", in: &container)
    }

    private func encode<Part: Encodable>(
        _ part: Result<Part, ReportError>, as name: String, in container: inout KeyedEncodingContainer<JSONKey>
    ) throws {
        switch part {
        case .success(let value): try container.encode(value, forKey: JSONKey(name))
        case .failure(let error):
            try container.encodeNil(forKey: JSONKey(name))
            try container.encode(error.message, forKey: JSONKey(name + "_error"))
        }
    }
}

/// The detail's own members (the list fields are in `task`); endpoints without passwords.
private struct DetailDocument: Encodable {
    let detail: TaskDetail

    enum CodingKeys: String, CodingKey {
        case bandwidthLimitMB = "bandwidth_limit_mb", networkType = "network_type", sourceInstance = "source_instance"
        case targetInstance = "target_instance", taskStatus = "task_status", updatedAt = "updated_at"
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(detail.bandwidthLimitMB.flatMap { $0.isFinite ? $0 : nil }, forKey: .bandwidthLimitMB)
        try container.encode(detail.networkType, forKey: .networkType)
        try container.encode(endpoint(detail.sourceInstance), forKey: .sourceInstance)
        try container.encode(endpoint(detail.targetInstance), forKey: .targetInstance)
        try container.encode(detail.taskStatus, forKey: .taskStatus)
        try container.encode(detail.updatedAt.raw, forKey: .updatedAt)
    }

    private func endpoint(_ value: MigrationEndpoint) -> [String: String] {
        value.otherFields.merging(["addrs": value.addresses, "id": value.instanceID, "name": value.name]) { $1 }
    }
}

/// The stats, each number null when not sent.
private struct StatsDocument: Encodable {
    let stats: TaskStats

    enum CodingKeys: String, CodingKey {
        case fullMigrationProgress = "full_migration_progress", offset, sourceDBSize = "source_dbsize"
        case targetDBSize = "target_dbsize", targetInputKbps = "target_input_kbps", targetOps = "target_ops"
        case isMigrating = "is_migrating"
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let numbers: [(CodingKeys, Double?)] = [
            (.fullMigrationProgress, stats.fullMigrationProgress), (.offset, stats.offset),
            (.sourceDBSize, stats.sourceDBSize), (.targetDBSize, stats.targetDBSize),
            (.targetInputKbps, stats.targetInputKbps), (.targetOps, stats.targetOps),
        ]
        for (key, value) in numbers { try container.encode(value.flatMap { $0.isFinite ? $0 : nil }, forKey: key) }
        try container.encode(stats.isMigrating, forKey: .isMigrating)
    }
}

/// The logs: whether the cloud offers them, `log_num` and the entries.
private struct LogsDocument: Encodable {
    let logs: MigrationLogs

    struct Entry: Encodable {
        let entry: MigrationLogEntry

        enum CodingKeys: String, CodingKey {
            case createdAt = "created_at", code = "log_code", level = "log_level", message
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(entry.createdAt.raw, forKey: .createdAt)
            try container.encode(entry.code, forKey: .code)
            try container.encode(entry.level, forKey: .level)
            try container.encode(entry.message, forKey: .message)
        }
    }

    enum CodingKeys: String, CodingKey {
        case entries, total = "log_num", offered
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch logs {
        case .notOffered:
            try container.encode([Entry](), forKey: .entries)
            try container.encode(false, forKey: .offered)
        case .page(let total, let entries):
            try container.encode(entries.map(Entry.init), forKey: .entries)
            try container.encode(total, forKey: .total)
            try container.encode(true, forKey: .offered)
        }
    }
}
