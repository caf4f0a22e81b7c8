import DCSKit
import DCSSimulator
import DCSTestSupport
import Foundation
import Testing

@Suite("Scenario")
struct ScenarioTests {
    typealias Kit = SimulatorTestKit

    @Test func sameSeedAndClockGiveTheSameList() async throws {
        let first = Kit.router(clock: SimulatorTestKit.clock(), seed: 7)
        let second = Kit.router(clock: SimulatorTestKit.clock(), seed: 7)
        let other = Kit.router(clock: SimulatorTestKit.clock(), seed: 8)
        let clock = SimulatorTestKit.clock()
        let a = await first.handle(Kit.signedGET(Kit.listPath(), query: "limit=1000", date: clock.date))
        let b = await second.handle(Kit.signedGET(Kit.listPath(), query: "limit=1000", date: clock.date))
        let c = await other.handle(Kit.signedGET(Kit.listPath(), query: "limit=1000", date: clock.date))
        #expect(a.body == b.body)
        #expect(a.body != c.body)
    }

    @Test func dataLooksLikeARealProject() {
        let snapshots = Kit.router(tasks: 60).snapshots()
        let statuses = Set(snapshots.map(\.status))
        #expect(statuses.isSuperset(of: ["SUCCESS", "FAILED", "MIGRATING", "TERMINATED"]))
        #expect(Set(snapshots.map(\.task.migrationType)) == ["online_migration", "backupfile_import"])
        #expect(Set(snapshots.map(\.task.migrationMethod)) == ["full_amount_migration", "incremental_migration"])
        #expect(snapshots.contains { $0.task.name.unicodeScalars.contains { $0.value >= 0x3040 } })
        #expect(snapshots.contains { $0.task.name.unicodeScalars.contains { (0xC0...0x17F).contains($0.value) } })
        #expect(
            snapshots.allSatisfy {
                $0.task.targetInstance.address.hasPrefix("10.") || $0.task.targetInstance.address.hasPrefix("192.168.")
            })
        #expect(snapshots.filter { $0.status == "FAILED" }.allSatisfy { !($0.errorMessage ?? "").isEmpty })
    }

    @Test func fullMigrationEndsInSuccessOrFailure() {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock, tasks: 60, speed: 10)
        let running = router.snapshots().filter { !$0.task.isIncremental && $0.status == "MIGRATING" }
        #expect(!running.isEmpty)
        var lastProgress: [String: Double] = [:]
        for _ in 0..<20 {
            clock.advance(by: 120)
            for snapshot in router.snapshots() where running.contains(where: { $0.task.id == snapshot.task.id }) {
                let progress = snapshot.statistics(seed: 1).progressPercent
                #expect(progress >= lastProgress[snapshot.task.id, default: 0])
                lastProgress[snapshot.task.id] = progress
            }
        }
        clock.advance(by: 3 * 3600)
        let ids = Set(running.map(\.task.id))
        let finished = router.snapshots().filter { ids.contains($0.task.id) }
        #expect(finished.allSatisfy { ["SUCCESS", "FAILED", "TERMINATED"].contains($0.status) })
        #expect(finished.contains { $0.status == "SUCCESS" })
    }

    @Test func fullPlusIncrementalReachesMigratingAndStays() throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock, tasks: 80)
        // A task that appears later, so the test sees its whole life from the start.
        let candidate = try #require(
            router.scenario.tasks.first {
                $0.simulatedStart > 0 && $0.isIncremental && $0.failure == nil && $0.stopAge == nil
            })
        clock.advance(by: candidate.simulatedStart + 1)
        let early = try #require(router.snapshots().first { $0.task.id == candidate.id })
        #expect(early.status == "FULLMIGRATING")
        #expect(early.statistics(seed: 1).progressPercent < 100)
        clock.advance(by: candidate.fullDuration)
        let later = try #require(router.snapshots().first { $0.task.id == candidate.id })
        #expect(later.status == "MIGRATING")
        var lags: Set<Int64> = []
        for _ in 0..<50 {
            clock.advance(by: 600)
            let snapshot = try #require(router.snapshots().first { $0.task.id == candidate.id })
            #expect(snapshot.status == "MIGRATING")
            let stats = snapshot.statistics(seed: 1)
            #expect(stats.progressPercent == 100)
            #expect(stats.isMigrating)
            lags.insert(stats.lag)
        }
        #expect(lags.count > 10)
    }

    @Test func newTasksAppearOverTime() {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock, tasks: 10)
        let before = router.snapshots().count
        clock.advance(by: 3 * 3600)
        #expect(router.snapshots().count > before)
    }

    @Test func speedMakesTimeRunFaster() {
        let epoch = Date(timeIntervalSince1970: 1_795_000_000)
        let scenario = Scenario(seed: 1, taskCount: 5, speed: 60, epoch: epoch)
        #expect(scenario.simulatedTime(at: epoch.addingTimeInterval(10)) == 600)
        #expect(scenario.simulatedTime(at: epoch.addingTimeInterval(-10)) == -10)
        #expect(scenario.wallDate(simulatedTime: 600) == epoch.addingTimeInterval(10))
    }
}
