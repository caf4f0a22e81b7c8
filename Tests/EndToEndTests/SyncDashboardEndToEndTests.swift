import DCSSimulator
import DCSTestSupport
import Foundation
import Testing

/// The dashboard in tmux against `dcswatch simulate` with one task's stats scripted to offset 0
/// (issue 16): the words "in sync" reach the screen in the row, the detail pane and the header.
@Suite("Sync dashboard end to end", .serialized, .requires(.dcswatch, .tmux))
struct SyncDashboardEndToEndTests {
    @Test func aTaskAtOffsetZeroForThreePollsReadsInSync() async throws {
        let simulator = try await SimulatorProcess.demo(speed: 0)
        defer { simulator.stop() }
        let id = try await simulator.replicatingTaskID()
        try simulator.setStats(
            [["full_migration_progress": 100, "offset": 900], ["full_migration_progress": 100, "offset": 0]], of: id)
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("dcswatch-sync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = simulator.environment.merging(["HOME": home.path, "XDG_CONFIG_HOME": home.path]) { $1 }
            .map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
        let binary = try DCSWatchBinary.path()
        let session = try await TmuxSession.start(columns: 160, rows: 40)
        try await session.typeLine(
            "clear; env \(environment) '\(binary)' watch --endpoint \(simulator.url.absoluteString) --interval 1 "
                + "--stats-interval 1; echo EXITED=$?")
        _ = try await session.waitFor("first data", timeout: 30) { $0.contains("40 tasks") && $0.contains("updated") }
        // Filter to the scripted task: it is on screen and selected, so it is polled.
        try await session.keys("/")
        try await session.literal(id)
        try await session.keys("Enter")
        let screen = try await session.waitFor("in sync", timeout: 30) { screen in
            let rows = screen.split(separator: "\n")
            return rows.contains { $0.hasPrefix("▶ MIGRATING") && $0.contains(" in sync ") }
                && screen.contains("│ Sync           in sync ")
        }
        // The first answer (900) is in the lag's history; "in sync" came with the third at 0.
        #expect(screen.contains("│ History        lag █▁"))
        #expect(screen.contains(" online tasks in sync"))
        #expect(!screen.contains("0 of "))
        #expect(screen.contains("│ Lag (offset)   0 (threshold 0, 3 polls)"))
        try await session.keys("e")
        _ = try await session.waitFor("the in-sync event", timeout: 10) { $0.contains("in sync (offset 0)") }
        try await session.keys("q")
        _ = try await session.waitFor("exit", timeout: 10) { $0.contains("EXITED=0") }
    }
}
