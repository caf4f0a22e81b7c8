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

/// The JSON writer lists its members by hand in key order; each must carry its own field's value.
@Suite struct TaskRecordJSONMemberTests {
    @Test func everyMemberHoldsTheValueOfItsField() throws {
        let task = WatchedTask(
            target: "tgt",
            task: MigrationTask(
                taskID: "v-task_id", name: "v-task_name", status: "v-status", migrationType: "v-migration_type",
                migrationMethod: "v-migration_method", ecsTenantPrivateIP: "v-ecs_tenant_private_ip",
                dataSource: "v-data_source", sourceInstanceName: "v-source_instance_name",
                sourceInstanceID: "v-source_instance_id", targetInstanceAddrs: "v-target_instance_addrs",
                targetInstanceName: "v-target_instance_name", targetInstanceID: "v-target_instance_id",
                createdAt: "2024-04-01T10:57:00Z", description: "v-description",
                sourceInstanceStatus: "v-source_instance_status", targetInstanceStatus: "v-target_instance_status",
                sourceInstanceSubnetID: "v-source_instance_subnet_id", targetInstanceSubnetID: "v-target_instance_subnet_id",
                sourceInstanceSpecCode: "v-source_instance_spec_code", targetInstanceSpecCode: "v-target_instance_spec_code",
                errorMessage: "v-error_message", releasedAt: "v-released_at", version: "v-version",
                resumeMode: "v-resume_mode", supportedFeatures: ["f1", "f2"]))
        let record = TaskRecord(task)
        for pretty in [false, true] {
            let json = record.json(pretty: pretty, indent: pretty ? "  " : "")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect(Set(object.keys) == Set(TaskRecord.fieldNames))
            for field in TaskRecord.fieldNames where field != "supported_features" {
                #expect(object[field] as? String == record.text(field), "\(field)")
            }
            #expect(object["supported_features"] as? [String] == ["f1", "f2"])
            // Raw values that are not derived name their own field.
            for field in TaskRecord.fieldNames
            where ![
                "target", "status_category", "created_at", "created_at_utc", "migration_type", "migration_method", "resume_mode",
                "supported_features",
            ].contains(field) {
                #expect(object[field] as? String == "v-" + field, "\(field)")
            }
            let positions = TaskRecord.sortedFieldNames.compactMap { json.range(of: "\"\($0)\":")?.lowerBound }
            #expect(positions.count == TaskRecord.fieldNames.count && positions == positions.sorted())
        }
    }

    @Test func theSortSplitAcrossCoresGivesTheOneCoreOrder() {
        // 50,000 indices: past `parallelSlices`' minimum, so (on two cores or more) halves are sorted
        // side by side and merged; many equal keys, ties broken by index as `apply` breaks them by id.
        var generator = SplitMix(seed: 15)
        let keys = (0..<50_000).map { _ in Int(generator.next() % 1_000) }
        let less = { (lhs: Int, rhs: Int) in keys[lhs] == keys[rhs] ? lhs > rhs : keys[lhs] < keys[rhs] }
        #expect(ListSelection.sortedIndices(keys.count, by: less) == Array(0..<keys.count).sorted(by: less))
        #expect(ListSelection.sortedIndices(0, by: less).isEmpty)
    }
}
