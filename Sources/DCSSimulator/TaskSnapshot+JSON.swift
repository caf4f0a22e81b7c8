import DCSKit
import Foundation

extension TaskSnapshot {
    /// One item of the list call (`MigrationTaskList` in ListMigrationTask.rst), field for field.
    public func listItem() -> [String: JSONValue] {
        let source = task.sourceInstance
        return [
            "task_id": .string(task.id),
            "task_name": .string(task.name),
            "status": .string(status),
            "migration_type": .string(task.migrationType),
            "migration_method": .string(task.migrationMethod),
            "ecs_tenant_private_ip": .string(task.ecsPrivateIP),
            "data_source": .string(task.dataSource),
            "source_instance_name": .string(source?.name ?? ""),
            "source_instance_id": .string(source?.id ?? ""),
            "target_instance_addrs": .string(task.targetInstance.address),
            "target_instance_name": .string(task.targetInstance.name),
            "target_instance_id": .string(task.targetInstance.id),
            "created_at": .string(SimulatorTime.iso(createdAt)),
            "description": task.description.map(JSONValue.string) ?? .null,
            "source_instance_status": .string(source?.status ?? ""),
            "target_instance_status": .string(task.targetInstance.status),
            "source_instance_subnet_id": .string(source?.subnetID ?? ""),
            "target_instance_subnet_id": .string(task.targetInstance.subnetID),
            "source_instance_spec_code": .string(source?.specCode ?? ""),
            "target_instance_spec_code": .string(task.targetInstance.specCode),
            "error_message": errorMessage.map(JSONValue.string) ?? .null,
            "released_at": releasedAt.map { .string(SimulatorTime.compact($0)) } ?? .null,
            "version": .string(task.version),
            "resume_mode": .string(task.resumeMode),
            "supported_features": .array([]),
        ]
    }

    /// The detail call's object, with `source_instance`/`target_instance` including their passwords,
    /// as the real API returns them (so the client's redaction is tested against real-shaped data).
    public func detail() -> [String: JSONValue] {
        var sourceObject: [String: JSONValue] = [
            "addrs": .string(
                task.sourceInstance?.address ?? (task.migrationType == "online_migration" ? task.dataSource : "")),
            "password": .string(task.sourceInstance?.password ?? task.sourcePassword),
            "task_status": .string(status),
        ]
        if let source = task.sourceInstance {
            sourceObject["id"] = .string(source.id)
            sourceObject["name"] = .string(source.name)
        }
        let target = task.targetInstance
        var object: [String: JSONValue] = [
            "task_id": .string(task.id),
            "task_name": .string(task.name),
            "description": task.description.map(JSONValue.string) ?? .null,
            "status": .string(status),
            "migration_type": .string(task.migrationType),
            "migration_method": .string(task.migrationMethod),
            "ecs_tenant_private_ip": .string(task.ecsPrivateIP),
            "network_type": .string(task.networkType),
            "source_instance": .object(sourceObject),
            "target_instance": .object([
                "id": .string(target.id), "name": .string(target.name), "addrs": .string(target.address),
                "password": .string(target.password), "task_status": .string(status),
            ]),
            "created_at": .string(SimulatorTime.iso(createdAt)),
            "updated_at": .string(SimulatorTime.iso(updatedAt)),
            "released_at": releasedAt.map { .string(SimulatorTime.compact($0)) } ?? .null,
            "version": .string(task.version),
            "resume_mode": .string(task.resumeMode),
            "supported_features": .array([]),
            "bandwidth_limit_mb": task.bandwidthLimitMB.map { .string(String($0)) } ?? .null,
            "task_status": .string(status),
            "error_message": errorMessage.map(JSONValue.string) ?? .null,
        ]
        if task.migrationType == "backupfile_import" {
            object["backup_files"] = .object([
                "file_source": .string("self_build_obs"), "bucket_name": .string(task.dataSource),
                "files": .array([
                    .object([
                        "file_name": .string("dump-\(task.index).rdb"), "size": .string("\(task.sourceKeys * 120)"),
                    ])
                ]),
            ])
        }
        return object
    }

    /// The stats call's object. Numbers as in the doc example (the doc's table says strings: clients
    /// must take both; the `wrongtypes` fault sends strings).
    public func statsObject(seed: UInt64) -> [String: JSONValue] {
        let stats = statistics(seed: seed)
        return [
            "full_migration_progress": .double(stats.progressPercent),
            "offset": .int(stats.lag),
            "source_dbsize": .int(stats.sourceKeys),
            "target_dbsize": .int(stats.targetKeys),
            "target_input_kbps": .double(stats.inputKbps),
            "target_ops": .int(stats.operationsPerSecond),
            "is_migrating": .bool(stats.isMigrating),
        ]
    }
}
