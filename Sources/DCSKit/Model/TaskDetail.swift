import Foundation

/// One migration task as the detail call returns it (`GET /v2/{project_id}/migration-task/{task_id}`):
/// the list fields plus the instance objects, network type, bandwidth limit and `updated_at`.
///
/// The instances' `password` fields are dropped in the decoder: they never live in memory, so they
/// cannot reach a screen, a log or an export.
public struct TaskDetail: Sendable, Hashable {
    /// The list-call fields, decoded the same lenient way.
    public var task: MigrationTask
    /// `source_instance`.
    public var sourceInstance: MigrationEndpoint
    /// `target_instance`.
    public var targetInstance: MigrationEndpoint
    /// `network_type` (`vpc`, `vpn`, …).
    public var networkType: String
    /// `bandwidth_limit_mb`; nil when missing or not a number.
    public var bandwidthLimitMB: Double?
    /// `updated_at`.
    public var updatedAt: APITimestamp
    /// `task_status` (e.g. `EXCHANGING` while IPs are switched); empty when absent.
    public var taskStatus: String

    /// Builds a detail.
    public init(
        task: MigrationTask, sourceInstance: MigrationEndpoint = MigrationEndpoint(),
        targetInstance: MigrationEndpoint = MigrationEndpoint(), networkType: String = "",
        bandwidthLimitMB: Double? = nil, updatedAt: String = "", taskStatus: String = ""
    ) {
        self.task = task
        self.sourceInstance = sourceInstance
        self.targetInstance = targetInstance
        self.networkType = networkType
        self.bandwidthLimitMB = bandwidthLimitMB
        self.updatedAt = APITimestamp(raw: updatedAt)
        self.taskStatus = taskStatus
    }

    /// Decodes a detail body; nil when it is not an object with a `task_id`.
    public static func decode(_ value: JSONValue) -> Result<TaskDetail, TaskDecodingIssue> {
        MigrationTask.decode(value, index: 0).map { task in
            TaskDetail(
                task: task, sourceInstance: MigrationEndpoint(value["source_instance"]),
                targetInstance: MigrationEndpoint(value["target_instance"]),
                networkType: value["network_type"].lenientString ?? "",
                bandwidthLimitMB: value["bandwidth_limit_mb"].lenientDouble,
                updatedAt: value["updated_at"].lenientString ?? "",
                taskStatus: value["task_status"].lenientString ?? "")
        }
    }
}

/// A source or target of a migration as the detail call describes it, without its password.
public struct MigrationEndpoint: Sendable, Hashable {
    /// `addrs` (`ip:port`, possibly several, comma-separated).
    public var addresses: String
    /// `id` of the DCS instance; empty for a self-hosted Redis.
    public var instanceID: String
    /// `name` of the DCS instance.
    public var name: String
    /// `ip`, `port`, `type` and any other scalar member, kept for display (never `password`).
    public var otherFields: [String: String]

    /// Builds an endpoint.
    public init(addresses: String = "", instanceID: String = "", name: String = "", otherFields: [String: String] = [:]) {
        self.addresses = addresses
        self.instanceID = instanceID
        self.name = name
        self.otherFields = otherFields
    }

    /// Reads the object leniently, skipping every member whose name mentions a password or secret.
    init(_ value: JSONValue) {
        var others: [String: String] = [:]
        for (key, member) in value.objectValue ?? [:] where !MigrationEndpoint.isSecretKey(key) {
            if ["addrs", "id", "name"].contains(key) { continue }
            if let text = member.lenientString { others[key] = text }
        }
        self.init(
            addresses: value["addrs"].lenientString ?? "", instanceID: value["id"].lenientString ?? "",
            name: value["name"].lenientString ?? "", otherFields: others)
    }

    /// True for member names that hold credentials (`password`, `source_password`, `secret`, `token`…).
    static func isSecretKey(_ key: String) -> Bool {
        let lowered = key.lowercased()
        return ["password", "passwd", "pwd", "secret", "token", "credential"].contains { lowered.contains($0) }
    }
}
