import Foundation

/// `{"migration_tasks": [ids]}`: the body of `batch-stop` and `batch-restart`.
struct BatchBody: Encodable {
    var migrationTasks: [String]

    enum CodingKeys: String, CodingKey { case migrationTasks = "migration_tasks" }
}

/// `{"exchanged_ip": [addresses], "is_exchange_domain": bool}`: the body of `exchange-ip`; no
/// `exchanged_ip` key when no address is given (as the official SDK leaves out unset members).
struct ExchangeBody: Encodable {
    var exchangedIP: [String]?
    var isExchangeDomain: Bool

    enum CodingKeys: String, CodingKey {
        case exchangedIP = "exchanged_ip", isExchangeDomain = "is_exchange_domain"
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(exchangedIP, forKey: .exchangedIP)
        try container.encode(isExchangeDomain, forKey: .isExchangeDomain)
    }
}

/// `{"task_id_list": [ids]}`: the body of `migration-tasks/delete`, and its answer.
struct DeleteBody: Encodable {
    var taskIDList: [String]

    enum CodingKeys: String, CodingKey { case taskIDList = "task_id_list" }
}

/// The answer of `migration-tasks/delete`: the ids that were deleted (non-text entries skipped).
struct DeleteAnswer: Decodable {
    var taskIDList: [String]

    enum CodingKeys: String, CodingKey { case taskIDList = "task_id_list" }

    init(from decoder: Decoder) throws {
        let body = try? decoder.container(keyedBy: CodingKeys.self)
        taskIDList = body?.lenientStrings(forKey: .taskIDList) ?? []
    }
}

/// The answer of `batch-stop` and `batch-restart`:
/// `{"migration_tasks": [{"task_id", "result": "success"|"failed", "error_code", "error_msg"}]}`.
struct BatchAnswer: Decodable {
    /// One task's line of the answer.
    struct Item: Decodable {
        var taskID: String?
        var result: String?
        var errorCode: String?
        var errorMessage: String?

        enum CodingKeys: String, CodingKey {
            case taskID = "task_id", result, errorCode = "error_code", errorMessage = "error_msg"
        }

        init(from decoder: Decoder) throws {
            let body = try decoder.container(keyedBy: CodingKeys.self)
            taskID = body.lenientString(forKey: .taskID)
            result = body.lenientString(forKey: .result)
            errorCode = body.lenientString(forKey: .errorCode).map { SafeText.line($0, limit: 40) }
            errorMessage = body.lenientString(forKey: .errorMessage).map { SafeText.line($0, limit: 200) }
        }
    }

    var migrationTasks: [Item]

    enum CodingKeys: String, CodingKey { case migrationTasks = "migration_tasks" }

    init(from decoder: Decoder) throws {
        let body = try? decoder.container(keyedBy: CodingKeys.self)
        let items = (try? body?.decodeIfPresent([LenientItem].self, forKey: .migrationTasks)) ?? nil
        migrationTasks = (items ?? []).compactMap(\.item)
    }

    /// One outcome per id of `chunk`, from an answer body: a task the answer does not name, or an
    /// unreadable answer, is an unknown outcome (the request was accepted; what it did is not known).
    static func outcomes(of body: Data, for chunk: [String]) -> [TaskActionResult.Outcome] {
        let items = (try? LenientJSON.decode(BatchAnswer.self, from: body))?.migrationTasks ?? []
        let byID = Dictionary(items.compactMap { item in item.taskID.map { ($0, item) } }, uniquingKeysWith: { a, _ in a })
        return chunk.map { id in
            guard let item = byID[id] else {
                return .unknown(reason: "the answer did not name this task: check its status")
            }
            if item.result?.lowercased() == "success" { return .succeeded }
            return .failed(code: item.errorCode, message: item.errorMessage ?? "result \(item.result ?? "missing")")
        }
    }

    /// An array element that may not be an object: skipped instead of failing the answer.
    private struct LenientItem: Decodable {
        var item: Item?
        init(from decoder: Decoder) throws { item = try? Item(from: decoder) }
    }
}
