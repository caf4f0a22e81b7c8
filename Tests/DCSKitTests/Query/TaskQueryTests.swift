import DCSKit
import Testing

@Suite("TaskQuery")
struct TaskQueryTests {
    let tasks: [WatchedTask] = [
        WatchedTask(
            target: "prod-eu",
            task: MigrationTask(
                taskID: "t-1", name: "orders-cache", status: "FAILED", migrationType: "online_migration",
                migrationMethod: "incremental_migration", dataSource: "10.0.0.1:6379", errorMessage: "Auth failed")),
        WatchedTask(
            target: "prod-eu",
            task: MigrationTask(
                taskID: "t-2", name: "Sessions", status: "MIGRATION_FAILED", migrationType: "backupfile_import",
                migrationMethod: "full_amount_migration")),
        WatchedTask(
            target: "staging",
            task: MigrationTask(
                taskID: "t-3", name: "orders-staging", status: "INCRMIGEATING", migrationType: "online_migration",
                migrationMethod: "full_amount_migration", description: "Nightly copy")),
        WatchedTask(target: "staging", task: MigrationTask(taskID: "t-4", name: "odd", status: "WEIRD")),
    ]

    func ids(_ text: String) throws -> [String] {
        let query = try TaskQuery.parse(text).get()
        return tasks.filter(query.matches).map(\.task.taskID)
    }

    @Test func emptyTextMatchesAll() throws {
        #expect(try ids("") == ["t-1", "t-2", "t-3", "t-4"])
        #expect(try ids("   ") == ["t-1", "t-2", "t-3", "t-4"])
    }

    @Test func statusByCategoryOrRawText() throws {
        #expect(try ids("status:failed") == ["t-1", "t-2"])
        #expect(try ids("STATUS:Running") == ["t-3"])
        #expect(try ids("status:MIGRATION_FAILED") == ["t-2"])
        #expect(try ids("status:unknown") == ["t-4"])
        #expect(try ids("status:failed,running") == ["t-1", "t-2", "t-3"])
        #expect(try ids("status:failed status:running") == ["t-1", "t-2", "t-3"])
    }

    @Test func typeTargetAndFreeTextCombine() throws {
        #expect(try ids("type:online") == ["t-1", "t-3"])
        #expect(try ids("type:backup") == ["t-2"])
        #expect(try ids("type:incremental") == ["t-1"])
        #expect(try ids("target:stag") == ["t-3", "t-4"])
        #expect(try ids("orders") == ["t-1", "t-3"])
        #expect(try ids("orders status:failed") == ["t-1"])
        #expect(try ids("ORDERS type:online target:staging") == ["t-3"])
    }

    @Test func freeTextSearchesIdAddressDescriptionAndError() throws {
        #expect(try ids("t-2") == ["t-2"])
        #expect(try ids("10.0.0.1:6379") == ["t-1"])
        #expect(try ids("nightly") == ["t-3"])
        #expect(try ids("auth") == ["t-1"])
        #expect(try ids("nomatch") == [])
    }

    @Test func badTokensAreErrorsNotCrashes() {
        #expect(TaskQuery.parse("status:bogus") == .failure(.unknownStatus("bogus")))
        #expect(TaskQuery.parse("type:carrier-pigeon") == .failure(.unknownType("carrier-pigeon")))
        #expect(TaskQuery.parse("status:") == .failure(.emptyValue(key: "status")))
        #expect(TaskQuery.parse("target:,") == .failure(.emptyValue(key: "target")))
        if case .failure(let error) = TaskQuery.parse("status:\u{1B}[31mred") {
            #expect(!error.userMessage.contains("\u{1B}"))
        } else {
            Issue.record("expected an error")
        }
    }

    @Test func hostileInputIsReadAsTermsOrAnError() {
        func terms(_ words: String...) -> Result<TaskQuery, QueryError> {
            var query = TaskQuery()
            query.terms = words
            return .success(query)
        }
        let cases: [(text: String, expected: Result<TaskQuery, QueryError>)] = [
            (":", terms(":")), ("::::", terms("::::")), (":status", terms(":status")), ("\u{0}", terms("\u{0}")),
            ("é:é", terms("é:é")), ("status::", .failure(.unknownStatus(":"))),
            (String(repeating: "status:x ", count: 200), .failure(.unknownStatus("x"))),
            ("type:\u{1B}[2J", .failure(.unknownType("\u{1B}[2J"))),
        ]
        for (text, expected) in cases {
            let result = TaskQuery.parse(text)
            #expect(result == expected, "\(text.debugDescription)")
            if case .failure(let error) = result {
                #expect(!error.userMessage.unicodeScalars.contains { $0.properties.generalCategory == .control })
            }
        }
    }
}
