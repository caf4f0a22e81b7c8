import Foundation

/// Why one list item could not become a `MigrationTask`; the rest of the page is kept.
public struct TaskDecodingIssue: Error, Sendable, Hashable, CustomStringConvertible {
    /// Position of the item in `migration_tasks`.
    public let index: Int
    /// What was wrong with it.
    public let reason: String

    /// Builds an issue.
    public init(index: Int, reason: String) {
        self.index = index
        self.reason = reason
    }

    /// "item 3 of migration_tasks: …".
    public var description: String { "item \(index) of migration_tasks: \(reason)" }
}

extension MigrationTask {
    /// Decodes one list item leniently (dcs-api-notes.md: any field may be missing, null, of another
    /// type, or unknown). Only an item that is not an object, or that has no usable `task_id`, is an issue.
    public static func decode(_ value: JSONValue, index: Int) -> Result<MigrationTask, TaskDecodingIssue> {
        guard let object = value.objectValue else {
            return .failure(TaskDecodingIssue(index: index, reason: "expected an object, got \(value.shapeName)"))
        }
        let text = { (key: String) -> String in object[key]?.lenientString ?? "" }
        let id = text("task_id").trimmedFast(.whitespacesAndNewlines)
        guard !id.isEmpty else {
            return .failure(TaskDecodingIssue(index: index, reason: "task_id is missing or empty"))
        }
        let features = (object["supported_features"]?.arrayValue ?? []).compactMap(\.lenientString)
        return .success(
            MigrationTask(
                taskID: id, name: text("task_name"), status: text("status"), migrationType: text("migration_type"),
                migrationMethod: text("migration_method"), ecsTenantPrivateIP: text("ecs_tenant_private_ip"),
                dataSource: text("data_source"), sourceInstanceName: text("source_instance_name"),
                sourceInstanceID: text("source_instance_id"), targetInstanceAddrs: text("target_instance_addrs"),
                targetInstanceName: text("target_instance_name"), targetInstanceID: text("target_instance_id"),
                createdAt: text("created_at"), description: text("description"),
                sourceInstanceStatus: text("source_instance_status"),
                targetInstanceStatus: text("target_instance_status"),
                sourceInstanceSubnetID: text("source_instance_subnet_id"),
                targetInstanceSubnetID: text("target_instance_subnet_id"),
                sourceInstanceSpecCode: text("source_instance_spec_code"),
                targetInstanceSpecCode: text("target_instance_spec_code"), errorMessage: text("error_message"),
                releasedAt: text("released_at"), version: text("version"), resumeMode: text("resume_mode"),
                supportedFeatures: features))
    }
}

extension JSONValue {
    /// A word for the value's JSON type, for messages.
    public var shapeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int, .double: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
