import DCSKit
import DashboardUI
import Foundation
import Testing

@Suite("Dashboard reducer")
struct DashboardReducerTests {
    typealias F = DashboardFixtures

    func selectedID(_ state: DashboardState) -> String? { state.selectedTask?.task.taskID }

    @Test func arrowsAndVimKeysMoveTheSelection() {
        var state = F.state(columns: 80, rows: 12)
        // Status order: t-001 failed, t-002 running, t-004 stopped, t-003 succeeded.
        #expect(selectedID(state) == "t-001")
        F.send([.keyPressed(.down)], to: &state)
        #expect(selectedID(state) == "t-002")
        F.send([.keyPressed(.character("j")), .keyPressed(.character("j")), .keyPressed(.character("j"))], to: &state)
        #expect(selectedID(state) == "t-003")  // clamped at the last row
        F.send([.keyPressed(.character("k"))], to: &state)
        #expect(selectedID(state) == "t-004")
        F.send([.keyPressed(.character("g"))], to: &state)
        #expect(selectedID(state) == "t-001")
        F.send([.keyPressed(.end)], to: &state)
        #expect(selectedID(state) == "t-003")
        F.send([.keyPressed(.up)], to: &state)
        F.send([.keyPressed(.home)], to: &state)
        #expect(selectedID(state) == "t-001")
    }

    @Test func pagingMovesByTheListHeightAndScrolls() {
        let many = (0..<50).map { MigrationTask(taskID: String(format: "t-%03d", $0), status: "SUCCESS") }
        var state = F.state(columns: 80, rows: 12, snapshot: F.snapshot(many))
        // 12 rows: 2 header, 1 column header, 1 bottom line: 8 task rows.
        F.send([.keyPressed(.pageDown)], to: &state)
        #expect(selectedID(state) == "t-008")
        #expect(state.scrollOffset == 1)
        F.send([.keyPressed(.control("f"))], to: &state)
        #expect(selectedID(state) == "t-016")
        #expect(state.scrollOffset == 9)
        F.send([.keyPressed(.control("b"))], to: &state)
        #expect(selectedID(state) == "t-008")
        #expect(state.scrollOffset == 8)
        F.send([.keyPressed(.character("G"))], to: &state)
        #expect(state.scrollOffset == 42)
        #expect(DashboardView.render(state).lines[10].hasPrefix("✔ SUCCESS"))
    }

    @Test func selectionFollowsTheTaskAcrossRefreshes() {
        var state = F.state(columns: 80, rows: 12)
        F.send([.keyPressed(.down)], to: &state)  // t-002
        // A new failed task appears above it and t-002 changes status: the selection stays on t-002.
        var tasks = F.tasks
        tasks[1] = MigrationTask(taskID: "t-002", name: "sessions", status: "SUCCESS")
        tasks.append(MigrationTask(taskID: "t-000", name: "new", status: "FAILED"))
        F.send([.snapshotReceived(F.snapshot(tasks), SnapshotDiff())], to: &state)
        #expect(selectedID(state) == "t-002")
        #expect(state.selectedIndex == 3)  // t-000, t-001 failed; t-004 stopped; t-002
    }

    @Test func selectionFollowsTheTaskAcrossResorts() {
        var state = F.state(columns: 80, rows: 12)
        F.send([.keyPressed(.down), .keyPressed(.down)], to: &state)  // t-004 "legacy"
        F.send([.keyPressed(.character("s"))], to: &state)  // by name: catalog, legacy, orders-cache, sessions
        #expect(state.sort.column == .name)
        #expect(state.rows.map(\.task.taskID) == ["t-003", "t-004", "t-001", "t-002"])
        #expect(selectedID(state) == "t-004")
        F.send([.keyPressed(.character("S"))], to: &state)
        #expect(state.rows.map(\.task.taskID) == ["t-002", "t-001", "t-004", "t-003"])
        #expect(selectedID(state) == "t-004")
    }

    @Test func vanishedTaskHandsSelectionToTheSameRow() {
        var state = F.state(columns: 80, rows: 12)
        F.send([.keyPressed(.down)], to: &state)  // t-002 at row 1
        let remaining = F.tasks.filter { $0.taskID != "t-002" }
        F.send([.snapshotReceived(F.snapshot(remaining), SnapshotDiff())], to: &state)
        #expect(selectedID(state) == "t-004")
    }

    @Test func filterPromptEscRestoresAndEnterKeeps() {
        var state = F.state(columns: 80, rows: 12)
        F.send([.keyPressed(.character("/"))] + F.keys("orders"), to: &state)
        #expect(state.rows.map(\.task.taskID) == ["t-001"])  // live, before Enter
        F.send([.keyPressed(.escape)], to: &state)
        #expect(state.prompt == nil && state.filterText.isEmpty && state.rows.count == 4)
        F.send([.keyPressed(.character("/"))] + F.keys("type:backup") + [.keyPressed(.enter)], to: &state)
        #expect(state.prompt == nil && state.filterText == "type:backup")
        #expect(state.rows.map(\.task.taskID) == ["t-003"])
        // Editing: Backspace and Ctrl-U.
        F.send([.keyPressed(.character("/")), .keyPressed(.control("u"))] + F.keys("sessionsX"), to: &state)
        #expect(state.rows.isEmpty)
        F.send([.keyPressed(.backspace)], to: &state)
        #expect(state.rows.map(\.task.taskID) == ["t-002"])
        F.send([.keyPressed(.enter), .keyPressed(.escape)], to: &state)
        #expect(state.filterText.isEmpty && state.rows.count == 4)  // Esc outside the prompt clears
    }

