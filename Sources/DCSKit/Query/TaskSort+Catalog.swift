extension TaskSort {
    /// Every task of `catalog` in this order, as flat indices: the same order as `sorted(_:)`, computed
    /// on precomputed keys (a group, a number and collation bytes per task) so the comparisons are
    /// integer and `memcmp` work (issue 6).
    func order(of catalog: TaskCatalog) -> [Int32] {
        let count = catalog.count
        var groups = [Int32](repeating: 0, count: count)
        var numbers = [Double](repeating: 0, count: count)
        let texts = KeyColumn(count: count) { index, bytes in
            let task = catalog.task(at: index)
            switch column {
            case .status:
                groups[index] = Int32(task.status.category.attentionRank)
                CollationKey.append(task.status.raw, to: &bytes)
            case .name:
                CollationKey.append(task.name, to: &bytes)
            case .created:
                // Newest first; tasks with no parsable date last, by their raw text.
                if let date = task.createdAt.date {
                    numbers[index] = -date.timeIntervalSinceReferenceDate
                } else {
                    groups[index] = 1
                    CollationKey.append(task.createdAt.raw, to: &bytes)
                }
            case .type:
                CollationKey.append(task.migrationType.rawValue + " " + task.migrationMethod.rawValue, to: &bytes)
            case .source:
                CollationKey.append(task.sourceLabel, to: &bytes)
            case .target:
                CollationKey.append(catalog.targetNames[Int(catalog.targetOf[index])], to: &bytes)
                // 0x00 sorts below every key byte: a shorter target name still sorts first.
                bytes.append(0)
                CollationKey.append(task.targetLabel, to: &bytes)
            }
        }
        let identifiers = KeyColumn(count: count) { index, bytes in
            bytes.append(contentsOf: catalog.task(at: index).taskID.utf8)
        }
        // Target names rank by String order, the tie-breaker `sorted(_:)` uses.
        let names = catalog.targetNames
        let rankOfName = Dictionary(
            Array(Set(names)).sorted().enumerated().map { ($0.element, Int32($0.offset)) }, uniquingKeysWith: { a, _ in a })
        let targetRanks = catalog.targetOf.map { rankOfName[names[Int($0)]] ?? 0 }
        var order = (0..<Int32(count)).map { $0 }
        let descending = self.descending
        texts.withEntries { text in
            identifiers.withEntries { identifier in
                order.sort { left, right in
                    let lhs = Int(left)
                    let rhs = Int(right)
                    var result = Int(groups[lhs]) - Int(groups[rhs])
                    if result == 0, numbers[lhs] != numbers[rhs] { result = numbers[lhs] < numbers[rhs] ? -1 : 1 }
                    if result == 0 { result = CollationKey.compare(text(lhs), text(rhs)) }
                    if result != 0 { return descending ? result > 0 : result < 0 }
                    // Tie-breakers stay ascending whatever the direction: stable rows.
                    let byID = CollationKey.compare(identifier(lhs), identifier(rhs))
                    if byID != 0 { return byID < 0 }
                    return targetRanks[lhs] < targetRanks[rhs]
                }
            }
        }
        return order
    }
}
