import DCSTestSupport
import Foundation
import Testing

/// Issue 17 in a real terminal: `dcswatch --demo --write` stops a task through the actions menu. The
/// dialog names the task, Escape sends nothing, `y` sends the stop, and the task goes TERMINATING →
/// TERMINATED in the events pane next to the `action` event. Waits poll the screen with a deadline.
@Suite("Dashboard actions end to end", .serialized, .requires(.dcswatch, .tmux))
struct DashboardActionsEndToEndTests {
    let binary: String

    init() throws { binary = try DCSWatchBinary.path() }

    @Test func stopATaskThroughTheMenuCancelFirstThenConfirm() async throws {
        let session = try await TmuxSession.start(columns: 220, rows: 30)
        try await session.typeLine("nice -n 10 \(binary) --demo --write --interval 1; echo EXITED=$?")
        try await session.waitFor("the demo's tasks with writes on") { screen in
            screen.hasPrefix("dcswatch  demo  ") && screen.contains("updated") && screen.contains("WRITES ON")
        }
        // The running tasks only: the selection is on one that can be stopped.
        try await session.keys("/")
        try await session.literal("status:running")
        try await session.keys("Enter")
        try await session.waitFor("only running tasks") { $0.contains(" of ") && !$0.contains("/status:running") }

        try await session.keys("a")
        try await session.waitFor("the actions menu") { $0.contains("Actions for 1 task") && $0.contains("s  stop") }
        try await session.keys("s")
        var screen = try await session.waitFor("the stop dialog") { screen in
            screen.contains("stop 1 task?") && screen.contains("[ Cancel ]") && screen.contains("y confirms")
        }
        let row = screen.split(separator: "\n").first { $0.contains("  demo  ") && $0.contains("MIGRATING  ") }
        #expect(row != nil, "the dialog lists the task with its target and status")
        try await session.keys("Escape")
        try await session.waitFor("the cancellation") { $0.contains("cancelled: nothing was sent") && !$0.contains("[ Cancel ]") }

        try await session.keys("a")
        try await session.waitFor("the actions menu again") { $0.contains("Actions for 1 task") }
        try await session.keys("s")
        try await session.waitFor("the stop dialog again") { $0.contains("stop 1 task?") }
        try await session.keys("y")
        try await session.waitFor("the result on the bottom line") { $0.contains("stop: 1 of 1 accepted") }
        // The events pane (wide enough for whole lines): the action event, then the status changes
        // the stop brings.
        try await session.keys("Escape", "e")
        screen = try await session.waitFor("TERMINATING then TERMINATED", timeout: 45) { screen in
            screen.contains("action stop success") && screen.contains("TERMINATED")
        }
        #expect(screen.contains("TERMINATING") || screen.contains("→ TERMINATED"))
        try await session.keys("q")
        try await session.waitFor("the exit", timeout: 5) { $0.contains("EXITED=0") }
    }
}
