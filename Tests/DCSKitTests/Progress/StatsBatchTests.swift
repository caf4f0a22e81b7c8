import DCSKit
import Foundation
import Testing

/// `list --output prometheus`'s one round of stats calls: only running online tasks, a bounded
/// number at once, every outcome kept.
@Suite struct StatsBatchTests {
    static func task(_ id: String, status: String = "MIGRATING", type: String = "online_migration") -> WatchedTask {
        WatchedTask(target: "eu", task: MigrationTask(taskID: id, status: status, migrationType: type))
    }

    @Test func onlyRunningOnlineTasksAreAskedAtMostTwoAtATime() async throws {
        let source = StubInsightSource()
        let tasks =
            (1...5).map { Self.task("t\($0)") } + [
                Self.task("backup", type: "backupfile_import"), Self.task("done", status: "SUCCESS"),
                WatchedTask(
                    target: "elsewhere", task: MigrationTask(taskID: "x", status: "MIGRATING", migrationType: "online_migration")),
            ]
        let batch = Task { await StatsBatch.fetch(tasks, sources: ["eu": source], maxInFlight: 2) }
        var failedCall: String?
        for answered in 0..<5 {
            await source.waitForCalls(min(answered + 2, 5))
            #expect(await source.waitingCalls.count <= 2)
            let call = await source.answerOldest(error: answered == 0 ? TransportError.timedOut(seconds: 1) : nil)
            if answered == 0 { failedCall = call }
        }
        let outcomes = await batch.value
        // Two workers may reach the source in either order: the calls as a set, each once.
        let calls = await source.calls
        #expect(calls.count == 5)
        #expect(Set(calls) == Set((1...5).map { "stats:t\($0)" }))
        #expect(Set(outcomes.keys) == Set((1...5).map { TaskKey(target: "eu", taskID: "t\($0)") }))
        let failed = outcomes.filter { if case .failure = $0.value { return true } else { return false } }
        #expect(failed.map { "stats:" + $0.key.taskID } == [failedCall])
        let succeeded = outcomes.compactMap { try? $0.value.get() }
        #expect(succeeded.count == 4)
        #expect(succeeded.allSatisfy { $0.offset == 0 })
    }

    @Test func nothingToAskIsAnEmptyAnswer() async {
        let outcomes = await StatsBatch.fetch([Self.task("done", status: "SUCCESS")], sources: ["eu": StubInsightSource()])
        #expect(outcomes.isEmpty)
    }
}
