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

    /// The task the record shows.
    let item: WatchedTask

    /// Builds the record of a tagged task.
    public init(_ item: WatchedTask) {
        self.item = item
    }

    /// `supported_features`.
    var features: [String] { item.task.supportedFeatures }

    /// The value of a string field (nil for `null`, and for `supported_features` and unknown names).
    /// A switch rather than a dictionary built per record: `list` writes 100,000 of them (issue 6).
    func value(_ field: String) -> String? {
        TaskRecord.fieldNames.firstIndex(of: field).flatMap(value(atField:))
    }

    /// The value of the field `fieldNames[index]` (nil for `null` and `supported_features`).
    func value(atField index: Int) -> String? {
        TaskRecord.value(atField: index, of: item)
    }

    /// The value of the field `fieldNames[index]` of `item` (a parameter is borrowed, not copied).
    static func value(atField index: Int, of item: WatchedTask) -> String? {
        // `item.task.…` chains, not a `let task` copy: a copy retains ~20 strings, per field, per record.
        switch index {
        case 0: return item.target
        case 1: return item.task.taskID
        case 2: return item.task.name
        case 3: return item.task.status.raw
        case 4: return item.task.status.category.rawValue
        case 5: return item.task.migrationType.rawValue
        case 6: return item.task.migrationMethod.rawValue
        case 7: return item.task.dataSource
        case 8: return item.task.sourceInstanceName
        case 9: return item.task.sourceInstanceID
        case 10: return item.task.sourceInstanceStatus
        case 11: return item.task.sourceInstanceSubnetID
        case 12: return item.task.sourceInstanceSpecCode
        case 13: return item.task.targetInstanceAddrs
        case 14: return item.task.targetInstanceName
        case 15: return item.task.targetInstanceID
        case 16: return item.task.targetInstanceStatus
        case 17: return item.task.targetInstanceSubnetID
        case 18: return item.task.targetInstanceSpecCode
        case 19: return item.task.ecsTenantPrivateIP
        case 20: return item.task.createdAt.raw
        case 21: return item.task.createdAt.date.map(TaskRecord.iso)
        case 22: return item.task.releasedAt.raw
        case 23: return item.task.description
        case 24: return item.task.errorMessage
        case 25: return item.task.version
        case 26: return item.task.resumeMode.rawValue
        default: return nil
        }
    }

    /// The text of one field for CSV (features joined by `;`, null as empty).
    public func text(_ field: String) -> String {
        field == "supported_features" ? features.joined(separator: ";") : (value(field) ?? "")
    }

    /// Same task, same target.
    public static func == (lhs: TaskRecord, rhs: TaskRecord) -> Bool {
        lhs.item.target == rhs.item.target && lhs.item.task == rhs.item.task
    }

    /// Hashes the task id and target.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(item.target)
        hasher.combine(item.task.taskID)
    }

    /// The member name of each field, in `fieldNames` order.
    private static let keys = fieldNames.map { JSONKey($0) }

    /// Encodes every field (nil as `null`) for `show --output json`; `JSONOutput` sorts the keys.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: JSONKey.self)
        for (index, key) in TaskRecord.keys.enumerated() {
            if index == TaskRecord.fieldNames.count - 1 {
                try container.encode(features, forKey: key)
            } else if let value = value(atField: index) {
                try container.encode(value, forKey: key)
            } else {
                try container.encodeNil(forKey: key)
            }
        }
    }

    /// `2024-04-01T10:57:00Z` (whole seconds: the API's precision varies), built without a formatter
    /// object per record.
    static func iso(_ date: Date) -> String {
        var bytes: [UInt8] = []
        appendISO(date, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `iso(date)` as UTF-8 (civil-from-days arithmetic: no formatter, no `String(format:)`).
    static func appendISO(_ date: Date, to bytes: inout [UInt8]) {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = CivilDate.from(daysSinceEpoch: days)
        func digits(_ value: Int64, _ width: Int) {
            var divisor: Int64 = 1
            for _ in 1..<width { divisor *= 10 }
            var rest = max(value, 0)
            while divisor > 0 {
                bytes.append(UInt8(48 + (rest / divisor) % 10))
                rest %= divisor
                divisor /= 10
            }
        }
        digits(year, 4)
        bytes.append(UInt8(ascii: "-"))
        digits(month, 2)
        bytes.append(UInt8(ascii: "-"))
        digits(day, 2)
        bytes.append(UInt8(ascii: "T"))
        digits(secondOfDay / 3600, 2)
        bytes.append(UInt8(ascii: ":"))
        digits(secondOfDay % 3600 / 60, 2)
        bytes.append(UInt8(ascii: ":"))
        digits(secondOfDay % 60, 2)
        bytes.append(UInt8(ascii: "Z"))
    }
}
