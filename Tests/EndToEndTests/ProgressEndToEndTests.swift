import DCSSimulator
import DCSTestSupport
import Foundation
import Testing

/// `dcswatch --demo` in tmux with the stats poller: the PROGRESS column fills in, the detail of a
/// failed task shows its logs, the events pane opens; no password of the demo scenario reaches the
/// screen or the log file; `y` reaches tmux's clipboard through OSC 52.
@Suite("Progress end to end", .serialized, .requires(.dcswatch, .tmux))
struct ProgressEndToEndTests {
    let binary: String

    init() throws { binary = try DCSWatchBinary.path() }

    /// Every password the demo scenario (seed 1, 40 tasks) can put in a detail response.
    static let passwords: Set<String> = Set(
        Scenario(seed: 1, taskCount: 40, speed: 1, epoch: Date()).tasks.flatMap { task in
            [task.targetInstance.password, task.sourcePassword] + (task.sourceInstance.map { [$0.password] } ?? [])
        })

    @Test func demoShowsProgressLogsAndEventsWithoutPasswords() async throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("dcswatch-progress-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let session = try await TmuxSession.start(columns: 160, rows: 45)
        try await session.typeLine("\(binary) --demo --log-file \(log.path); echo EXITED=$?")
        let progress = try await session.waitFor("progress of running tasks") { screen in
            let lines = screen.split(separator: "\n").map(String.init)
            guard lines.count > 3, lines[2].contains("PROGRESS") else { return false }
            return lines.contains { $0.hasPrefix("▶ ") && ["%", "lag ", "in sync", "BEHIND"].contains(where: $0.contains) }
        }
        // The first row is a failed task (status sort): its detail and logs (ERROR first) on the right.
        let failed = try await session.waitFor("the failed task's logs") { $0.contains("│ Logs ") && $0.contains("ERROR") }
        // A running online task: progress rows in the detail pane.
        try await session.keys("/")
        try await session.literal("status:running type:online")
        try await session.keys("Enter")
        let running = try await session.waitFor("progress rows in the detail") {
            $0.contains("│ Progress ") && $0.contains("│ Lag (offset) ")
        }
        try await session.keys("e")
        let events = try await session.waitFor("the events pane") { $0.contains("Events (") }
        try await session.keys("q")
        _ = try await session.waitFor("exit", timeout: 10) { $0.contains("EXITED=0") }
        let screens = [progress, failed, running, events]
        // The pane beside the list is the summary (issue 6); the detail call's rows are in the full view.
        #expect(screens[1].contains("│ Error ") && screens[1].contains("│ Created ") && !screens[1].contains("│ Released "))
        let logText = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(!logText.isEmpty)
        for password in Self.passwords {
            #expect(!logText.contains(password))
            #expect(!screens.contains { $0.contains(password) })
        }
    }

    @Test func copyKeyPutsTheTaskIDOnTheClipboardThroughOSC52() async throws {
        let session = try await TmuxSession.start(columns: 160, rows: 45)
        // tmux takes OSC 52 from applications into its paste buffer when set-clipboard is on.
        try await session.tmux(["set-option", "-s", "set-clipboard", "on"])
        try await session.typeLine("\(binary) --demo; echo EXITED=$?")
        _ = try await session.waitFor("the demo's tasks") { $0.contains("│ Detail: ") && $0.contains("updated") }
        // The id is in the full-screen detail (the pane beside the list leaves it out).
        try await session.keys("Enter")
        let screen = try await session.waitFor("the full detail") { $0.contains("\nTask ID ") }
        let line = try #require(screen.split(separator: "\n").first { $0.hasPrefix("Task ID ") })
        let id = try #require(line.components(separatedBy: "Task ID ").last?.trimmingCharacters(in: .whitespaces))
        try await session.keys("y")
        _ = try await session.waitFor("the copy message") { $0.contains("Copied the task id") }
        #expect(try await session.tmux(["show-buffer"]) == id)
        try await session.keys("q")
        _ = try await session.waitFor("exit", timeout: 10) { $0.contains("EXITED=0") }
    }
}
