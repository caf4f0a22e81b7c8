import DCSKit
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
}
