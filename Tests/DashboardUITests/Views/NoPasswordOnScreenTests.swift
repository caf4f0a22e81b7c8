import DCSKit
import DCSSimulator
import DCSTestSupport
import DashboardUI
import Foundation
import Testing

/// Issue 5: no password from the simulator's detail responses appears on any screen. Every task's
/// detail, stats and logs are fetched through the real client from the in-process simulator, then
/// each task is selected and drawn, list and full-screen detail, with its logs shown.
@Suite("No password on screen")
struct NoPasswordOnScreenTests {
    @Test func detailScreensNeverShowAPassword() async throws {
        let start = Date(timeIntervalSince1970: 1_767_234_600)
        let router = SimulatorRouter(configuration: SimulatorConfiguration(taskCount: 12, seed: 7, now: { start }))
        let snapshots = router.snapshots()
        let passwords = Set(
            snapshots.flatMap { [$0.task.targetInstance.password, $0.task.sourceInstance?.password ?? $0.task.sourcePassword] })
        try #require(passwords.count >= 12 && passwords.allSatisfy { $0.count >= 8 })
        let target = ResolvedTarget(
            name: "sim", endpoint: URL(string: "https://dcs.sim.example.com")!, projectID: SimulatorConfiguration.demoProjectID,
            auth: .signing(
                SigningCredentials(
                    accessKey: SimulatorConfiguration.demoAccessKey, secretKey: SimulatorConfiguration.demoSecretKey)))
        let client = DCSClient(target: target, transport: router, options: ClientOptions(retrySleep: { _ in }), now: { start })
        let tasks = try await client.listAllTasks().tasks
        var state = DashboardState(
            snapshot: TaskSnapshot(targets: [TargetSnapshot(name: "sim", tasks: tasks, fetchedAt: start)]), interval: 5,
            size: TerminalSize(columns: 160, rows: 50), now: start, timeZone: TimeZone(identifier: "UTC") ?? .current)
        for task in tasks {
            let key = TaskKey(target: "sim", taskID: task.taskID)
            let events: [InsightEvent] = [
                .detailReceived(key, try await client.detail(taskID: task.taskID), at: start),
                .statsReceived(key, try await client.stats(taskID: task.taskID), at: start),
                .logsReceived(key, try await client.logs(taskID: task.taskID), at: start),
            ]
            for event in events { _ = DashboardReducer.reduce(state: &state, event: .insightReceived(event)) }
            state.logsWanted.insert(key)
        }
        let drawn = state
        let keys = tasks.map { TaskKey(target: "sim", taskID: $0.taskID) }
        // Fifty large screens are CPU-heavy in a debug build: off the cooperative pool.
        let (screens, leaks) = try await OffPool.run { () -> (Int, [String]) in
            var state = drawn
            var screens = 0
            var leaks: [String] = []
            for key in keys {
                state.selection = key
                for mode in [DashboardState.Mode.list, .fullDetail] {
                    state.mode = mode
                    let text = DashboardView.render(state).text
                    screens += 1
                    // The detail call's rows are in the full-screen detail; the pane beside the list is the summary.
                    let drawnRow = mode == .fullDetail ? "Network" : "Progress"
                    if !text.contains(drawnRow) { leaks.append("no detail rows for \(key.taskID)") }
                    leaks += passwords.filter { text.contains($0) }.map { _ in "password of \(key.taskID) on screen" }
                }
            }
            return (screens, leaks)
        }
        #expect(leaks.isEmpty, "\(leaks)")
        #expect(screens == tasks.count * 2)
    }
}
