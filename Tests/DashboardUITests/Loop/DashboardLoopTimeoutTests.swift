import DCSKit
import DCSTestSupport
import DashboardUI
import Foundation
import Testing

/// How long the loop's key read may wait, by what the snapshot holds.
@Suite("Dashboard loop read timeouts")
struct DashboardLoopTimeoutTests {
    typealias F = DashboardFixtures

    @Test func shortUntilTheFirstDataUnlessATargetFailedThenIdle() {
        let empty = TaskSnapshot(targets: [TargetSnapshot(name: "prod")])
        #expect(DashboardLoop.readTimeout(for: empty) == 10)
        let failing = TaskSnapshot(targets: [
            TargetSnapshot(
                name: "prod",
                failure: TargetFailure(message: "denied", since: F.now, consecutiveFailures: 1, nextAttemptAt: F.now))
        ])
        #expect(DashboardLoop.readTimeout(for: failing) == 25)
        #expect(DashboardLoop.readTimeout(for: F.snapshot()) == 100)
    }

    @Test func aScreenThatWakesOnPostsWaitsToTheNextQuarterSecond() {
        #expect(DashboardLoop.wakeableReadTimeout(millisecondsIntoSecond: 0) == 251)
        #expect(DashboardLoop.wakeableReadTimeout(millisecondsIntoSecond: 100) == 151)
        #expect(DashboardLoop.wakeableReadTimeout(millisecondsIntoSecond: 249) == 2)
        #expect(DashboardLoop.wakeableReadTimeout(millisecondsIntoSecond: 250) == 251)
        #expect(DashboardLoop.wakeableReadTimeout(millisecondsIntoSecond: 999) == 2)
    }

    @Test func theLoopUsesTheWakeableWaitOnlyOnAScreenThatWakes() {
        // 0.625 s past a whole second: the next quarter is 125 ms away.
        let now = Date(timeIntervalSince1970: 1_767_234_600.625)
        // Wakes on posts → the wait: polled, or to the next quarter.
        for (post, wait) in [(false, 100), (true, 126)] {
            let screen = ScriptedScreen(size: TerminalSize(columns: 80, rows: 12), script: [.timeout, .timeout])
            screen.wakesOnPost = post
            let loop = DashboardLoop(
                state: F.state(columns: 80, rows: 12), screen: screen, inbox: MonitorInbox(), now: { now }, effects: F.effects().0
            )
            _ = loop.run()
            #expect(screen.timeouts == Array(repeating: wait, count: 3), "post: \(post)")
        }
    }
}
