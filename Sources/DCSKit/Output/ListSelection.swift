import Foundation

/// The filter and order `dcswatch list` applies: `--status`, `--name`, `--sort`, `--reverse`.
/// Sorting is stable with the task id as the last tie-breaker (STYLE.md).
public struct ListSelection: Sendable, Hashable {
    /// `--status` values: category names (`running`, `failed`, …) or raw statuses (`EXCHANGING`); any matches.
    public var statuses: [String]
    /// `--name`: case-insensitive substring of the task name or id.
    public var nameContains: String?
    /// `--sort`.
    public var sort: ListSortKey
    /// `--reverse`.
    public var reverse: Bool

    /// Builds a selection.
    public init(statuses: [String] = [], nameContains: String? = nil, sort: ListSortKey = .target, reverse: Bool = false) {
        self.statuses = statuses
        self.nameContains = nameContains
        self.sort = sort
        self.reverse = reverse
    }

    /// True when `text` is a category name or could be a raw status (letters, digits, `_`).
    public static func isValidStatus(_ text: String) -> Bool {
        StatusCategory(userText: text) != nil
            || (!text.isEmpty && text.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "_" })
    }

    /// Filters then sorts.
    public func apply(_ tasks: [WatchedTask]) -> [WatchedTask] {
        let filtered = tasks.filter(matches)
        let ordered = filtered.sorted { lhs, rhs in
            let order = ListSelection.compare(lhs, rhs, by: sort)
            return reverse ? order == .orderedDescending : order == .orderedAscending
        }
        return ordered
    }

    /// Whether one task passes `--status` and `--name`.
    public func matches(_ item: WatchedTask) -> Bool {
        if !statuses.isEmpty {
            let hit = statuses.contains { wanted in
                if let category = StatusCategory(userText: wanted), category == item.task.status.category { return true }
                return item.task.status.raw.caseInsensitiveCompare(wanted.trimmingCharacters(in: .whitespaces)) == .orderedSame
            }
            if !hit { return false }
        }
        if let needle = nameContains, !needle.isEmpty {
            return item.task.name.range(of: needle, options: [.caseInsensitive, .diacriticInsensitive]) != nil
                || item.task.taskID.range(of: needle, options: .caseInsensitive) != nil
        }
        return true
    }

    /// Total order for `key`, ending with target and task id so equal keys never tie.
    static func compare(_ lhs: WatchedTask, _ rhs: WatchedTask, by key: ListSortKey) -> ComparisonResult {
        var steps: [ComparisonResult] = []
        switch key {
        case .name:
            steps = [text(lhs.task.name, rhs.task.name)]
        case .status:
            steps = [
                number(lhs.task.status.category.attentionRank, rhs.task.status.category.attentionRank),
                text(lhs.task.status.raw, rhs.task.status.raw), text(lhs.task.name, rhs.task.name),
            ]
        case .created:
            // Unparsable dates sort last, then by raw text.
            let left = lhs.task.createdAt.date?.timeIntervalSince1970 ?? .infinity
            let right = rhs.task.createdAt.date?.timeIntervalSince1970 ?? .infinity
            steps = [left == right ? .orderedSame : (left < right ? .orderedAscending : .orderedDescending),
                text(lhs.task.createdAt.raw, rhs.task.createdAt.raw)]
        case .target:
            steps = [text(lhs.target, rhs.target), text(lhs.task.name, rhs.task.name)]
        }
        steps += [text(lhs.target, rhs.target), lhs.task.taskID < rhs.task.taskID ? .orderedAscending
            : (lhs.task.taskID == rhs.task.taskID ? .orderedSame : .orderedDescending)]
        return steps.first { $0 != .orderedSame } ?? .orderedSame
    }

    private static func text(_ lhs: String, _ rhs: String) -> ComparisonResult {
        lhs.compare(rhs, options: [.caseInsensitive, .numeric])
    }

    private static func number(_ lhs: Int, _ rhs: Int) -> ComparisonResult {
        lhs == rhs ? .orderedSame : (lhs < rhs ? .orderedAscending : .orderedDescending)
    }
}
