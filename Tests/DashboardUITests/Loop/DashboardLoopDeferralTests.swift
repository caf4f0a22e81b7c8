import DCSKit
import DCSTestSupport
import DashboardUI
import Foundation
import Testing

/// Changes that can wait are drawn with the next tick, so an idle dashboard renders about once a
/// second (issue 6: idle CPU); what the user acts on or must see at once is drawn at once.
@Suite("Dashboard loop defers what can wait")
struct DashboardLoopDeferralTests {
    typealias F = DashboardFixtures
    static let sessions = TaskKey(target: "prod", taskID: "t-002")
    static let failed = TaskKey(target: "prod", taskID: "t-001")

    final class Clock: @unchecked Sendable {
        var date = F.now
    }

    func makeLoop(
        reads: Int, inbox: MonitorInbox, insights: InsightInbox, clock: Clock, onRead: @escaping (Int) -> Void
    ) -> (DashboardLoop, ScriptedScreen) {
        let screen = ScriptedScreen(
            size: TerminalSize(columns: 80, rows: 12), script: Array(repeating: .timeout, count: reads), onRead: onRead)
        let loop = DashboardLoop(
            state: F.state(columns: 80, rows: 12), screen: screen, inbox: inbox, insights: insights, now: { clock.date },
            effects: F.effects().0)
        return (loop, screen)
    }

    @Test func anUnchangedRefreshAndAnotherTasksStatsAreDrawnWithTheNextTick() {
        let inbox = MonitorInbox()
        let insights = InsightInbox()
        let clock = Clock()
        let same = F.snapshot(fetchedAgo: 0)
        let (loop, screen) = makeLoop(reads: 3, inbox: inbox, insights: insights, clock: clock) { read in
            switch read {
            case 1:
                inbox.post(.fetchStarted(target: "prod", snapshot: F.snapshot()))
                inbox.post(.refreshed(target: "prod", snapshot: same, diff: SnapshotDiff.between(F.snapshot(), same)))
            case 2:
                insights.post(.statsReceived(Self.sessions, TaskStats(fullMigrationProgress: 42.5, offset: 0), at: F.now))
            default:
                clock.date = F.now.addingTimeInterval(1)
            }
        }
        _ = loop.run()
        // The first frame, then nothing until the tick, which draws everything at once.
        #expect(screen.frames.count == 2)
        #expect(loop.state.insights[Self.sessions]?.stats != nil)
        #expect(screen.frames.last?.lines[0] == "dcswatch  prod  4 tasks  every 5s  updated 1s ago")
        #expect(screen.frames.last?.lines[4].hasPrefix("▶ MIGRATING  copy 42.5%") == true)
    }

    @Test func theSelectedTasksInsightsAChangeAndAKeyAreDrawnAtOnce() {
        let inbox = MonitorInbox()
        let insights = InsightInbox()
        var tasks = F.tasks
        tasks[1].status = TaskStatus(raw: "FAILED")
        let changed = F.snapshot(tasks, fetchedAgo: 0)
        let logs = MigrationLogs.page(
            total: 1,
            entries: [
                MigrationLogEntry(createdAt: "2026-01-01T01:05:00Z", level: "ERROR", message: "auth failed", code: "E1")
            ])
        let (loop, screen) = makeLoop(reads: 2, inbox: inbox, insights: insights, clock: Clock()) { read in
            if read == 1 { insights.post(.logsReceived(Self.failed, logs, at: F.now)) }
            if read == 2 {
                inbox.post(.refreshed(target: "prod", snapshot: changed, diff: SnapshotDiff.between(F.snapshot(), changed)))
            }
        }
        _ = loop.run()
        // First frame, the selected task's logs, the change: three frames without any tick.
        #expect(screen.frames.count == 3)
    }
}
