import Foundation

/// A write dcswatch can do to migration tasks (issue 17): the command word, the word a user types to
/// confirm, and which statuses the client lets it through for (the server stays the judge).
public enum TaskAction: String, Sendable, Hashable, CaseIterable, Codable {
    /// Stop a running task (`…/stop`, or `batch-stop` for several).
    case stop
    /// Restart a stopped or failed online migration (`batch-restart`).
    case restart
    /// Switch the source's and target's IPs (or domain names) so clients reach the target.
    case exchangeIP = "exchange-ip"
    /// Undo a switch of IPs.
    case rollbackIP = "rollback-ip"
    /// Delete finished tasks (`migration-tasks/delete`).
    case delete

    /// The word the user types to confirm: the command name.
    public var confirmationWord: String { rawValue }

    /// The action as a verb for messages ("stopped", "switched the IPs of").
    public var pastTense: String {
        switch self {
        case .stop: return "stop requested"
        case .restart: return "restart requested"
        case .exchangeIP: return "IP switch requested"
        case .rollbackIP: return "IP rollback requested"
        case .delete: return "deleted"
        }
    }

    /// Why the client will not send this action for a task in `category`, or nil when it may be sent.
    /// Stop needs a running task; restart a stopped or failed one; delete refuses running and stopping
    /// tasks (they must be stopped first). The IP calls are judged by sync state and by the server.
    public func refusal(for category: StatusCategory, status: String) -> String? {
        let shown = status.isEmpty ? "unknown" : status
        switch self {
        case .stop:
            return category == .running ? nil : "only a running task can be stopped (status \(shown))"
        case .restart:
            return [.stopped, .failed].contains(category)
                ? nil : "only a stopped or failed task can be restarted (status \(shown))"
        case .delete:
            return [.running, .stopping].contains(category)
                ? "a running task cannot be deleted: stop it first (status \(shown))" : nil
        case .exchangeIP, .rollbackIP:
            return nil
        }
    }
}
