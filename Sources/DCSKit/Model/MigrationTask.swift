import Foundation

/// One migration task as the list call returns it (ListMigrationTask.rst, Table 4).
///
/// Every text field is kept exactly as received (possibly hostile: sanitise before display);
/// a missing or `null` field is an empty string. Decoding is in `MigrationTask+Decoding.swift`.
///
/// Names, addresses and instance and subnet ids are stored as `CompactText` behind `String`
/// properties (`@CompactStored`): at 100,000 tasks each was a heap object per task (issue 6). Reading
/// one makes a `String`; loops over every task read the storage (`task.$name`) with `withUTF8`.
public struct MigrationTask: Sendable, Hashable, Identifiable {
    /// `task_id`; never empty for a decoded task.
    public var taskID: String
    /// `task_name`.
    @CompactStored public var name: String
    /// `status`, raw text and derived category.
    public var status: TaskStatus
    /// `migration_type`.
    public var migrationType: MigrationType
    /// `migration_method`.
    public var migrationMethod: MigrationMethod
    /// `ecs_tenant_private_ip`.
    public var ecsTenantPrivateIP: String
    /// `data_source`: source `ip:port` or a bucket name.
    @CompactStored public var dataSource: String
    /// `source_instance_name`; empty for a self-hosted source.
    @CompactStored public var sourceInstanceName: String
    /// `source_instance_id`.
    @CompactStored public var sourceInstanceID: String
    /// `target_instance_addrs`.
    @CompactStored public var targetInstanceAddrs: String
    /// `target_instance_name`.
    @CompactStored public var targetInstanceName: String
    /// `target_instance_id`.
    @CompactStored public var targetInstanceID: String
    /// `created_at`.
    public var createdAt: APITimestamp
    /// `description`.
    public var description: String
    /// `source_instance_status`.
    public var sourceInstanceStatus: String
    /// `target_instance_status`.
    public var targetInstanceStatus: String
    /// `source_instance_subnet_id`.
    @CompactStored public var sourceInstanceSubnetID: String
    /// `target_instance_subnet_id`.
    @CompactStored public var targetInstanceSubnetID: String
    /// `source_instance_spec_code`.
    public var sourceInstanceSpecCode: String
    /// `target_instance_spec_code`.
    public var targetInstanceSpecCode: String
    /// `error_message`; empty when none.
    public var errorMessage: String
    /// `released_at`.
    public var releasedAt: APITimestamp
    /// `version`.
    public var version: String
    /// `resume_mode`.
    public var resumeMode: ResumeMode
    /// `supported_features`; empty for `null` or a non-array.
    public var supportedFeatures: [String]

    /// The Identifiable id: the task id.
    public var id: String { taskID }

    /// Builds a task; every field but the id has a neutral default so tests and the simulator stay short.
    public init(
        taskID: String, name: String = "", status: String = "", migrationType: String = "",
        migrationMethod: String = "", ecsTenantPrivateIP: String = "", dataSource: String = "",
        sourceInstanceName: String = "", sourceInstanceID: String = "", targetInstanceAddrs: String = "",
        targetInstanceName: String = "", targetInstanceID: String = "", createdAt: String = "",
        description: String = "", sourceInstanceStatus: String = "", targetInstanceStatus: String = "",
        sourceInstanceSubnetID: String = "", targetInstanceSubnetID: String = "",
        sourceInstanceSpecCode: String = "", targetInstanceSpecCode: String = "", errorMessage: String = "",
        releasedAt: String = "", version: String = "", resumeMode: String = "", supportedFeatures: [String] = []
    ) {
        self.taskID = taskID
        self.name = name
        self.status = TaskStatus(raw: status)
        self.migrationType = MigrationType(raw: migrationType)
        self.migrationMethod = MigrationMethod(raw: migrationMethod)
        self.ecsTenantPrivateIP = ecsTenantPrivateIP
        self.dataSource = dataSource
        self.sourceInstanceName = sourceInstanceName
        self.sourceInstanceID = sourceInstanceID
        self.targetInstanceAddrs = targetInstanceAddrs
        self.targetInstanceName = targetInstanceName
        self.targetInstanceID = targetInstanceID
        self.createdAt = APITimestamp(raw: createdAt)
        self.description = description
        self.sourceInstanceStatus = sourceInstanceStatus
        self.targetInstanceStatus = targetInstanceStatus
        self.sourceInstanceSubnetID = sourceInstanceSubnetID
        self.targetInstanceSubnetID = targetInstanceSubnetID
        self.sourceInstanceSpecCode = sourceInstanceSpecCode
        self.targetInstanceSpecCode = targetInstanceSpecCode
        self.errorMessage = errorMessage
        self.releasedAt = APITimestamp(raw: releasedAt)
        self.version = version
        self.resumeMode = ResumeMode(raw: resumeMode)
        self.supportedFeatures = supportedFeatures
    }

    /// The source as users name it: the instance name when the source is a DCS instance, else the address.
    public var sourceLabel: String {
        $sourceInstanceName.isEmpty ? dataSource : sourceInstanceName
    }

    /// The target as users name it: the instance name, else its address.
    public var targetLabel: String {
        $targetInstanceName.isEmpty ? targetInstanceAddrs : targetInstanceName
    }
}