    @Test func badTokenOnEnterRingsAndKeepsThePromptOpen() {
        var state = F.state(columns: 80, rows: 12)
        F.send([.keyPressed(.character("/"))] + F.keys("status:nope"), to: &state)
        #expect(state.message?.hasPrefix("unknown status \"nope\"") == true)
        let effects = F.send([.keyPressed(.enter)], to: &state)
        #expect(effects == [.bell])
        #expect(state.prompt?.text == "status:nope")
        #expect(state.filterText.isEmpty && state.rows.count == 4)
    }

    @Test func quickTogglesHideCategories() {
        var state = F.state(columns: 80, rows: 12)
        F.send(F.keys("3"), to: &state)
        #expect(!state.rows.contains { $0.task.status.category == .succeeded })
        #expect(HeaderLine.title(state).contains("3 of 4"))
        F.send(F.keys("24"), to: &state)
        #expect(state.rows.map(\.task.taskID) == ["t-002"])
        F.send(F.keys("3"), to: &state)
        #expect(state.rows.map(\.task.taskID) == ["t-002", "t-003"])
    }

    @Test func commandKeysReturnEffects() {
        var state = F.state(columns: 80, rows: 12)
        #expect(F.send(F.keys("r"), to: &state) == [.refreshNow])
        #expect(F.send(F.keys("p"), to: &state) == [.setPaused(true)])
        #expect(state.paused)
        #expect(F.send(F.keys("p"), to: &state) == [.setPaused(false)])
        #expect(F.send(F.keys("+"), to: &state) == [.setInterval(10)])
        #expect(F.send(F.keys("-"), to: &state) == [.setInterval(5)])
        #expect(F.send(F.keys("---"), to: &state) == [.bell])  // 2, 1, then no shorter step
        #expect(state.interval == 1)
        #expect(F.send([.keyPressed(.control("l"))], to: &state) == [.redrawAll])
        #expect(F.send(F.keys("q"), to: &state) == [.quit])
        #expect(F.send([.keyPressed(.control("c"))], to: &state) == [.quit])
    }

    @Test func helpTakesKeysUntilClosed() {
        var state = F.state(columns: 80, rows: 12)
        F.send(F.keys("?"), to: &state)
        #expect(state.showHelp)
        #expect(F.send(F.keys("jr"), to: &state).isEmpty)
        #expect(selectedID(state) == "t-001")
        F.send(F.keys("q"), to: &state)  // q closes the help first
        #expect(!state.showHelp)
        F.send(F.keys("?") + [.keyPressed(.escape)], to: &state)
        #expect(!state.showHelp)
        F.send(F.keys("?"), to: &state)
        #expect(F.send([.keyPressed(.control("c"))], to: &state) == [.quit])
    }

    @Test func ctrlCQuitsFromThePrompt() {
        var state = F.state(columns: 80, rows: 12)
        F.send(F.keys("/abc"), to: &state)
        #expect(F.send([.keyPressed(.control("c"))], to: &state) == [.quit])
    }

    @Test func resizeChangesLayoutAndRepaints() {
        var state = F.state(columns: 80, rows: 12)
        let effects = F.send([.terminalResized(TerminalSize(columns: 130, rows: 40))], to: &state)
        #expect(effects == [.redrawAll])
        #expect(DashboardLayout(state).placement == .right)
        F.send([.terminalResized(TerminalSize(columns: 10, rows: 3))], to: &state)
        #expect(DashboardLayout(state).tooSmall)
        F.send(F.keys("jjG"), to: &state)  // keys in a tiny terminal never trap
    }

    @Test func tickMovesClockAndSpinnerOnlyWhileFetching() {
        var state = F.state(columns: 80, rows: 12)
        F.send([.tick(F.now.addingTimeInterval(1))], to: &state)
        #expect(state.spinnerPhase == 0)
        #expect(HeaderLine.title(state).hasSuffix("updated 4s ago"))
        var fetching = F.snapshot()
        fetching.targets[0].isFetching = true
        fetching.targets[0].fetchStartedAt = F.now.addingTimeInterval(1)
        F.send([.fetchStarted(fetching)], to: &state)
        // A fetch younger than a second shows no spinner (a quick refresh costs no bytes).
        #expect(HeaderLine.title(state).hasSuffix("updated 4s ago"))
        F.send([.tick(F.now.addingTimeInterval(2))], to: &state)
        #expect(state.spinnerPhase == 1)
        #expect(HeaderLine.title(state).hasSuffix("updated 5s ago ⠙"))
        F.send([.snapshotReceived(F.snapshot(), SnapshotDiff())], to: &state)
        #expect(!state.showsSpinner)
        #expect(!HeaderLine.title(state).contains("⠙"))
    }

    @Test func undecodableItemsAreCountedInTheHeader() {
        var snapshot = F.snapshot()
        snapshot.targets[0].issues = [TaskDecodingIssue(index: 3, reason: "task_id is missing or empty")]
        let state = F.state(columns: 80, rows: 12, snapshot: snapshot)
        #expect(HeaderLine.title(state) == "dcswatch  prod  4 tasks  every 5s  updated 3s ago  1 unreadable")
    }

    @Test func refreshFailedKeepsRowsAndShowsBanner() {
        var state = F.state(columns: 80, rows: 12)
        let failure = TargetFailure(message: "HTTP 503", since: F.now, consecutiveFailures: 1, nextAttemptAt: F.now)
        F.send([.refreshFailed(F.snapshot(failure: failure), target: "prod", message: "HTTP 503")], to: &state)
        #expect(state.rows.count == 4)
        #expect(DashboardLayout(state).banner != nil)
        #expect(DashboardView.render(state).lines[2].contains("HTTP 503"))
    }
}

/// Reads the header's title line from a rendered frame.
enum HeaderLine {
    static func title(_ state: DashboardState) -> String {
        DashboardView.render(state).lines[0]
    }
}
