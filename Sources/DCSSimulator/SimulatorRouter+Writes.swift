import DCSKit
import Foundation

extension SimulatorRouter {
    /// The most ids a batch call takes, as the real API limits them.
    static let batchLimit = 50

    /// Answers one of the six writes (already authenticated and past the fault rules): a one-task call
    /// refuses a wrong state with 400 `DCS.4957` and an unknown task with `DCS.4133`; a batch call
    /// checks its body (1–50 ids), then answers per task (delete refuses the whole set if one task may
    /// not be deleted). What took effect is recorded in `writes` and shows in later reads.
    func write(_ action: TaskAction, taskID: String?, request: HTTPRequest, now: Date) -> HTTPResponse {
        if let taskID { return writeOne(action, taskID: taskID, now: now) }
        let key = action == .delete ? "task_id_list" : "migration_tasks"
        let elements = (try? JSONValue.parse(request.body))?[key].arrayValue ?? []
        let ids = elements.compactMap(\.lenientString)
        guard !ids.isEmpty, ids.count == elements.count else {
            return SimulatorResponses.dcsError(
                status: 400, code: "DCS.4800", message: "Invalid request body: \(key) must be a non-empty array of task ids.")
        }
        guard ids.count <= Self.batchLimit else {
            return SimulatorResponses.dcsError(
                status: 400, code: "DCS.4800",
                message: "Invalid request body: at most \(Self.batchLimit) task ids per call, got \(ids.count).")
        }
        if action == .delete {
            if let refusal = ids.lazy.compactMap({ self.refusal(.delete, taskID: $0, now: now) }).first {
                return SimulatorResponses.dcsError(status: 400, code: refusal.code, message: refusal.message)
            }
            ids.forEach { recordWrite(.delete, taskID: $0, now: now) }
            return SimulatorResponses.json(.object(["task_id_list": .array(ids.map(JSONValue.string))]))
        }
        let items: [JSONValue] = ids.map { id in
            if let refusal = refusal(action, taskID: id, now: now) {
                return .object([
                    "task_id": .string(id), "result": .string("failed"), "error_code": .string(refusal.code),
                    "error_msg": .string(refusal.message),
                ])
            }
            recordWrite(action, taskID: id, now: now)
            return .object(["task_id": .string(id), "result": .string("success")])
        }
        return SimulatorResponses.json(.object(["migration_tasks": .array(items)]))
    }

    /// Stop, exchange-ip or rollback-ip of one task: the stop answers the task's detail (passwords
    /// included, as the real one does), the IP calls 204.
    private func writeOne(_ action: TaskAction, taskID: String, now: Date) -> HTTPResponse {
        if let refusal = refusal(action, taskID: taskID, now: now) {
            return SimulatorResponses.dcsError(status: 400, code: refusal.code, message: refusal.message)
        }
        recordWrite(action, taskID: taskID, now: now)
        guard action == .stop, let snapshot = scenario.snapshot(id: taskID, at: now) else {
            return HTTPResponse(status: 204)
        }
        return SimulatorResponses.json(.object(withStatusOverride(snapshot.detail(), taskID: taskID)))
    }

    /// Records a write that took effect: a stop, restart or delete replaces a status set through the
    /// control endpoint (and so clears the cached list pages); the IP calls change only the detail.
    func recordWrite(_ action: TaskAction, taskID: String, now: Date) {
        if ![.exchangeIP, .rollbackIP].contains(action) { overrideStatus(of: taskID, with: nil) }
        writes.record(action, taskID: taskID, now: now)
    }

    /// Why `action` may not be done to `taskID` now (code and message), or nil. Stop, restart and
    /// delete follow `TaskAction.refusal`; a restart also needs an online migration; a switch needs a
    /// running online migration not already switched; a rollback a finished switch.
    func refusal(_ action: TaskAction, taskID: String, now: Date) -> (code: String, message: String)? {
        guard !writes.isDeleted(taskID), let snapshot = scenario.snapshot(id: taskID, at: now) else {
            return ("DCS.4133", "The migration task does not exist: \(taskID.prefix(64))")
        }
        let status = withStatusOverride(snapshot.listItem(), taskID: taskID)["status"]?.lenientString ?? ""
        let category = StatusCategory(rawStatus: status)
        let switchStatus = writes.switchStatus(of: taskID, now: now)
        let online = snapshot.task.migrationType == "online_migration"
        let allowed: Bool
        switch action {
        case .stop, .delete: allowed = action.refusal(for: category, status: status) == nil
        case .restart: allowed = online && action.refusal(for: category, status: status) == nil
        case .exchangeIP:
            allowed = online && category == .running && (switchStatus == nil || switchStatus == "ROLLBACK_SUCCESS")
        case .rollbackIP: allowed = switchStatus == "EXCHANGE_SUCCESS"
        }
        guard !allowed else { return nil }
        let shown = switchStatus.map { "\(status), IP switch \($0)" } ?? status
        return ("DCS.4957", "The task status (\(shown)) does not allow \(action.rawValue).")
    }
}
