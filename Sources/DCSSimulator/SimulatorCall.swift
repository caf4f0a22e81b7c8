import DCSKit
import Foundation

/// Which call a request is, read from its method and path (dcs-api-notes.md, "Read APIs").
enum SimulatorCall: Sendable, Hashable {
    /// `GET /v2/{project_id}/migration-tasks`.
    case list(project: String)
    /// `GET /v2/{project_id}/migration-task/{task_id}`.
    case detail(project: String, taskID: String)
    /// `GET /v2/{project_id}/migration-task/{task_id}/stats`.
    case stats(project: String, taskID: String)
    /// `GET /v2/{project_id}/migration-task/{task_id}/logs`.
    case logs(project: String, taskID: String)
    /// One of the six writes of issue 17 (`SimulatedWrite`), with the task id of the one-task calls.
    case write(project: String, action: TaskAction, taskID: String?)
    /// `POST /v3/auth/tokens` (fake IAM).
    case token
    /// `/_sim/faults` (control, unsigned, simulator only).
    case controlFaults
    /// `/_sim/tasks/{task_id}/status` (control, unsigned, simulator only): override a task's status.
    case controlTaskStatus(taskID: String)
    /// `/_sim/tasks/{task_id}/stats` (control, unsigned, simulator only): script a task's stats answers.
    case controlTaskStats(taskID: String)
    /// Anything else: 404 `DCS.4001`.
    case unknown

    /// Classifies a request by method and percent-decoded path; a trailing `/` is tolerated.
    init(method: String, path: String) {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map {
            String($0).removingPercentEncoding ?? String($0)
        }
        let method = method.uppercased()
        switch (method, segments.count) {
        case (_, 2) where segments == ["_sim", "faults"]:
            self = .controlFaults
        case (_, 4) where segments[0] == "_sim" && segments[1] == "tasks" && segments[3] == "status":
            self = .controlTaskStatus(taskID: segments[2])
        case (_, 4) where segments[0] == "_sim" && segments[1] == "tasks" && segments[3] == "stats":
            self = .controlTaskStats(taskID: segments[2])
        case ("POST", 3) where segments == ["v3", "auth", "tokens"]:
            self = .token
        case ("GET", 3) where segments[0] == "v2" && segments[2] == "migration-tasks":
            self = .list(project: segments[1])
        case ("GET", 4) where segments[0] == "v2" && segments[2] == "migration-task":
            self = .detail(project: segments[1], taskID: segments[3])
        case ("GET", 5) where segments[0] == "v2" && segments[2] == "migration-task" && segments[4] == "stats":
            self = .stats(project: segments[1], taskID: segments[3])
        case ("GET", 5) where segments[0] == "v2" && segments[2] == "migration-task" && segments[4] == "logs":
            self = .logs(project: segments[1], taskID: segments[3])
        case ("POST", 4) where segments[0] == "v2" && segments[2...] == ["migration-task", "batch-stop"]:
            self = .write(project: segments[1], action: .stop, taskID: nil)
        case ("POST", 4) where segments[0] == "v2" && segments[2...] == ["migration-tasks", "batch-restart"]:
            self = .write(project: segments[1], action: .restart, taskID: nil)
        case ("DELETE", 4) where segments[0] == "v2" && segments[2...] == ["migration-tasks", "delete"]:
            self = .write(project: segments[1], action: .delete, taskID: nil)
        case ("POST", 5) where segments[0] == "v2" && segments[2] == "migration-task":
            let actions: [String: TaskAction] = ["stop": .stop, "exchange-ip": .exchangeIP, "rollback-ip": .rollbackIP]
            guard let action = actions[segments[4]] else {
                self = .unknown
                return
            }
            self = .write(project: segments[1], action: action, taskID: segments[3])
        default:
            self = .unknown
        }
    }

    /// The fault scope this call falls under; nil for the control endpoint, which faults never touch.
    var scope: FaultRule.Scope? {
        switch self {
        case .list: return .list
        case .detail: return .detail
        case .stats: return .stats
        case .logs: return .logs
        case .write: return .write
        case .token: return .token
        case .unknown: return .any
        case .controlFaults, .controlTaskStatus, .controlTaskStats: return nil
        }
    }

    /// The project id in the path, for the DCS calls.
    var project: String? {
        switch self {
        case .list(let project), .detail(let project, _), .stats(let project, _), .logs(let project, _),
            .write(let project, _, _):
            return project
        case .token, .controlFaults, .controlTaskStatus, .controlTaskStats, .unknown: return nil
        }
    }
}
