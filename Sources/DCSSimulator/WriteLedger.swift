import DCSKit
import Foundation

/// What the simulator's writes did to tasks (issue 17), on the simulator's clock: a stop reads
/// TERMINATING for `settleSeconds`, then TERMINATED; a restart reads MIGRATING; a switch of IPs makes
/// the detail's `task_status` EXCHANGING for `settleSeconds`, then EXCHANGE_SUCCESS; a rollback
/// ROLLBACK_SUCCESS; a deleted task leaves the list (its detail still answers, with SUCCESS, as the
/// real API's may). `@unchecked Sendable`: every member is guarded by `lock`.
final class WriteLedger: @unchecked Sendable {
    /// How long TERMINATING and EXCHANGING last before the change is done.
    static let settleSeconds: TimeInterval = 2

    private enum StatusChange {
        case stopped(at: Date)
        case restarted
    }

    private enum SwitchChange {
        case exchanged(at: Date)
        case rolledBack
    }

    private let lock = NSLock()
    private var statuses: [String: StatusChange] = [:]
    private var switches: [String: SwitchChange] = [:]
    private var deletedIDs: Set<String> = []

    /// The status a write gave `taskID` as of `now`; nil when no write changed it.
    func status(of taskID: String, now: Date) -> String? {
        lock.withLock {
            if deletedIDs.contains(taskID) { return "SUCCESS" }
            switch statuses[taskID] {
            case .stopped(let at): return now.timeIntervalSince(at) < Self.settleSeconds ? "TERMINATING" : "TERMINATED"
            case .restarted: return "MIGRATING"
            case nil: return nil
            }
        }
    }

    /// The detail's `task_status` a switch or rollback gave `taskID` as of `now`; nil when none did.
    func switchStatus(of taskID: String, now: Date) -> String? {
        lock.withLock {
            switch switches[taskID] {
            case .exchanged(let at):
                return now.timeIntervalSince(at) < Self.settleSeconds ? "EXCHANGING" : "EXCHANGE_SUCCESS"
            case .rolledBack: return "ROLLBACK_SUCCESS"
            case nil: return nil
            }
        }
    }

    /// True when `taskID` was deleted.
    func isDeleted(_ taskID: String) -> Bool {
        lock.withLock { deletedIDs.contains(taskID) }
    }

    /// True when any task was deleted (the list then filters).
    var anyDeleted: Bool {
        lock.withLock { !deletedIDs.isEmpty }
    }

    /// Records that `action` took effect for `taskID` at `now`.
    func record(_ action: TaskAction, taskID: String, now: Date) {
        lock.withLock {
            switch action {
            case .stop: statuses[taskID] = .stopped(at: now)
            case .restart:
                statuses[taskID] = .restarted
                switches[taskID] = nil
            case .exchangeIP: switches[taskID] = .exchanged(at: now)
            case .rollbackIP: switches[taskID] = .rolledBack
            case .delete: deletedIDs.insert(taskID)
            }
        }
    }

    /// Forgets the status a write gave `taskID` (a control override replaces it).
    func forgetStatus(of taskID: String) {
        lock.withLock { _ = statuses.removeValue(forKey: taskID) }
    }
}
