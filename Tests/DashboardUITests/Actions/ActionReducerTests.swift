import DCSKit
import DCSTestSupport
import DashboardUI
import Foundation
import Testing

/// Marking, the actions menu and the confirmation dialog (issue 17): nothing is sent unless writes
/// are on and the dialog is confirmed, and what is sent is what the dialog named when it opened.
@Suite struct ActionReducerTests {
    typealias F = DashboardFixtures

    static let sessions = TaskKey(target: "prod", taskID: "t-002")
    static let legacy = TaskKey(target: "prod", taskID: "t-004")

    /// A 120×30 dashboard with writes on (or off), the selection on `selected`.
    func state(writes: Bool = true, selected: TaskKey = sessions) -> DashboardState {
        var state = F.state(columns: 120, rows: 30)
        state.writeAccess = WriteAccess(writesOn: writes)
        state.selection = selected
        return state
    }

    func press(_ keys: [Key], _ state: inout DashboardState) -> [DashboardEffect] {
        var all: [DashboardEffect] = []
        for key in keys { all += DashboardReducer.reduce(state: &state, event: .keyPressed(key)) }
        return all
    }

    /// The report of `action` accepted for the task "sessions" (t-002).
    static func accepted(_ action: TaskAction, requestID: String? = nil) -> ActionReport {
        ActionReport(
            action: action,
            entries: [
                .init(
                    target: "prod", taskName: "sessions",
                    result: TaskActionResult(action: action, taskID: "t-002", outcome: .succeeded, requestID: requestID))
            ])
    }

    @Test func withWritesOffSpaceAndAMarkNothingOpenNothingAndSayWhy() {
        var state = state(writes: false)
        let effects = press([.character(" "), .character("a")], &state)
        #expect(state.marked.isEmpty && state.actionPanel == nil)
        #expect(effects.allSatisfy { $0 == .bell })
        #expect(state.message == "read-only: start with --write")
        #expect(DashboardView.render(state).lines[29].contains("read-only: start with --write"))
    }

    @Test func spaceMarksAndUnmarksAndTheHeaderCountsOnlyWhileSomethingIsMarked() {
        var state = state()
        #expect(!DashboardView.render(state).lines[0].contains("marked"))
        _ = press([.character(" ")], &state)
        #expect(state.marked == [Self.sessions])
        let lines = DashboardView.render(state).lines
        #expect(lines[0].contains("1 marked") && lines[0].contains("WRITES ON"))
        #expect(lines.contains { $0.contains("* sessions") })
        _ = press([.character(" ")], &state)
        #expect(state.marked.isEmpty)
        #expect(!DashboardView.render(state).lines.contains { $0.contains("* sessions") })
    }

    @Test func theDialogStaysBoundToItsTasksWhenARefreshReordersAndRemovesRows() {
        var state = state()
        _ = press([.character(" "), .character("a"), .character("s")], &state)
        guard case .dialog(let dialog) = state.actionPanel else {
            Issue.record("no dialog: \(String(describing: state.actionPanel))")
            return
        }
        #expect(dialog.action == .stop && dialog.tasks.map(\.id) == [Self.sessions])
        let screen = DashboardView.render(state).text
        #expect(screen.contains("stop 1 task?") && screen.contains("sessions  prod  MIGRATING"))
        #expect(screen.contains("[ Cancel ]"))
        // The list changes under the dialog: rows reordered, the selected task gone from the list.
        let changed = [F.tasks[3], F.tasks[0], F.tasks[2]]
        _ = DashboardReducer.reduce(state: &state, event: .snapshotReceived(F.snapshot(changed), SnapshotDiff()))
        #expect(state.selection != Self.sessions)
        let effects = press([.character("y")], &state)
        #expect(effects.contains(.performAction(.stop, [WatchedTask(target: "prod", task: F.tasks[1])])))
        #expect(state.actionPanel == nil)
    }

    @Test func deleteNeedsTheTypedWordAndAWrongWordSendsNothing() {
        var state = state(selected: Self.legacy)
        var effects = press([.character("a"), .character("D")] + "delet".map { .character($0) } + [.enter], &state)
        #expect(!effects.contains { if case .performAction = $0 { return true } else { return false } })
        #expect(state.actionPanel == nil && state.message?.contains("nothing was sent") == true)
        effects = press([.character("a"), .character("D"), .character("y")] + [.backspace], &state)
        effects += press("delete".map { .character($0) } + [.enter], &state)
        #expect(effects == [.performAction(.delete, [WatchedTask(target: "prod", task: F.tasks[3])])])
    }

