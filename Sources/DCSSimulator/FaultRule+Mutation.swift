import DCSKit
import Foundation

/// Rewrites a successful JSON body the way a body-level fault says (wrong types, nulls, unknown
/// statuses, a lying count, long strings, hostile text). Paging faults (`duplicates`, `emptypage`)
/// act when the page is cut and truncation acts on the encoded bytes, so neither is here.
enum FaultMutation {
    /// Keys that keep their value under `nulls` and `wrongtypes`: without an id no fault can be told
    /// apart from a missing task.
    static let identityKeys: Set<String> = ["task_id", "migration_tasks", "migration_logs"]

    /// Applies `kind` to a response object.
    static func apply(_ kind: FaultRule.Kind, to body: [String: JSONValue]) -> [String: JSONValue] {
        switch kind {
        case .lyingCount(let delta):
            var body = body
            if let count = body["count"]?.lenientInt { body["count"] = .int(Int64(max(0, count + delta))) }
            return body
        case .wrongTypes, .nulls, .unknownStatus, .longStrings, .hostileText:
            return mapTasks(body) { task, index in mutateTask(task, kind: kind, index: index) }
        default:
            return body
        }
    }

    /// Applies `transform` to each task object: the list's items, or the body itself for detail/stats.
    private static func mapTasks(
        _ body: [String: JSONValue], _ transform: ([String: JSONValue], Int) -> [String: JSONValue]
    ) -> [String: JSONValue] {
        if case .array(let items)? = body["migration_tasks"] {
            var body = body
            body["migration_tasks"] = .array(
                items.enumerated().map { index, item in item.objectValue.map { .object(transform($0, index)) } ?? item }
            )
            return body
        }
        if case .array(let logs)? = body["migration_logs"] {
            var body = body
            body["migration_logs"] = .array(
                logs.enumerated().map { index, item in item.objectValue.map { .object(transform($0, index)) } ?? item })
            return body
        }
        return transform(body, 0)
    }

    private static func mutateTask(_ task: [String: JSONValue], kind: FaultRule.Kind, index: Int) -> [String: JSONValue] {
        var task = task
        switch kind {
        case .nulls:
            for key in task.keys where !identityKeys.contains(key) { task[key] = .null }
        case .wrongTypes:
            for (key, value) in task where !identityKeys.contains(key) { task[key] = wrongType(value, key: key) }
        case .unknownStatus:
            let statuses = ["PAUSED", "WAITING_FOR_ECS", "INCRMIGEATING", "RELEASED", "", "migrating"]
            if task["status"] != nil { task["status"] = .string(statuses[index % statuses.count]) }
            if task["task_status"] != nil { task["task_status"] = .string(statuses[(index + 1) % statuses.count]) }
        case .longStrings(let length):
            for key in ["task_name", "description", "error_message", "message"] where task[key] != nil {
                let seed = task[key]?.lenientString ?? key
                task[key] = .string(longString(from: seed.isEmpty ? key : seed, length: length))
            }
        case .hostileText:
            for key in [
                "task_name", "description", "error_message", "message", "source_instance_name", "target_instance_name",
            ]
            where task[key] != nil {
                task[key] = .string(HostileText.wrap(task[key]?.lenientString ?? "", index: index + key.count))
            }
        default:
            break
        }
        return task
    }

    /// Numbers become strings, strings become numbers (or objects), bools become strings, arrays an object.
    private static func wrongType(_ value: JSONValue, key: String) -> JSONValue {
        switch value {
        case .int(let number): return .string(String(number))
        case .double(let number): return .string(String(number))
        case .bool(let flag): return .string(flag ? "true" : "false")
        case .array: return .object(["unexpected": .bool(true)])
        case .object(let members): return .array(members.keys.sorted().map { .string($0) })
        case .null: return .int(0)
        case .string(let text):
            if key.hasSuffix("_at") { return .int(1_700_000_000_000) }
            if key == "status" || key.hasSuffix("_name") { return .int(Int64(text.count)) }
            return .object(["value": .string(text)])
        }
    }

    private static func longString(from text: String, length: Int) -> String {
        let unit = text + " "
        return String(String(repeating: unit, count: length / unit.count + 1).prefix(length))
    }
}
