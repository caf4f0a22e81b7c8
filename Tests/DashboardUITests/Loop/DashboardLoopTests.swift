import DCSKit
import DCSTestSupport
import DashboardUI
import Foundation
import Testing

@Suite("Dashboard loop")
struct DashboardLoopTests {
    typealias F = DashboardFixtures

    /// A clock the loop reads; tests step it from the screen's read hook.
    final class Clock {
        var date = F.now
    }

    func makeLoop(
        script: [ScreenInput], inbox: MonitorInbox = MonitorInbox(), clock: Clock = Clock(),
        onRead: @escaping (Int) -> Void = { _ in }
    ) -> (DashboardLoop, ScriptedScreen, RecordingMonitor) {
        let screen = ScriptedScreen(size: TerminalSize(columns: 80, rows: 12), script: script, onRead: onRead)
        let (effects, monitor, _) = F.effects()
        let loop = DashboardLoop(
            state: F.state(columns: 80, rows: 12), screen: screen, inbox: inbox, now: { clock.date }, effects: effects)
        return (loop, screen, monitor)
    }

    @Test func idleTimeoutsDrawNothing() {
        let (loop, screen, _) = makeLoop(script: Array(repeating: .timeout, count: 50))
        #expect(loop.run() == .terminalClosed)
        #expect(screen.frames.count == 1)  // the first frame only
        #expect(screen.reads == 51)
    }

    @Test func ageClockRedrawsAtMostOncePerSecond() {
        let clock = Clock()
        // 30 reads of 100 ms each: three seconds pass, so three ticks, three redraws of the age.
        let (loop, screen, _) = makeLoop(script: Array(repeating: .timeout, count: 30), clock: clock) { _ in
            clock.date = clock.date.addingTimeInterval(0.1)
        }
        _ = loop.run()
        #expect(screen.frames.count == 1 + 3)
        #expect(screen.frames.last?.lines[0] == "dcswatch  prod  4 tasks  every 5s  updated 6s ago")
        // Only the digits of the age changed: a frugal update.
        #expect(screen.changedCells.dropFirst().allSatisfy { $0 == 1 })
    }

    @Test func cursorMoveChangesTwoRowsOnly() {
        let (loop, screen, _) = makeLoop(script: [.key(.down)])
        _ = loop.run()
        #expect(screen.frames.count == 2)
        // The old and the new selected row change style on the name ("orders-cache": 12 cells each;
        // the status keeps its look), and the detail pane is hidden at 80×12, so nothing else changes.
        #expect(screen.changedCells[1] == 24)
    }

    @Test func quitEndsTheLoopAndEffectsReachTheMonitor() {
        let (loop, _, monitor) = makeLoop(script: [.key(.character("r")), .key(.character("p")), .key(.character("q"))])
        #expect(loop.run() == .quit)
        #expect(monitor.calls == [.refreshNow, .setPaused(true)])
    }

    @Test func monitorEventsAreDrainedBetweenKeys() {
        let inbox = MonitorInbox()
        let extra = F.tasks + [MigrationTask(taskID: "t-009", name: "fresh", status: "MIGRATING")]
        let (loop, screen, _) = makeLoop(script: [.timeout, .timeout], inbox: inbox) { read in
            if read == 2 {
                inbox.post(.refreshed(target: "prod", snapshot: F.snapshot(extra), diff: SnapshotDiff()))
            }
        }
        _ = loop.run()
        #expect(loop.state.totalCount == 5)
        #expect(screen.lastText.contains("fresh"))
    }

    @Test func stopRequestEndsWithinOneRead() {
        var loopReference: DashboardLoop?
        let (loop, _, _) = makeLoop(script: Array(repeating: .timeout, count: 100)) { read in
            if read == 3 { loopReference?.requestStop(signal: 15) }
        }
        loopReference = loop
        #expect(loop.run() == .stopped(15))
    }

    @Test func resizeAndCtrlLRepaintEverything() {
        let (loop, screen, _) = makeLoop(script: [
            .resized(TerminalSize(columns: 60, rows: 15)), .key(.control("l")),
        ])
        _ = loop.run()
        #expect(screen.frames.map(\.width) == [80, 60, 60])
        #expect(screen.changedCells == [80 * 12, 60 * 15, 60 * 15])
    }
}
