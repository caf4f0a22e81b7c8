import DCSKit
import Foundation
import Testing

@Suite struct ListItemDecodingTests {
    /// The example response of ListMigrationTask.rst, verbatim.
    static let docExample = """
        {
          "count" : 1,
          "migration_tasks" : [ {
            "task_id" : "2944a563-6f27-4604-9c16-a9a53cd95cc7",
            "task_name" : "dcs-migration-test-6-16",
            "status" : "TERMINATED",
            "migration_type" : "online_migration",
            "migration_method" : "incremental_migration",
            "data_source" : "192.168.0.200:6379",
            "source_instance_name" : "migration-resource",
            "source_instance_id" : "132e0017-715b-4556-930a-95c7db7e8f7a",
            "target_instance_addrs" : "192.168.0.153:6379",
            "target_instance_name" : "migration-target",
            "target_instance_id" : "eb1a8d1c-9ea6-4fcd-ac43-c3d3c2493f06",
            "created_at" : "2021-06-16T06:12:55.508Z",
            "description" : "dcs-test",
            "source_instance_status" : "RUNNING",
            "target_instance_status" : "RUNNING",
            "source_instance_subnet_id" : "192.168.0.1",
            "target_instance_subnet_id" : "192.168.0.2",
            "source_instance_spec_code" : "redis.single.xu1.tiny.128",
            "target_instance_spec_code" : "redis.single.xu1.tiny.128",
            "error_message" : null,
            "released_at" : "202404011057",
            "version" : "6.0.21",
            "resume_mode" : "auto",
            "supported_features" : [ ]
          } ]
        }
        """

    @Test func docExampleDecodesEveryField() throws {
        let page = try TaskListPage.decode(Data(Self.docExample.utf8))
        #expect(page.count == 1)
        let task = try #require(page.tasks.first)
        #expect(task.taskID == "2944a563-6f27-4604-9c16-a9a53cd95cc7")
        #expect(task.name == "dcs-migration-test-6-16")
        #expect(task.status.raw == "TERMINATED" && task.status.category == .stopped)
        #expect(task.migrationType == .onlineMigration && task.migrationMethod == .incremental && task.resumeMode == .auto)
        #expect(task.dataSource == "192.168.0.200:6379" && task.targetInstanceAddrs == "192.168.0.153:6379")
        #expect(task.errorMessage.isEmpty)
        #expect(abs((task.createdAt.date?.timeIntervalSince1970 ?? 0) - 1_623_823_975.508) < 0.001)
        #expect(task.releasedAt.date == Date(timeIntervalSince1970: 1_711_969_020))
        #expect(task.version == "6.0.21")
    }

    @Test func hostileItemsDoNotDropThePage() throws {
        let long = String(repeating: "名", count: 20_000)
        let json = """
            {"count":"6","migration_tasks":[
              {"task_id":"a","task_name":null,"status":42,"created_at":[],"supported_features":null,"extra":{"x":1}},
              {"task_id":12345,"task_name":"\(long)","status":"EXCHANGING_NEW"},
              {},
              null,
              {"task_id":"c","task_name":"evil\\u001b[2J\\u0007name","status":"INCRMIGEATING","supported_features":["a",1,null]},
              {"task_id":"   "}
            ]}
            """
        let page = try TaskListPage.decode(Data(json.utf8))
        #expect(page.count == 6)
        #expect(page.itemCount == 6)
        #expect(page.tasks.map(\.taskID) == ["a", "12345", "c"])
        #expect(page.issues.map(\.index) == [2, 3, 5])
        #expect(page.tasks[0].name == "" && page.tasks[0].status.raw == "42" && page.tasks[0].status.category == .unknown)
        #expect(page.tasks[0].createdAt.date == nil)
        #expect(page.tasks[1].name.count == 20_000)
        #expect(page.tasks[1].status.category == .unknown)
        #expect(page.tasks[2].status.category == .running)
        #expect(page.tasks[2].supportedFeatures == ["a", "1"])
        // Control characters are kept in the model and removed on the way to a terminal.
        #expect(page.tasks[2].name.contains("\u{1B}"))
        #expect(!SafeText.line(page.tasks[2].name).contains("\u{1B}"))
    }

    @Test func emptyObjectIsNotAListResponse() {
        #expect(throws: PageDecodingError.self) { try TaskListPage.decode(Data("{}".utf8)) }
        #expect(throws: PageDecodingError.self) { try TaskListPage.decode(Data("[]".utf8)) }
    }
}
