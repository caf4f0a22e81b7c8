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

    /// Decodes a detail body: the issue when it is not an object with a `task_id`. Throws for text that
    /// is not JSON.
    public static func decode(_ data: Data) throws -> Result<TaskDetail, TaskDecodingIssue> {
        try LenientJSON.decode(DetailBody.self, from: data).result
    }
}

/// A detail body: the list fields plus the detail's own, read leniently.
private struct DetailBody: Decodable {
    /// The detail, or why the body is none.
    let result: Result<TaskDetail, TaskDecodingIssue>

    private enum Field: String, CodingKey {
        case sourceInstance = "source_instance", targetInstance = "target_instance", networkType = "network_type"
        case bandwidthLimitMB = "bandwidth_limit_mb", updatedAt = "updated_at", taskStatus = "task_status"
    }

    init(from decoder: Decoder) throws {
        result = MigrationTask.decodeItem(from: decoder).map { task in
            let body = try? decoder.container(keyedBy: Field.self)
            func endpoint(_ key: Field) -> MigrationEndpoint {
                (try? body?.decodeIfPresent(MigrationEndpoint.self, forKey: key)) ?? MigrationEndpoint()
            }
            return TaskDetail(
                task: task, sourceInstance: endpoint(.sourceInstance), targetInstance: endpoint(.targetInstance),
                networkType: body?.lenientString(forKey: .networkType) ?? "",
                bandwidthLimitMB: body?.lenientDouble(forKey: .bandwidthLimitMB),
                updatedAt: body?.lenientString(forKey: .updatedAt) ?? "",
                taskStatus: body?.lenientString(forKey: .taskStatus) ?? "")
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

    /// True for member names that hold credentials (`password`, `source_password`, `secret`, `token`…).
    static func isSecretKey(_ key: String) -> Bool {
        let lowered = key.lowercased()
        return ["password", "passwd", "pwd", "secret", "token", "credential"].contains { lowered.contains($0) }
    }
}

extension MigrationEndpoint: Decodable {
    /// Reads the object leniently, skipping every member whose name mentions a password or secret;
    /// not an object gives an empty endpoint.
    public init(from decoder: Decoder) throws {
        guard let object = try? decoder.container(keyedBy: JSONKey.self) else {
            self.init()
            return
        }
        var others: [String: String] = [:]
        for key in object.allKeys where !MigrationEndpoint.isSecretKey(key.stringValue) {
            if ["addrs", "id", "name"].contains(key.stringValue) { continue }
            if let text = object.lenientString(forKey: key) { others[key.stringValue] = text }
        }
        self.init(
            addresses: object.lenientString(forKey: JSONKey("addrs")) ?? "",
            instanceID: object.lenientString(forKey: JSONKey("id")) ?? "",
            name: object.lenientString(forKey: JSONKey("name")) ?? "", otherFields: others)
    }
}

/// The detail call's `task_status` for people (issue 16): the IP-switch values the API notes name
/// explained, anything else shown raw (sanitised), since the vendor adds values without notice.
public enum DetailTaskStatus {
    /// What the known values mean (dcs-api-notes.md: exchange-ip and rollback-ip).
    static let meanings: [String: String] = [
        "EXCHANGING": "switching IPs",
        "EXCHANGE_SUCCESS": "IPs switched",
        "EXCHANGE_FAILED": "IP switch failed",
        "ROLLBACKING": "rolling the IP switch back",
        "ROLLBACK_SUCCESS": "IP switch rolled back",
        "ROLLBACK_FAILED": "IP switch rollback failed",
    ]

    /// "EXCHANGING (switching IPs)" for a known value, the raw text for any other, "" for none.
    public static func describe(_ raw: String) -> String {
        let clean = SafeText.line(raw.trimmingCharacters(in: .whitespaces), limit: 60)
        guard let meaning = meanings[clean.uppercased()] else { return clean }
        return clean + " (" + meaning + ")"
    }
}
