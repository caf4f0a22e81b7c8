/// The coarse state a migration task is in, derived from its raw status string.
///
/// The mapping follows dcs-api-notes.md, "Fields and values": the documented four statuses plus those
/// seen in practice (including the misspelled `INCRMIGEATING`).
public enum StatusCategory: String, Sendable, CaseIterable, Codable, Comparable {
    case running
    case stopping
    case succeeded
    case stopped
    case failed
    case unknown

    /// Derives the category of a raw status; matching ignores case and surrounding spaces.
    public init(rawStatus: String) {
        switch rawStatus.trimmedFast(.whitespaces).uppercasedASCIIFast() {
        case "MIGRATING", "FULLMIGRATING", "INCRMIGRATING", "INCRMIGEATING", "RUNNING": self = .running
        case "TERMINATING": self = .stopping
        case "SUCCESS": self = .succeeded
        case "TERMINATED", "RELEASED", "DELETED": self = .stopped
        case "FAILED", "MIGRATION_FAILED": self = .failed
        default: self = .unknown
        }
    }

    /// Order used when sorting by status: what needs attention first.
    public var attentionRank: Int {
        switch self {
        case .failed: return 0
        case .running: return 1
        case .stopping: return 2
        case .unknown: return 3
        case .stopped: return 4
        case .succeeded: return 5
        }
    }

    /// Compares by attention rank.
    public static func < (lhs: StatusCategory, rhs: StatusCategory) -> Bool {
        lhs.attentionRank < rhs.attentionRank
    }

    /// Parses a category name as users type it (`failed`, `fail`, `success`, `ok`, `terminated`, …).
    public init?(userText: String) {
        switch userText.lowercased() {
        case "running", "run", "migrating": self = .running
        case "stopping", "terminating": self = .stopping
        case "succeeded", "success", "ok", "done": self = .succeeded
        case "stopped", "terminated": self = .stopped
        case "failed", "fail", "error": self = .failed
        case "unknown": self = .unknown
        default: return nil
        }
    }
}

/// A task's status: the raw text as the API sent it (never lost) and its derived category.
public struct TaskStatus: Sendable, Hashable, Codable {
    /// The status exactly as received; empty when the API sent none.
    public let raw: String
    /// The derived category; `.unknown` for anything not in the documented or observed lists.
    public let category: StatusCategory

    /// Builds a status from the raw text.
    public init(raw: String) {
        self.raw = raw
        self.category = StatusCategory(rawStatus: raw)
    }
}
