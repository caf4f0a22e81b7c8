import Testing

@testable import DCSKit

/// The catalog's search keys are built byte by byte (issue 6); they must be exactly the text that
/// single-task matching lowercases.
@Suite struct SearchTextTests {
    static let tasks: [MigrationTask] = [
        MigrationTask(taskID: "t-1"),
        MigrationTask(
            taskID: "C821B0A0-0F7D-46EB-8AA5-54E2A5000000", name: "Orders-Cache-PROD", ecsTenantPrivateIP: "10.0.0.4",
            dataSource: "10.241.37.114:6379", sourceInstanceName: "Redis-SRC",
            sourceInstanceID: "c821b0a0-0f7d-46eb-8aa5-54e2a5000001",
            targetInstanceAddrs: "10.60.4.75:6379", targetInstanceName: "DCS-Target-Name-That-Is-Longer-Than-Thirty",
            targetInstanceID: "C821B0A0-0F7D-46EB-8AA5-54E2A5000002", description: "Wave 1 — CUT-OVER",
            errorMessage: "Source AUTH failed"),
        MigrationTask(
            taskID: "t-3", name: "ZÜRICH-Warenkorb-İstanbul", sourceInstanceName: "ΣΑΣ-ΟΔΟΣ", targetInstanceName: "库存缓存-上海",
            description: "ÉTÉ"),
    ]

    @Test func bytesAreTheLowercasedSearchText() {
        for task in Self.tasks {
            var bytes: [UInt8] = []
            TaskQuery.appendSearchText(of: task, to: &bytes)
            #expect(bytes == Array(TaskQuery.searchText(of: task).utf8), "\(task.taskID)")
            #expect(TaskQuery.searchTextSize(of: task) >= 10)
        }
    }
}
