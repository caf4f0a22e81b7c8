import DCSKit
import Foundation
import Testing

@Suite struct DetailStatsLogsDecodingTests {
    @Test func detailDropsPasswordsInTheDecoder() throws {
        let json = """
            {"task_id":"t1","task_name":"n","status":"MIGRATING","network_type":"vpc","bandwidth_limit_mb":"100",
             "updated_at":"2024/01/02 03:04:05","task_status":"EXCHANGING",
             "source_instance":{"addrs":"10.0.0.1:6379","id":"s-id","name":"src","password":"hunter2","ip":"10.0.0.1",
                                "source_password":"p2","Token":"t"},
             "target_instance":{"addrs":"10.0.0.2:6379","password":null,"port":6379}}
            """
        let detail = try TaskDetail.decode(Data(json.utf8)).get()
        #expect(detail.task.taskID == "t1" && detail.networkType == "vpc" && detail.bandwidthLimitMB == 100)
        #expect(detail.taskStatus == "EXCHANGING")
        #expect(detail.updatedAt.date != nil)
        #expect(detail.sourceInstance.addresses == "10.0.0.1:6379" && detail.sourceInstance.name == "src")
        #expect(detail.sourceInstance.otherFields == ["ip": "10.0.0.1"])
        #expect(detail.targetInstance.otherFields == ["port": "6379"])
        let dump = String(reflecting: detail)
        #expect(!dump.contains("hunter2") && !dump.contains("p2"))
    }

    @Test func detailOfHostileShapes() {
        #expect((try? TaskDetail.decode(Data("{}".utf8)).get()) == nil)
        let odd = try? TaskDetail.decode(Data(#"{"task_id": "x", "source_instance": "nope", "bandwidth_limit_mb": true}"#.utf8))
        let detail = try? odd?.get()
        #expect(detail?.sourceInstance == MigrationEndpoint())
        #expect(detail?.bandwidthLimitMB == nil)
    }

    @Test(arguments: [
        (
            #"{"full_migration_progress":55.5,"offset":0,"source_dbsize":1000,"target_dbsize":"999","target_input_kbps":null,"target_ops":" 12 ","is_migrating":true}"#,
            true
        ),
        (
            #"{"full_migration_progress":"55.5","offset":"0","source_dbsize":"1000","target_dbsize":999,"target_ops":12,"is_migrating":"TRUE"}"#,
            true
        ),
    ])
    func statsAcceptNumbersNumericStringsAndNulls(json: String, migrating: Bool) throws {
        let stats = try TaskStats.decode(Data(json.utf8))
        #expect(stats.fullMigrationProgress == 55.5)
        #expect(stats.offset == 0)
        #expect(stats.sourceDBSize == 1000 && stats.targetDBSize == 999)
        #expect(stats.targetInputKbps == nil)
        #expect(stats.targetOps == 12)
        #expect(stats.isMigrating == migrating)
    }

    @Test func statsOfHostileShapes() throws {
        #expect(try TaskStats.decode(Data("{}".utf8)) == TaskStats())
        #expect(try TaskStats.decode(Data("[]".utf8)) == TaskStats())
        let odd = try TaskStats.decode(Data(#"{"full_migration_progress":"lots","is_migrating":"false","offset":[1]}"#.utf8))
        #expect(odd.fullMigrationProgress == nil && odd.isMigrating == false && odd.offset == nil)
    }

    @Test func logsSkipOddEntries() throws {
        let json =
            #"{"log_num":"3","migration_logs":[{"created_at":"2024-01-01T00:00:00Z","log_level":"INFO","message":"start","log_code":7},"junk",{"message":"\u001b]0;owned\u0007x"}]}"#
        let logs = try MigrationLogs.decode(Data(json.utf8))
        guard case .page(let total, let entries) = logs else {
            Issue.record("expected a page")
            return
        }
        #expect(total == 3)
        #expect(entries.count == 2)
        #expect(entries[0].code == "7" && entries[0].level == "INFO")
        #expect(SafeText.line(entries[1].message) == "\u{FFFD}x")
        #expect(try MigrationLogs.decode(Data("{}".utf8)) == .page(total: nil, entries: []))
    }

    @Test func invalidUTF8InABodyIsRepairedNotDropped() throws {
        var body = Data(#"{"task_id":"t1","task_name":"bad "#.utf8)
        body += Data([0xFF, 0x20, 0xF0, 0x90, 0x80, 0x20, 0xC3, 0x28])
        body += Data(#"","network_type":"vpc"}"#.utf8)
        let detail = try TaskDetail.decode(body).get()
        #expect(detail.task.name == "bad \u{FFFD} \u{FFFD} \u{FFFD}(")
        #expect(detail.networkType == "vpc")
    }
}
