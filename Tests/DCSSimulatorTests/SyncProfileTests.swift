import DCSKit
import DCSSimulator
import DCSTestSupport
import Foundation
import Testing

/// The showcase tasks of issue 16 and the scripted stats answers, on a stepped clock.
@Suite("Sync profiles")
struct SyncProfileTests {
    typealias Kit = SimulatorTestKit

    func showcase(_ router: SimulatorRouter, _ profile: SyncProfile) throws -> ScenarioTask {
        try #require(router.scenario.tasks.first { $0.syncProfile == profile })
    }

    @Test func theDemoScenarioHasEachShowcaseTaskOnce() {
        let router = Kit.router(tasks: 40)
        for profile in [SyncProfile.settles, .fallsBehind, .restarts] {
            #expect(router.scenario.tasks.filter { $0.syncProfile == profile }.count == 1, "\(profile)")
        }
        // The other tasks behave as before.
        #expect(router.scenario.tasks.filter { $0.syncProfile != .wandering }.count == 3)
    }

    @Test func aSettlingTaskFallsToZeroThenBlipsAndSaysINCRMIGRATING() throws {
        let clock = Kit.clock()
        let router = Kit.router(clock: clock, tasks: 40)
        let task = try showcase(router, .settles)
        clock.advance(by: SyncProfile.settleSeconds)
        var lags: [Int64] = []
        for _ in 0..<60 {
            clock.advance(by: 10)
            let snapshot = try #require(router.snapshots().first { $0.task.id == task.id })
            #expect(snapshot.status == "INCRMIGRATING")
            lags.append(snapshot.statistics(seed: 1).lag)
        }
        #expect(lags.filter { $0 == 0 }.count > 30)
        #expect(lags.contains { $0 > 0 })
        #expect(lags.allSatisfy { $0 <= 40 })
        // Three zeros in a row happen: in sync at threshold 0, at times.
        #expect(zip(zip(lags, lags.dropFirst()), lags.dropFirst(2)).contains { $0.0 == 0 && $0.1 == 0 && $1 == 0 })
    }

    @Test func aTaskFallsBehindAfterBeingInSync() throws {
        let clock = Kit.clock()
        let router = Kit.router(clock: clock, tasks: 40)
        let task = try showcase(router, .fallsBehind)
        var lags: [Int64] = []
        for _ in 0..<((Int(SyncProfile.settleSeconds + SyncProfile.behindPeriod) + 1_200) / 60) {
            clock.advance(by: 60)
            let snapshot = try #require(router.snapshots().first { $0.task.id == task.id })
            #expect(snapshot.status == "INCRMIGEATING")
            lags.append(snapshot.statistics(seed: 1).lag)
        }
        let firstZero = try #require(lags.firstIndex(of: 0))
        let behind = try #require(lags[firstZero...].firstIndex { $0 > 1_000 })
        #expect(behind - firstZero >= 30)
        #expect(lags[behind...].contains(0))
    }

    @Test func aRestartingCopyFallsFrom85To5Percent() throws {
        let clock = Kit.clock()
        let router = Kit.router(clock: clock, tasks: 40)
        let task = try showcase(router, .restarts)
        var progress: [Double] = []
        while progress.count < 2_000 {
            clock.advance(by: task.fullDuration / 100)
            let snapshot = try #require(router.snapshots().first { $0.task.id == task.id })
            progress.append(snapshot.statistics(seed: 1).progressPercent)
            if snapshot.status == "MIGRATING" { break }
        }
        let drop = try #require(zip(progress, progress.dropFirst()).first { $0.0 - $0.1 > 50 })
        #expect(drop.0 >= 84 && drop.0 <= 85)
        #expect(drop.1 >= 5 && drop.1 < 7)
        #expect(progress.last == 100)
    }

    @Test func scriptedStatsAnswerInTurnAndKeepTheLast() async throws {
        let clock = Kit.clock()
        let router = Kit.router(clock: clock, tasks: 5)
        let id = router.scenario.tasks[0].id
        let control = URL(string: "http://127.0.0.1:1/_sim/tasks/\(id)/stats")!
        let body = #"{"stats": [{"offset": "12", "full_migration_progress": 100}, 503, "not json", {"offset": 0}]}"#
        let set = await router.handle(HTTPRequest(method: "POST", url: control, body: Data(body.utf8)))
        #expect(set.status == 200)
        #expect(try Kit.json(set)["stats"].arrayValue?.count == 4)
        let path = "/v2/\(Kit.projectID)/migration-task/\(id)/stats"
        var answers: [HTTPResponse] = []
        for _ in 0..<5 { answers.append(await router.handle(Kit.signedGET(path, date: clock.date))) }
        #expect(try Kit.json(answers[0])["offset"] == .string("12"))
        #expect(answers[1].status == 503)
        #expect(String(decoding: answers[2].body, as: UTF8.self) == "not json")
        #expect(try Kit.json(answers[3])["offset"] == .int(0))
        #expect(try Kit.json(answers[4])["offset"] == .int(0))
        // Unsigned stats calls are still refused: the script sits behind authentication.
        let unsigned = await router.handle(HTTPRequest(method: "GET", url: URL(string: "http://127.0.0.1:1" + path)!))
        #expect(unsigned.status == 401)
        _ = await router.handle(HTTPRequest(method: "DELETE", url: control))
        let scenario = await router.handle(Kit.signedGET(path, date: clock.date))
        #expect(try Kit.json(scenario)["source_dbsize"] != .null)
    }

    @Test func scriptedStatsRejectBadBodies() async {
        let router = Kit.router(tasks: 5)
        let id = router.scenario.tasks[0].id
        let control = URL(string: "http://127.0.0.1:1/_sim/tasks/\(id)/stats")!
        for body in ["{}", #"{"stats": []}"#, #"{"stats": [true]}"#, #"{"stats": [42]}"#] {
            let answer = await router.handle(HTTPRequest(method: "POST", url: control, body: Data(body.utf8)))
            #expect(answer.status == 400, "\(body)")
        }
        let unknown = URL(string: "http://127.0.0.1:1/_sim/tasks/nope/stats")!
        let missing = await router.handle(HTTPRequest(method: "POST", url: unknown, body: Data(#"{"stats": [{}]}"#.utf8)))
        #expect(missing.status == 404)
    }
}
