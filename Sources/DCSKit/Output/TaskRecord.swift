import Foundation

/// One task as `list --output json|ndjson|csv` writes it: every list field under its API name, plus
/// `target`, `status_category` and `created_at_utc` (ISO 8601 when the timestamp parsed, else null).
/// Values are the raw API text (JSON escapes control characters; CSV sanitises them).
public struct TaskRecord: Encodable, Sendable, Hashable {
    /// Column order for CSV (JSON keys are sorted instead).
    public static let fieldNames = [
        "target", "task_id", "task_name", "status", "status_category", "migration_type", "migration_method",
        "data_source", "source_instance_name", "source_instance_id", "source_instance_status",
        "source_instance_subnet_id", "source_instance_spec_code", "target_instance_addrs", "target_instance_name",
        "target_instance_id", "target_instance_status", "target_instance_subnet_id", "target_instance_spec_code",
        "ecs_tenant_private_ip", "created_at", "created_at_utc", "released_at", "description", "error_message",
        "version", "resume_mode", "supported_features",
    ]

    /// Field name → value, for both formats; `supported_features` is the only array.
    let strings: [String: String?]
    /// `supported_features`.
    let features: [String]

    /// Builds the record of a tagged task.
    public init(_ item: WatchedTask) {
        let task = item.task
        strings = [
            "target": item.target, "task_id": task.taskID, "task_name": task.name, "status": task.status.raw,
            "status_category": task.status.category.rawValue, "migration_type": task.migrationType.rawValue,
            "migration_method": task.migrationMethod.rawValue, "data_source": task.dataSource,
            "source_instance_name": task.sourceInstanceName, "source_instance_id": task.sourceInstanceID,
            "source_instance_status": task.sourceInstanceStatus, "source_instance_subnet_id": task.sourceInstanceSubnetID,
            "source_instance_spec_code": task.sourceInstanceSpecCode, "target_instance_addrs": task.targetInstanceAddrs,
            "target_instance_name": task.targetInstanceName, "target_instance_id": task.targetInstanceID,
            "target_instance_status": task.targetInstanceStatus, "target_instance_subnet_id": task.targetInstanceSubnetID,
            "target_instance_spec_code": task.targetInstanceSpecCode, "ecs_tenant_private_ip": task.ecsTenantPrivateIP,
            "created_at": task.createdAt.raw, "created_at_utc": task.createdAt.date.map(TaskRecord.iso),
            "released_at": task.releasedAt.raw, "description": task.description, "error_message": task.errorMessage,
            "version": task.version, "resume_mode": task.resumeMode.rawValue,
        ]
        features = task.supportedFeatures
    }

    /// The text of one field for CSV (features joined by `;`, null as empty).
    public func text(_ field: String) -> String {
        field == "supported_features" ? features.joined(separator: ";") : ((strings[field] ?? nil) ?? "")
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Encodes every field (nil as `null`).
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for name in TaskRecord.fieldNames {
            if name == "supported_features" {
                try container.encode(features, forKey: Key(stringValue: name))
            } else if let value = strings[name] ?? nil {
                try container.encode(value, forKey: Key(stringValue: name))
            } else {
                try container.encodeNil(forKey: Key(stringValue: name))
            }
        }
    }

    /// `2024-04-01T10:57:00Z` (whole seconds: the API's precision varies), built without a formatter
    /// object per record.
    static func iso(_ date: Date) -> String {
        let compact = Array(RequestSigner.sdkDate(date))  // YYYYMMDDTHHMMSSZ
        return String(compact[0..<4]) + "-" + String(compact[4..<6]) + "-" + String(compact[6..<8]) + "T"
            + String(compact[9..<11]) + ":" + String(compact[11..<13]) + ":" + String(compact[13..<15]) + "Z"
    }
}
