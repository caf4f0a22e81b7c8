import DCSKit
import DashboardUI
import Foundation
import Testing

private typealias F = DashboardFixtures

/// Highlights, the events pane, notifications and on-demand fetches, from scripted snapshots.
@Suite("Change tracking and insights")
struct ChangeTrackingTests {
    static let sessions = TaskKey(target: "prod", taskID: "t-002")

    /// A state that has had its baseline refresh (the fixtures' tasks, fetched at `now`).
    func baselined(columns: Int = 120, rows: Int = 16, mode: NotificationMode = .off) -> DashboardState {
        var state = F.state(columns: columns, rows: rows, snapshot: TaskSnapshot(targets: [TargetSnapshot(name: "prod")]))
        state.notifications = NotificationPolicy(mode: mode)
        F.send(
            [.snapshotReceived(F.snapshot(fetchedAgo: 10), SnapshotDiff.between(state.snapshot, F.snapshot(fetchedAgo: 10)))],
            to: &state)
        return state
    }

    /// The fixtures with t-002 failed, fetched at `now`.
    func failedSessions(_ state: DashboardState) -> (TaskSnapshot, SnapshotDiff) {
        var tasks = F.tasks
        tasks[1].status = TaskStatus(raw: "FAILED")
        tasks[1].errorMessage = "target instance memory insufficient"
        let next = F.snapshot(tasks, fetchedAgo: 0)
        return (next, SnapshotDiff.between(state.snapshot, next))
    }