    @Test func nEscAndEnterOnCancelSendNothing() {
        for cancel in [Key.character("n"), .escape, .enter] {
            var state = state()
            let effects = press([.character("a"), .character("s"), cancel, .character("y")], &state)
            #expect(!effects.contains { if case .performAction = $0 { return true } else { return false } }, "\(cancel)")
            #expect(state.actionPanel == nil)
        }
    }

    @Test func anActionTheStatusDoesNotAllowOpensNoDialog() {
        var state = state(selected: Self.legacy)
        let effects = press([.character("a"), .character("s")], &state)
        #expect(effects == [.bell] && state.actionPanel == nil)
        #expect(state.message?.contains("only a running task can be stopped") == true)
    }

    @Test func aReadOnlyTargetRefusesTheMenu() {
        var state = state()
        state.writeAccess.refusals = ["prod": "writes are off for target prod: it is read_only in the config"]
        _ = press([.character("a")], &state)
        #expect(state.actionPanel == nil && state.message?.contains("read_only") == true)
    }

    @Test func resultsGoToTheBottomLineAndTheEventsAndRefresh() {
        var state = state()
        _ = press([.character(" ")], &state)
        state.insights[Self.sessions, default: TaskInsight()].detailRequested = true
        let report = Self.accepted(.stop, requestID: "req-1")
        let effects = DashboardReducer.reduce(state: &state, event: .actionFinished(report))
        #expect(effects.contains(.refreshNow))
        #expect(state.message == "stop: 1 of 1 accepted" && state.marked.isEmpty)
        #expect(state.insights[Self.sessions]?.detailRequested != true)
        let event = state.eventLog.events.last
        #expect(event?.kind.name == "action" && event?.key == Self.sessions)
        #expect(event?.textLine().contains("action stop success: stop requested (request id req-1)") == true)
    }

    /// The pane's Status row on a screen wide enough not to cut it.
    static func statusRow(_ state: DashboardState) -> String {
        var wide = state
        wide.size = TerminalSize(columns: 200, rows: 30)
        return DashboardView.render(wide).lines.first { $0.contains("│ Status ") } ?? ""
    }

    @Test func anAcceptedSwitchIsFollowedUntilItsTaskStatusSettles() {
        var state = state()
        _ = DashboardReducer.reduce(state: &state, event: .actionFinished(Self.accepted(.exchangeIP)))
        func tick(_ seconds: TimeInterval) -> [DashboardEffect] {
            DashboardReducer.reduce(state: &state, event: .tick(F.now.addingTimeInterval(seconds)))
                .filter { if case .loadDetail = $0 { return true } else { return false } }
        }
        func answer(_ taskStatus: String) {
            let detail = TaskDetail(task: F.tasks[1], taskStatus: taskStatus)
            _ = DashboardReducer.reduce(
                state: &state, event: .insightReceived(.detailReceived(Self.sessions, detail, at: state.now)))
        }
        // Not before its period; then every 3 s while EXCHANGING.
        #expect(tick(1).isEmpty)
        #expect(tick(3).count == 1)
        answer("EXCHANGING")
        #expect(tick(4).isEmpty)
        #expect(tick(6).count == 1)
        #expect(Self.statusRow(state).contains("task_status EXCHANGING"))
        // Settled: no more calls, and the pane says so.
        answer("EXCHANGE_SUCCESS")
        #expect(tick(9).isEmpty && state.switching.isEmpty)
        #expect(Self.statusRow(state).contains("task_status EXCHANGE_SUCCESS"))
        // A stop is not followed.
        _ = DashboardReducer.reduce(state: &state, event: .actionFinished(Self.accepted(.stop)))
        #expect(state.switching.isEmpty)
    }

    @Test func helpListsTheActionKeysAndWhetherWritesAreOn() {
        var state = state(writes: false)
        state.size = TerminalSize(columns: 120, rows: 34)
        _ = press([.character("?")], &state)
        var screen = DashboardView.render(state).text
        #expect(screen.contains("Keys (read-only: start with --write to act)") && screen.contains("mark/unmark"))
        state.writeAccess.writesOn = true
        screen = DashboardView.render(state).text
        #expect(screen.contains("Keys (writes ON)") && screen.contains("menu: s stop r restart x switch b rollback D delete"))
    }

    @Test func aCursorMoveWithWritesOnAndNothingMarkedRewritesNoMoreCells() {
        func changedCells(_ writes: Bool) -> Int {
            var state = state(writes: writes)
            let before = DashboardView.render(state)
            _ = press([.down], &state)
            let after = DashboardView.render(state)
            return zip(before.lines, after.lines).reduce(0) { count, pair in
                count + zip(pair.0, pair.1).filter { $0 != $1 }.count
            }
        }
        #expect(changedCells(true) == changedCells(false))
    }
}
