import DCSKit
import Testing

/// The catalog (issue 6) must filter and sort exactly like `TaskQuery.matches` and `TaskSort.sorted`.
@Suite struct TaskCatalogTests {
    /// Two targets, names with numbers, cases and scripts, equal keys, dates and no dates.
    static let snapshot: TaskSnapshot = {
        let statuses = ["FAILED", "MIGRATING", "SUCCESS", "TERMINATED", "incrmigrating", " WEIRD ", "", "MIGRATION_FAILED"]
        let names = ["task10", "Task9", "task9", "orders-cache", "Orders-cache", "订单缓存", "zeta 2", "zeta 10", "", "ñandú"]
        let dates = ["2024-04-01T10:57:33Z", "2024-04-01T10:57:33Z", "20240402105733", "not a date", ""]
        func tasks(_ target: String, _ count: Int, seed: Int) -> [MigrationTask] {
            (0..<count).map { index in
                let pick = index * 7 + seed
                return MigrationTask(
                    taskID: "id-\((pick * 13) % 17)-\(index)", name: names[pick % names.count],
                    status: statuses[pick % statuses.count],
                    migrationType: pick % 3 == 0 ? "backupfile_import" : "online_migration",
                    migrationMethod: pick % 2 == 0 ? "incremental_migration" : "full_amount_migration",
                    dataSource: "10.0.\(pick % 5).1:6379", sourceInstanceName: pick % 4 == 0 ? "" : "redis-\(pick % 6)",
                    targetInstanceName: "dcs-\(pick % 3)", createdAt: dates[pick % dates.count],
                    description: pick % 5 == 0 ? "Nightly copy" : "", errorMessage: pick % 6 == 0 ? "Auth failed" : "")
            }
        }
        return TaskSnapshot(targets: [
            TargetSnapshot(name: "prod-eu", tasks: tasks("prod-eu", 40, seed: 1)),
            TargetSnapshot(name: "Staging", tasks: tasks("Staging", 30, seed: 4)),
        ])
    }()

    static let sorts = SortColumn.allCases.flatMap { [TaskSort(column: $0), TaskSort(column: $0, descending: true)] }

    @Test(arguments: sorts)
    func sortsLikeTaskSort(sort: TaskSort) {
        let catalog = TaskCatalog(snapshot: Self.snapshot)
        let rows = TaskRows(catalog: catalog, order: catalog.sortedIndices(sort))
        #expect(rows.map(\.id) == sort.sorted(Self.snapshot.watchedTasks).map(\.id))
    }

    @Test(arguments: [
        "", "orders", "ORDERS cache", "status:failed", "status:failed,running", "status:migration_failed",
        "type:backup", "type:incr status:running", "target:stag", "target:prod 10.0.3", "auth", "nightly task",
        "订单", "zzz-no-match",
    ])
    func filtersLikeTaskQuery(text: String) throws {
        let query = try TaskQuery.parse(text).get()
        let catalog = TaskCatalog(snapshot: Self.snapshot)
        let sort = TaskSort(column: .name)
        for hidden: Set<StatusCategory> in [[], [.succeeded], [.failed, .running]] {
            let rows = TaskRows(
                catalog: catalog, order: catalog.filter(catalog.sortedIndices(sort), query: query, hiding: hidden))
            let expected = sort.sorted(Self.snapshot.watchedTasks).filter {
                !hidden.contains($0.task.status.category) && query.matches($0)
            }
            #expect(rows.map(\.id) == expected.map(\.id))
        }
    }

    @Test func rowOfAKeyFollowsTheOrder() {
        let catalog = TaskCatalog(snapshot: Self.snapshot)
        let rows = TaskRows(catalog: catalog, order: catalog.sortedIndices(TaskSort(column: .created)))
        for (position, task) in rows.enumerated() { #expect(rows.row(of: task.id) == position) }
        #expect(rows.row(of: TaskKey(target: "nowhere", taskID: "id-1-1")) == nil)
    }

    @Test func countsPerCategory() {
        let catalog = TaskCatalog(snapshot: Self.snapshot)
        var expected: [StatusCategory: Int] = [:]
        for task in Self.snapshot.watchedTasks { expected[task.task.status.category, default: 0] += 1 }
        #expect(catalog.categoryCounts == expected)
        #expect(catalog.count == 70)
    }

    @Test func holdsTheSameDataOnly() {
        let catalog = TaskCatalog(snapshot: Self.snapshot)
        #expect(catalog.holds(Self.snapshot))
        var changed = Self.snapshot
        changed.targets[1].tasks[3].name = "renamed"
        #expect(!catalog.holds(changed))
    }

    @Test func narrowingIsRecognisedOnlyWhenSafe() throws {
        func query(_ text: String) throws -> TaskQuery { try TaskQuery.parse(text).get() }
        #expect(try query("orders").narrows(query("order")))
        #expect(try query("orders x").narrows(query("order")))
        #expect(try query("orders").narrows(query("")))
        #expect(try !query("order").narrows(query("orders")))
        #expect(try !query("orders status:failed").narrows(query("orders")))
        #expect(try !query("status:failed").narrows(query("status:failed,running")))
    }
}
