import DCSKit
import Testing

@Suite("TaskSort")
struct TaskSortTests {
    func task(_ id: String, _ name: String, _ status: String, created: String = "", target: String = "p") -> WatchedTask {
        WatchedTask(target: target, task: MigrationTask(taskID: id, name: name, status: status, createdAt: created))
    }

    @Test func statusSortPutsFailuresFirstWithIdTieBreak() {
        let input = [
            task("c", "x", "SUCCESS"), task("b", "x", "FAILED"), task("a", "x", "FAILED"), task("d", "x", "MIGRATING"),
        ]
        #expect(TaskSort(column: .status).sorted(input).map(\.task.taskID) == ["a", "b", "d", "c"])
        #expect(TaskSort(column: .status).sorted(input.reversed()).map(\.task.taskID) == ["a", "b", "d", "c"])
        // Reversed: the column order flips, the tie-breaker stays ascending.
        #expect(TaskSort(column: .status, descending: true).sorted(input).map(\.task.taskID) == ["c", "d", "a", "b"])
    }

    @Test func nameSortIsCaseInsensitiveAndNumeric() {
        let input = [task("1", "cache-10", ""), task("2", "Cache-9", ""), task("3", "alpha", "")]
        #expect(TaskSort(column: .name).sorted(input).map(\.task.taskID) == ["3", "2", "1"])
    }

    @Test func createdSortNewestFirstUnparsableLast() {
        let input = [
            task("1", "", "", created: "2024-01-01T00:00:00Z"), task("2", "", "", created: "garbage"),
            task("3", "", "", created: "2024/06/01 10:00:00"),
        ]
        #expect(TaskSort(column: .created).sorted(input).map(\.task.taskID) == ["3", "1", "2"])
    }

    @Test func columnsCycle() {
        var column = SortColumn.status
        var seen: [SortColumn] = []
        for _ in SortColumn.allCases {
            seen.append(column)
            column = column.next
        }
        #expect(Set(seen).count == SortColumn.allCases.count)
        #expect(column == .status)
    }
}
