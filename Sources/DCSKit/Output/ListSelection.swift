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

    /// Filters then sorts. The order is that of `compare(_:_:by:)`, computed on byte keys built once
    /// per task (issue 6: `compare(options:)` in the sort took most of `list`'s time at 100,000 tasks).
    public func apply(_ tasks: [WatchedTask]) -> [WatchedTask] {
        let filtered = statuses.isEmpty && (nameContains ?? "").isEmpty ? tasks : tasks.filter(matches)
        let count = filtered.count
        var numbers = [Double](repeating: 0, count: count)
        let texts = KeyColumn(count: count) { index, bytes in
            // `filtered[index].task.…` chains, not a `let task` copy (a copy retains every string).
            switch sort {
            case .name:
                CollationKey.append(filtered[index].task.name, to: &bytes)
            case .status:
                numbers[index] = Double(filtered[index].task.status.category.attentionRank)
                CollationKey.append(filtered[index].task.status.raw, to: &bytes)
                // 0x00 sorts below every key byte: a shorter first part still sorts first.
                bytes.append(0)
                CollationKey.append(filtered[index].task.name, to: &bytes)
            case .created:
                // Unparsable dates sort last, then by raw text.
                numbers[index] = filtered[index].task.createdAt.date?.timeIntervalSince1970 ?? .infinity
                CollationKey.append(filtered[index].task.createdAt.raw, to: &bytes)
            case .target:
                CollationKey.append(filtered[index].target, to: &bytes)
                bytes.append(0)
                CollationKey.append(filtered[index].task.name, to: &bytes)
            }
        }
        let targets = KeyColumn(count: count) { index, bytes in CollationKey.append(filtered[index].target, to: &bytes) }
        let identifiers = KeyColumn(count: count) { index, bytes in bytes.append(contentsOf: filtered[index].task.taskID.utf8) }
        let reverse = self.reverse
        let order = texts.withEntries { text in
            targets.withEntries { target in
                identifiers.withEntries { identifier in
                    Self.sortedIndices(count) { lhs, rhs in
                        var result = numbers[lhs] == numbers[rhs] ? 0 : (numbers[lhs] < numbers[rhs] ? -1 : 1)
                        if result == 0 { result = CollationKey.compare(text(lhs), text(rhs)) }
                        if result == 0 { result = CollationKey.compare(target(lhs), target(rhs)) }
                        if result == 0 { result = CollationKey.compare(identifier(lhs), identifier(rhs)) }
                        return reverse ? result > 0 : result < 0
                    }
                }
            }
        }
        return order.map { filtered[$0] }
    }

    /// `0..<count` sorted by `less`, a slice per core sorted side by side and then merged (issue 15: the
    /// sort was a tenth of `list`'s CPU at 100,000 tasks, on one core of two).
    static func sortedIndices(_ count: Int, by less: (Int, Int) -> Bool) -> [Int] {
        let slices = KeyColumn.parallelSlices(count)
        let sorted = SharedSlots<[Int]>(count: slices.count, initial: [])
        withoutActuallyEscaping(less) { less in
            let comparator = SharedComparator(less)
            DispatchQueue.concurrentPerform(iterations: slices.count) { slice in
                sorted.slots[slice] = Array(slices[slice]).sorted(by: comparator.less)
            }
        }
        return sorted.slots.dropFirst().reduce(sorted.slots[0]) { merged, next in
            var result: [Int] = []
            result.reserveCapacity(merged.count + next.count)
            var left = 0
            var right = 0
            while left < merged.count, right < next.count {
                // Ties take the left side: the merge keeps the order of equal keys (none: ids break ties).
                if less(next[right], merged[left]) {
                    result.append(next[right])
                    right += 1
                } else {
                    result.append(merged[left])
                    left += 1
                }
            }
            return result + merged[left...] + next[right...]
        }
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

    /// Total order for `key`, ending with target and task id so equal keys never tie: the reference
    /// `apply` must agree with (tests compare both on random tasks).
    static func compare(_ lhs: WatchedTask, _ rhs: WatchedTask, by key: ListSortKey) -> ComparisonResult {
        var steps: [ComparisonResult] = []
        switch key {
        case .name:
            steps = [TaskSort.text(lhs.task.name, rhs.task.name)]
        case .status:
            steps = [
                number(lhs.task.status.category.attentionRank, rhs.task.status.category.attentionRank),
                TaskSort.text(lhs.task.status.raw, rhs.task.status.raw), TaskSort.text(lhs.task.name, rhs.task.name),
            ]
        case .created:
            // Unparsable dates sort last, then by raw text.
            let left = lhs.task.createdAt.date?.timeIntervalSince1970 ?? .infinity
            let right = rhs.task.createdAt.date?.timeIntervalSince1970 ?? .infinity
            steps = [
                left == right ? .orderedSame : (left < right ? .orderedAscending : .orderedDescending),
                TaskSort.text(lhs.task.createdAt.raw, rhs.task.createdAt.raw),
            ]
        case .target:
            steps = [TaskSort.text(lhs.target, rhs.target), TaskSort.text(lhs.task.name, rhs.task.name)]
        }
        let leftID = Array(lhs.task.taskID.utf8)
        let rightID = Array(rhs.task.taskID.utf8)
        steps += [
            TaskSort.text(lhs.target, rhs.target),
            leftID.lexicographicallyPrecedes(rightID)
                ? .orderedAscending
                : (leftID == rightID ? .orderedSame : .orderedDescending),
        ]
        return steps.first { $0 != .orderedSame } ?? .orderedSame
    }

    private static func number(_ lhs: Int, _ rhs: Int) -> ComparisonResult {
        lhs == rhs ? .orderedSame : (lhs < rhs ? .orderedAscending : .orderedDescending)
    }
}

/// A comparator the sorting threads share. `@unchecked Sendable`: it only reads key buffers that
/// nobody writes while `concurrentPerform` runs.
private final class SharedComparator: @unchecked Sendable {
    let less: (Int, Int) -> Bool

    init(_ less: @escaping (Int, Int) -> Bool) {
        self.less = less
    }
}
