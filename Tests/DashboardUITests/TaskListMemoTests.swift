import DCSKit
import Foundation
import Testing

@testable import DashboardUI

private typealias F = DashboardFixtures

/// The task list's region is copied from the previous frame when its inputs are equal (issue 6: the
/// age clock's frame). Over random sequences of events — ticks of a second to an hour, moves, scrolls,
/// sorting, filtering, the pane and help toggled, status changes that flash a name, stats that fill the
/// progress column, resizes — every frame rendered with the copy must equal the frame rendered afresh.
@Suite struct TaskListMemoTests {
    static let statuses = ["MIGRATING", "SUCCESS", "FAILED", "TERMINATED", "MIGRATING"]

    static func tasks(_ count: Int, statuses: [String]) -> [MigrationTask] {
        (0..<count).map { index in
            MigrationTask(
                taskID: "t-\(1000 + index)", name: index % 7 == 0 ? "Zürich-→-\(index)" : "task-\(index)",
                status: statuses[index % statuses.count],
                migrationType: index % 3 == 0 ? "backupfile_import" : "online_migration",
                migrationMethod: index % 2 == 0 ? "incremental_migration" : "full_amount_migration",
                dataSource: "10.0.\(index % 250).1:6379", targetInstanceName: "dcs-\(index)",
                // Ages from 20 s to days, so ticks cross second, minute and hour boundaries of some rows.
                createdAt: ISO8601DateFormatter().string(from: F.now.addingTimeInterval(-Double(20 + index * index * 37))))
        }
    }

    @Test func framesWithTheCopiedListEqualFramesDrawnAfresh() {
        var generator = SystemRandomNumberGenerator()
        var statuses = Array(repeating: "MIGRATING", count: 60)
        for index in statuses.indices { statuses[index] = Self.statuses[index % Self.statuses.count] }
        var previousTasks = Self.tasks(60, statuses: statuses)
        var state = F.state(columns: 130, rows: 40, snapshot: F.snapshot(previousTasks))
        var now = F.now
        var memo: TaskListMemo?
        var reused = 0
        for step in 0..<700 {
            let event: DashboardEvent
            switch Int.random(in: 0..<20, using: &generator) {
            case 0..<8:
                now = now.addingTimeInterval([1, 1, 1, 7, 59, 3600].randomElement(using: &generator) ?? 1)
                event = .tick(now)
            case 8..<11:
                event = .keyPressed([.down, .up, .pageDown, .pageUp, .home, .end].randomElement(using: &generator) ?? .down)
            case 11: event = .keyPressed(.character(["s", "S", "d", "?", "e"].randomElement(using: &generator) ?? "s"))
            case 12: event = .keyPressed(.escape)
            case 13:
                let typed = ["/", "t", "a", "1"].randomElement(using: &generator) ?? "/"
                event = .keyPressed(.character(Character(typed)))
            case 14, 15:
                let index = Int.random(in: 0..<statuses.count, using: &generator)
                statuses[index] = Self.statuses.randomElement(using: &generator) ?? "FAILED"
                let tasks = Self.tasks(60, statuses: statuses)
                // Fetched now: a new fetch time is what makes the changes flash (for 30 s).
                let old = F.snapshot(previousTasks)
                let new = TaskSnapshot(targets: [TargetSnapshot(name: "prod", tasks: tasks, fetchedAt: now)])
                previousTasks = tasks
                event = .snapshotReceived(new, SnapshotDiff.between(old, new))
            case 16, 17:
                let task = previousTasks[Int.random(in: 0..<previousTasks.count, using: &generator)]
                let stats = TaskStats(fullMigrationProgress: Double(Int.random(in: 0...100, using: &generator)), offset: 0)
                event = .insightReceived(.statsReceived(TaskKey(target: "prod", taskID: task.taskID), stats, at: now))
            case 18:
                event = .terminalResized(TerminalSize(columns: [80, 130, 200].randomElement(using: &generator) ?? 130, rows: 40))
            default:
                event = .tick(now)
            }
            _ = F.send([event], to: &state)
            let before = memo
            let copied = DashboardView.render(state, reusing: before, memo: &memo)
            let fresh = DashboardView.render(state)
            // A Bool, so a failure names the step and event instead of printing two 5,200-cell buffers.
            let same = copied == fresh
            #expect(same, "step \(step) after \(event): \(copied.lines.first { !fresh.lines.contains($0) } ?? "styles differ")")
            if !same { return }
            if let before, let after = memo, before.inputs == after.inputs { reused += 1 }
        }
        // Most ticks leave the list as it was: the copy must actually have been exercised.
        #expect(reused > 100)
    }
}