    @Test func baselineGivesNoEventsThenAStatusChangeIsLoggedHighlightedAndNotified() throws {
        var state = baselined(mode: .on)
        #expect(state.eventLog.events.isEmpty)
        #expect(state.highlights.isEmpty)
        let (next, diff) = failedSessions(state)
        let effects = F.send([.snapshotReceived(next, diff)], to: &state)
        #expect(state.eventLog.events.map(\.key) == [Self.sessions])
        #expect(state.highlights[Self.sessions] == F.now.addingTimeInterval(DashboardReducer.highlightDuration))
        #expect(
            effects == [.bell, .notify(title: "dcswatch: FAILED", body: "sessions (prod): target instance memory insufficient")])
        // The name cell of the changed row is highlighted, and no cell of any other row.
        let buffer = DashboardView.render(state)
        let rows = (0..<buffer.height).filter { y in (0..<buffer.width).contains { buffer[$0, y].style.role == .changed } }
        #expect(rows.count == 1)
        if let row = rows.first {
            let line = buffer.lines[row]
            #expect(line.contains("sessions") && line.contains("FAILED"))
            let nameColumn = line.range(of: "sessions")?.lowerBound.utf16Offset(in: line)
            #expect(nameColumn.map { buffer[$0, row].style.role } == .changed)
        }
        // The highlight ends after its time.
        F.send([.tick(F.now.addingTimeInterval(DashboardReducer.highlightDuration + 1))], to: &state)
        #expect(state.highlights.isEmpty)
    }

    @Test func bellOnlyModeAndOffMode() {
        var bell = baselined(mode: .bell)
        let (next, diff) = failedSessions(bell)
        #expect(F.send([.snapshotReceived(next, diff)], to: &bell) == [.bell])
        var off = baselined(mode: .off)
        #expect(F.send([.snapshotReceived(next, diff)], to: &off).isEmpty)
        #expect(off.eventLog.events.count == 1)
    }

    @Test func eventsPaneListsChangesNewestFirst() {
        var state = baselined()
        let (next, diff) = failedSessions(state)
        F.send([.snapshotReceived(next, diff)], to: &state)
        var later = next
        later.targets[0].tasks.append(MigrationTask(taskID: "t-005", name: "fresh", status: "MIGRATING"))
        later.targets[0].fetchedAt = F.now.addingTimeInterval(60)
        F.send([.snapshotReceived(later, SnapshotDiff.between(next, later)), .keyPressed(.character("e"))], to: &state)
        #expect(state.showEvents)
        let lines = DashboardView.render(state).lines.map { line -> String in
            guard let range = line.range(of: "│") else { return "" }
            return String(line[range.upperBound...]).trimmingCharacters(in: .whitespaces)
        }
        // The pane is 47 columns right of the separator at 72 (120 columns: list 71, pane 48).
        #expect(lines[2] == "Events (2)  e closes")
        #expect(lines[3] == "2026-01-01 02:31 fresh new MIGRATING")
        #expect(lines[4] == "2026-01-01 02:30 sessions MIGRATING → FAILED t…")
        F.send([.keyPressed(.character("e"))], to: &state)
        #expect(!DashboardView.render(state).text.contains("Events ("))
    }

    @Test func vanishedTasksAreLoggedAndSaidOnTheBottomLine() {
        var state = baselined(columns: 80, rows: 12)
        let next = F.snapshot(Array(F.tasks.prefix(2)), fetchedAgo: 0)
        F.send([.snapshotReceived(next, SnapshotDiff.between(state.snapshot, next))], to: &state)
        #expect(state.eventLog.events.map(\.kind.name) == ["removed", "removed"])
        #expect(state.highlights.isEmpty)
        #expect(DashboardView.render(state).lines[11] == "2 tasks vanished: e lists the changes")
    }

    @Test func eventsPaneTakesTheBodyWhenThereIsNoDetailPane() {
        var state = baselined(columns: 80, rows: 12)
        F.send([.keyPressed(.character("e"))], to: &state)
        let lines = DashboardView.render(state).lines
        #expect(lines[2] == "Events (0)  e closes")
        #expect(lines[3] == "No changes yet this session")
    }

    @Test func selectionAsksForDetailOnceAndLogsForFailedTasks() {
        var state = baselined()
        state.fetchesInsights = true
        // t-001 (FAILED) is selected first: its detail and logs.
        let all = F.send([.tick(F.now)], to: &state)
        // The poller is also told which running online tasks are on screen (t-002); see PollRequestTests.
        #expect(all.first == .pollTasks([state.rows[1]]))
        // Then the row below the selection, ahead of the cursor (issue 6); there is no row above.
        #expect(
            Array(all.dropFirst()) == [
                .loadDetail(state.rows[0]), .loadLogs(state.rows[0]), .prefetch(state.rows[1], logs: false),
            ])
        #expect(F.send([.tick(F.now)], to: &state).isEmpty)
        // Moving to the running task asked for ahead and not answered yet: its detail again (the
        // poller moves it to the front), no logs (not failed), and the next row below ahead.
        let moved = F.send([.keyPressed(.down)], to: &state)
        #expect(moved == [.loadDetail(state.rows[1]), .prefetch(state.rows[2], logs: false)])
        let logs = F.send([.keyPressed(.character("l"))], to: &state)
        #expect(logs.count == 1)
        #expect(logs.first.map { if case .loadLogs = $0 { return true } else { return false } } == true)
        // When the task changes, its detail is fetched again.
        let (next, diff) = failedSessions(state)
        let refetch = F.send([.snapshotReceived(next, diff)], to: &state)
        #expect(refetch.filter { if case .loadDetail = $0 { return true } else { return false } }.count == 1)
    }

    @Test func aMoveOntoARowAnsweredAheadAsksNothingForIt() {
        var state = baselined()
        state.fetchesInsights = true
        _ = F.send([.tick(F.now)], to: &state)
        // The answers for the row below arrive before the cursor does.
        _ = F.send(
            [
                .insightReceived(
                    .detailReceived(Self.sessions, TaskDetail(task: F.tasks[1], taskStatus: "MIGRATING"), at: F.now)),
                .insightReceived(.statsReceived(Self.sessions, TaskStats(fullMigrationProgress: 50, offset: 0), at: F.now)),
            ], to: &state)
        let moved = F.send([.keyPressed(.down)], to: &state)
        #expect(moved == [.prefetch(state.rows[2], logs: false)])
    }

    @Test func aFailedRowAheadHasItsLogsAskedForToo() {
        var state = baselined()
        let (next, diff) = failedSessions(state)
        _ = F.send([.snapshotReceived(next, diff)], to: &state)
        state.fetchesInsights = true
        let effects = F.send([.tick(F.now)], to: &state)
        // Both failed tasks sort first; t-001 is selected and t-002 is the row below it.
        #expect(state.rows[1].id == Self.sessions)
        #expect(effects.contains(.prefetch(state.rows[1], logs: true)))
    }

    @Test func hiddenPaneFetchesNothingOnAMoveAndShowingItFetchesTheSelection() {
        var state = baselined()
        state.fetchesInsights = true
        _ = F.send([.tick(F.now)], to: &state)
        let hidden = F.send([.keyPressed(.character("d"))], to: &state)
        #expect(!state.showsDetailPane)
        #expect(hidden.isEmpty)
        // Two moves with the pane hidden: no detail or logs calls (only the poller's set may change).
        let moves = F.send([.keyPressed(.down), .keyPressed(.down)], to: &state)
        #expect(!moves.contains { if case .loadDetail = $0 { return true } else { return false } })
        let selected = state.selectedTask?.id
        let shown = F.send([.keyPressed(.character("d"))], to: &state)
        #expect(state.showsDetailPane)
        #expect(
            shown.contains { if case .loadDetail(let task) = $0 { return task.id == selected } else { return false } })
    }

    @Test func eventsPaneTakesThePaneAreaWhileThePaneIsHidden() {
        var state = baselined()
        state.size = TerminalSize(columns: 120, rows: 16)
        _ = F.send([.keyPressed(.character("d"))], to: &state)
        let listOnly = DashboardView.render(state).lines
        // The list takes the whole width: no separator, and CREATED (dropped beside a pane) is back.
        #expect(!listOnly[2].contains("│") && listOnly[2].contains("CREATED"))
        _ = F.send([.keyPressed(.character("e"))], to: &state)
        let lines = DashboardView.render(state).lines
        #expect(lines[2].hasSuffix("│ Events (0)  e closes"))
        // The list keeps its rows beside the events.
        #expect(lines[3].hasPrefix("✖ FAILED"))
    }

    @Test func withoutAPollerNothingIsFetched() {
        var state = baselined()
        #expect(F.send([.tick(F.now), .keyPressed(.down)], to: &state).isEmpty)
    }

    @Test func copyKeyCopiesTheSelectedTaskID() {
        var state = baselined()
        #expect(F.send([.keyPressed(.character("y"))], to: &state) == [.copyToClipboard("t-001")])
        #expect(state.message?.contains("clipboard") == true)
    }
}
