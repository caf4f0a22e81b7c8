import DCSKit
import DashboardUI
import Foundation
import Testing

private typealias F = DashboardFixtures

/// The reducer asks the stats poller for the running online tasks the user sees (issue 6), not for
/// every running task of the snapshot.
@Suite("Poll requests follow the screen")
struct PollRequestTests {
    /// `count` running online tasks, ids r-0000…, in created order.
    static func runningSnapshot(_ count: Int, finishedEvery: Int = 0) -> TaskSnapshot {
        var tasks: [MigrationTask] = []
        for index in 0..<count {
            let finished = finishedEvery > 0 && index % finishedEvery == 0
            let created = String(format: "2025-12-01T00:%02d:%02dZ", index / 60 % 60, index % 60)
            tasks.append(
                MigrationTask(
                    taskID: String(format: "r-%04d", index), name: String(format: "task-%04d", index),
                    status: finished ? "SUCCESS" : "MIGRATING", migrationType: "online_migration",
                    migrationMethod: "incremental_migration", createdAt: created))
        }
        return F.snapshot(tasks)
    }

    static func polled(_ effects: [DashboardEffect]) -> [String]? {
        for effect in effects {
            if case .pollTasks(let tasks) = effect { return tasks.map(\.task.taskID) }
        }
        return nil
    }

    func started(_ snapshot: TaskSnapshot, columns: Int = 120, rows: Int = 40) -> (DashboardState, [String]?) {
        var state = F.state(columns: columns, rows: rows, snapshot: snapshot)
        state.fetchesInsights = true
        let effects = F.send([.tick(F.now)], to: &state)
        return (state, Self.polled(effects))
    }

    @Test func onlyTheRowsOnScreenArePolledNotTheWholeList() throws {
        var (state, first) = started(Self.runningSnapshot(1_000))
        let height = DashboardLayout(state).list.height
        #expect(height == 36)
        let visible = (0..<state.rows.count).prefix(height).map { state.rows[$0].task.taskID }
        #expect(try #require(first) == visible)
        // Moving within the page changes nothing to poll.
        #expect(Self.polled(F.send([.keyPressed(.down)], to: &state)) == nil)
        // A page down: the next page's rows, the selection among them.
        let paged = try #require(Self.polled(F.send([.keyPressed(.pageDown)], to: &state)))
        #expect(paged.count == height)
        #expect(paged.contains(try #require(state.selectedTask).task.taskID))
        #expect(paged.first == state.rows[state.scrollOffset].task.taskID)
    }

    @Test func finishedAndImportTasksAreNotPolledAndTheFullDetailPollsOnlyTheSelection() throws {
        var (state, first) = started(Self.runningSnapshot(20, finishedEvery: 2))
        #expect(try #require(first) == (0..<10).map { String(format: "r-%04d", $0 * 2 + 1) })
        // Full-screen detail: the list is covered, only the (running) selection is polled.
        #expect(Self.polled(F.send([.keyPressed(.enter)], to: &state)) == ["r-0001"])
        // Of a finished task: nothing at all.
        F.send([.keyPressed(.escape), .keyPressed(.end)], to: &state)
        #expect(state.selectedTask?.task.status.raw == "SUCCESS")
        #expect(Self.polled(F.send([.keyPressed(.enter)], to: &state)) == [])
    }

    @Test func aFilterOrAStatusChangeUpdatesThePolledSet() throws {
        var (state, _) = started(Self.runningSnapshot(50))
        F.send([.keyPressed(.character("/"))], to: &state)
        let filtered = F.send(F.keys("task-001"), to: &state)
        #expect(Self.polled(filtered) == (10...19).map { String(format: "r-%04d", $0) })
        var tasks = state.snapshot.targets[0].tasks
        tasks[12].status = TaskStatus(raw: "SUCCESS")
        let next = F.snapshot(tasks, fetchedAgo: 0)
        let refreshed = F.send([.snapshotReceived(next, SnapshotDiff.between(state.snapshot, next))], to: &state)
        #expect(Self.polled(refreshed) == [10, 11, 13, 14, 15, 16, 17, 18, 19].map { String(format: "r-%04d", $0) })
        // The same refresh again: the set did not change, no request.
        #expect(Self.polled(F.send([.snapshotReceived(next, SnapshotDiff.between(next, next))], to: &state)) == nil)
    }

    @Test func withoutAPollerNothingIsRequested() {
        var state = F.state(columns: 120, rows: 40, snapshot: Self.runningSnapshot(10))
        #expect(Self.polled(F.send([.tick(F.now), .keyPressed(.down)], to: &state)) == nil)
    }
}
