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
    /// The members of a list item (ListMigrationTask.rst, Table 4), by their API names; read by
    /// `ListPageDecoder` (list pages) and `decodeItem` (the detail call).
    enum ListField: String, CodingKey, CaseIterable {
        case taskID = "task_id", name = "task_name", status, migrationType = "migration_type"
        case migrationMethod = "migration_method", ecsTenantPrivateIP = "ecs_tenant_private_ip"
        case dataSource = "data_source", sourceInstanceName = "source_instance_name"
        case sourceInstanceID = "source_instance_id", targetInstanceAddrs = "target_instance_addrs"
        case targetInstanceName = "target_instance_name", targetInstanceID = "target_instance_id"
        case createdAt = "created_at", description, sourceInstanceStatus = "source_instance_status"
        case targetInstanceStatus = "target_instance_status", sourceInstanceSubnetID = "source_instance_subnet_id"
        case targetInstanceSubnetID = "target_instance_subnet_id", sourceInstanceSpecCode = "source_instance_spec_code"
        case targetInstanceSpecCode = "target_instance_spec_code", errorMessage = "error_message"
        case releasedAt = "released_at", version, resumeMode = "resume_mode", supportedFeatures = "supported_features"
    }

    /// Reads the list fields of an item or a detail body leniently (dcs-api-notes.md: any field may be
    /// missing, null, of another type, or unknown); the issue (at index 0: a page sets it) when it is
    /// not an object.
    static func decodeItem(from decoder: Decoder) -> Result<MigrationTask, TaskDecodingIssue> {
        guard let item = try? decoder.container(keyedBy: ListField.self) else {
            let shape = (try? JSONShape(from: decoder))?.name ?? "an unreadable value"
            return .failure(TaskDecodingIssue(index: 0, reason: "expected an object, got \(shape)"))
        }
        return listItem(
            text: { item.lenientString(forKey: $0) ?? "" }, compact: { CompactText(item.lenientString(forKey: $0) ?? "") },
            features: item.lenientStrings(forKey: .supportedFeatures))
    }

    /// A task from its list fields, by the one rule set of list items (the page fast path and the
    /// `Codable` read both come here): absent fields are empty; without a `task_id` that is not blank
    /// there is no task. `text` gives the `String` fields, `compact` the ones stored as `CompactText`.
    static func listItem(
        text: (ListField) -> String, compact: (ListField) -> CompactText, features: [String]
    ) -> Result<MigrationTask, TaskDecodingIssue> {
        let id = text(.taskID).trimmedFast(.whitespacesAndNewlines)
        guard !id.isEmpty else { return .failure(TaskDecodingIssue(index: 0, reason: "task_id is missing or empty")) }
        var task = MigrationTask(
            taskID: id, status: text(.status), migrationType: text(.migrationType), migrationMethod: text(.migrationMethod),
            ecsTenantPrivateIP: text(.ecsTenantPrivateIP), createdAt: text(.createdAt), description: text(.description),
            sourceInstanceStatus: text(.sourceInstanceStatus), targetInstanceStatus: text(.targetInstanceStatus),
            sourceInstanceSpecCode: text(.sourceInstanceSpecCode), targetInstanceSpecCode: text(.targetInstanceSpecCode),
            errorMessage: text(.errorMessage), releasedAt: text(.releasedAt), version: text(.version),
            resumeMode: text(.resumeMode), supportedFeatures: features)
        task.$name = compact(.name)
        task.$dataSource = compact(.dataSource)
        task.$sourceInstanceName = compact(.sourceInstanceName)
        task.$sourceInstanceID = compact(.sourceInstanceID)
        task.$targetInstanceAddrs = compact(.targetInstanceAddrs)
        task.$targetInstanceName = compact(.targetInstanceName)
        task.$targetInstanceID = compact(.targetInstanceID)
        task.$sourceInstanceSubnetID = compact(.sourceInstanceSubnetID)
        task.$targetInstanceSubnetID = compact(.targetInstanceSubnetID)
        return .success(task)
    }
}

extension MigrationTask.ListField {
    /// The position in `ListPageDecoder.fields` (its storage slot for the field), by a switch: the
    /// fast path asks for it 24 times per task, and `firstIndex(of:)` walked the cases each time.
    /// `ListPageDecoderTests` checks it against `fields`.
    var index: Int {
        switch self {
        case .taskID: 0
        case .name: 1
        case .status: 2
        case .migrationType: 3
        case .migrationMethod: 4
        case .ecsTenantPrivateIP: 5
        case .dataSource: 6
        case .sourceInstanceName: 7
        case .sourceInstanceID: 8
        case .targetInstanceAddrs: 9
        case .targetInstanceName: 10
        case .targetInstanceID: 11
        case .createdAt: 12
        case .description: 13
        case .sourceInstanceStatus: 14
        case .targetInstanceStatus: 15
        case .sourceInstanceSubnetID: 16
        case .targetInstanceSubnetID: 17
        case .sourceInstanceSpecCode: 18
        case .targetInstanceSpecCode: 19
        case .errorMessage: 20
        case .releasedAt: 21
        case .version: 22
        case .resumeMode: 23
        case .supportedFeatures: 24
        }
    }
}
