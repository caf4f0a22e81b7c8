import Foundation
import Testing

@testable import DCSKit

/// `ListSelection.apply` sorts on byte keys (issue 6); it must give the order of its reference
/// comparison `ListSelection.compare` for every key and direction.
@Suite struct ListSelectionOrderTests {
    static func randomTasks(_ count: Int, seed: UInt64) -> [WatchedTask] {
        var generator = SplitMix(seed: seed)
        let names = [
            "alpha", "Alpha", "task9", "task10", "TASK010", "beta 2", "beta 10", "", "zeta", "émile", "Émile", "a\u{0}b",
        ]
        let statuses = ["MIGRATING", "SUCCESS", "FAILED", "TERMINATED", "migrating", "EXCHANGING", ""]
        let dates = ["2024-01-02T00:00:00Z", "2024-01-01T00:00:00Z", "bad", "", "2019/10/22 14:44:30", "202404011057"]
        let targets = ["prod", "lab", "Prod"]
        func pick(_ list: [String]) -> String { list[Int(generator.next() % UInt64(list.count))] }
        return (0..<count).map { index in
            WatchedTask(
                target: pick(targets),
                task: MigrationTask(
                    taskID: "id-\(generator.next() % UInt64(count))-\(index % 3)", name: pick(names), status: pick(statuses),
                    createdAt: pick(dates)))
        }
    }

    @Test(arguments: [ListSortKey.name, .status, .created, .target])
    func byteKeysGiveTheReferenceOrder(key: ListSortKey) {
        let tasks = Self.randomTasks(400, seed: 11)
        for reverse in [false, true] {
            let selection = ListSelection(sort: key, reverse: reverse)
            let expected = tasks.sorted { lhs, rhs in
                let order = ListSelection.compare(lhs, rhs, by: key)
                return reverse ? order == .orderedDescending : order == .orderedAscending
            }
            let got = selection.apply(tasks)
            #expect(got.map(\.task.taskID) == expected.map(\.task.taskID), "\(key) reverse \(reverse)")
            #expect(got.map(\.target) == expected.map(\.target))
        }
    }

    @Test func numbersSortByValueAndCaseIsIgnored() {
        let tasks = ["task10", "Task9", "task9", "TASK1"].enumerated().map {
            WatchedTask(target: "t", task: MigrationTask(taskID: "\($0.offset)", name: $0.element))
        }
        #expect(ListSelection(sort: .name).apply(tasks).map(\.task.name) == ["TASK1", "Task9", "task9", "task10"])
    }
}
