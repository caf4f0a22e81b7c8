import DCSKit
import DCSTestSupport
import DashboardUI
import Foundation
import Testing

/// The loop drains the stats poller's inbox with the monitor's, and hands fetch, notification and
/// clipboard effects to `DashboardEffects`.
@Suite("Dashboard loop with insights")
struct DashboardLoopInsightTests {
    typealias F = DashboardFixtures

    @Test func statsFromTheInsightInboxReachTheScreenAndEffectsArePerformed() {
        let insights = InsightInbox()
        let sessions = TaskKey(target: "prod", taskID: "t-002")
        // Stats arrive while the first read waits; then `y` copies the selected id.
        let screen = ScriptedScreen(size: TerminalSize(columns: 80, rows: 12), script: [.timeout, .key(.character("y"))]) {
            read in
            if read == 1 {
                insights.post(.statsReceived(sessions, TaskStats(fullMigrationProgress: 42.5, offset: 0), at: F.now))
            }
        }
        var state = F.state(columns: 80, rows: 12)
        state.fetchesInsights = true
        let (effects, monitor, poller) = F.effects()
        let loop = DashboardLoop(
            state: state, screen: screen, inbox: MonitorInbox(), insights: insights, now: { F.now }, effects: effects)
        #expect(loop.run() == .terminalClosed)
        #expect(loop.state.insights[sessions]?.stats?.fullMigrationProgress == 42.5)
        #expect(screen.frames.last?.lines[4].hasPrefix("▶ MIGRATING  copy 42.5%") == true)
        // The running task on screen is polled; no detail or logs are asked for (80×12 has no room
        // for the pane, so nothing would show them); then the copy.
        #expect(poller.calls == [.setTasks([sessions])])
        #expect(monitor.calls.isEmpty)
        #expect(screen.escapes.count == 1)
        #expect(screen.escapes.first == TerminalEscapes.osc52("t-001"))
    }

    @Test func aTaskThatFailsRingsTheBellAndNotifiesInModeOn() {
        let inbox = MonitorInbox()
        var tasks = F.tasks
        let baseline = F.snapshot(tasks, fetchedAgo: 10)
        tasks[1].status = TaskStatus(raw: "FAILED")
        let failed = F.snapshot(tasks, fetchedAgo: 0)
        let empty = TaskSnapshot(targets: [TargetSnapshot(name: "prod")])
        // The baseline arrives on the first read, the failure on the second.
        let screen = ScriptedScreen(size: TerminalSize(columns: 80, rows: 12), script: [.timeout, .timeout]) { read in
            if read == 1 {
                inbox.post(.refreshed(target: "prod", snapshot: baseline, diff: SnapshotDiff.between(empty, baseline)))
            }
            if read == 2 {
                inbox.post(.refreshed(target: "prod", snapshot: failed, diff: SnapshotDiff.between(baseline, failed)))
            }
        }
        var state = F.state(columns: 80, rows: 12, snapshot: empty)
        state.notifications = NotificationPolicy(mode: .on)
        let loop = DashboardLoop(
            state: state, screen: screen, inbox: inbox, now: { F.now },
            effects: F.effects(notifications: state.notifications).0)
        _ = loop.run()
        #expect(screen.bells == 1)
        #expect(
            screen.escapes == [
                TerminalEscapes.notification(
                    title: "dcswatch: FAILED", body: "sessions (prod)", escape: .osc9, insideTmux: false)
            ])
        #expect(loop.state.eventLog.events.count == 1)
    }

    /// A clock the loop reads, moved by the screen's read hook.
    final class Clock: @unchecked Sendable {
        var date = F.now
    }

    /// A loop on a screen that wakes on posts, with the selected task's stats posted 10 ms after the
    /// first frame (read 1) and `afterPost` run at the later reads.
    func pacedLoop(script: [ScreenInput], clock: Clock, afterPost: @escaping (Int, ScriptedScreen) -> Void) -> (
        DashboardLoop, ScriptedScreen
    ) {
        let insights = InsightInbox()
        let selected = TaskKey(target: "prod", taskID: "t-001")
        var screenReference: ScriptedScreen?
        let screen = ScriptedScreen(size: TerminalSize(columns: 80, rows: 12), script: script) { read in
            if read == 1 {
                clock.date = F.now.addingTimeInterval(0.010)
                insights.post(.statsReceived(selected, TaskStats(fullMigrationProgress: 7, offset: 0), at: F.now))
            } else if let screen = screenReference {
                afterPost(read, screen)
            }
        }
        screenReference = screen
        screen.wakesOnPost = true
        var state = F.state(columns: 80, rows: 12)
        state.fetchesInsights = true
        let loop = DashboardLoop(
            state: state, screen: screen, inbox: MonitorInbox(), insights: insights, now: { clock.date }, effects: F.effects().0)
        return (loop, screen)
    }

    @Test func answersRightAfterAFrameAreDrawnFiftyMillisecondsAfterIt() {
        let clock = Clock()
        var framesAtRead: [Int: Int] = [:]
        let (loop, screen) = pacedLoop(script: [.timeout, .timeout, .timeout], clock: clock) { read, screen in
            framesAtRead[read] = screen.frames.count
            if read == 2 { clock.date = F.now.addingTimeInterval(0.030) }
            if read == 3 { clock.date = F.now.addingTimeInterval(0.051) }
        }
        _ = loop.run()
        // Held back at read 1 (10 ms after the first frame); the wait ends when the frame is due.
        #expect(framesAtRead[2] == 1)
        #expect(screen.timeouts[1] == 40)
        #expect(framesAtRead[3] == 1)
        #expect(screen.timeouts[2] == 20)
        // Due at 50 ms: drawn, with the answer.
        #expect(screen.frames.count == 2)
        #expect(loop.state.insights[TaskKey(target: "prod", taskID: "t-001")]?.stats?.fullMigrationProgress == 7)
    }

    @Test func aKeyDrawsAtOnceWithTheHeldBackAnswer() {
        let clock = Clock()
        var framesAtRead: [Int: Int] = [:]
        let (loop, screen) = pacedLoop(script: [.timeout, .key(.down)], clock: clock) { read, screen in
            framesAtRead[read] = screen.frames.count
            clock.date = F.now.addingTimeInterval(0.020)
        }
        _ = loop.run()
        #expect(framesAtRead[2] == 1)
        #expect(screen.frames.count == 2)
        #expect(loop.state.selection == TaskKey(target: "prod", taskID: "t-002"))
    }
}
