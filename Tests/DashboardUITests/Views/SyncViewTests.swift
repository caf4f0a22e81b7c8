import DCSKit
import DashboardUI
import Foundation
import Testing

private typealias F = DashboardFixtures

/// The sync state on screen (issue 16): the list's progress cell, the detail's Sync row, the header
/// count, the events pane, and what a stale answer shows. Readable without colour: words, not hues.
@Suite("Sync views")
struct SyncViewTests {
    static let sessions = TaskKey(target: "prod", taskID: "t-002")

    func text(_ state: DashboardState) -> String { DashboardView.render(state).text }

    func stats(_ offset: Double?, progress: Double? = 100, ago: TimeInterval) -> DashboardEvent {
        .insightReceived(
            .statsReceived(
                Self.sessions, TaskStats(fullMigrationProgress: progress, offset: offset, sourceDBSize: 1_000, targetDBSize: 998),
                at: F.now.addingTimeInterval(-ago)))
    }

    @Test func inSyncShowsInTheListTheDetailAndTheHeader() {
        var state = F.state(columns: 120, rows: 30)
        state.selection = Self.sessions
        F.send([stats(52_100, ago: 760), stats(0, ago: 750)], to: &state)
        #expect(text(state).contains("lag 0 (1/3)"))
        #expect(text(state).contains("0 of 1 online task in sync\n"))
        let effects = F.send([stats(0, ago: 740), stats(0, ago: 730)], to: &state)
        #expect(effects.isEmpty)  // notifications are off in the fixture
        let screen = text(state)
        // Since the first of the three answers at 0: 12m30s ago.
        #expect(screen.contains("▶ MIGRATING  in sync 12m"))
        #expect(screen.contains("Sync           in sync 12m (since 02:17)"))
        #expect(screen.contains("Lag (offset)   0 (threshold 0, 3 polls)"))
        #expect(screen.contains("Keys src/tgt   1k / 998, diff 2"))
        #expect(screen.contains("1 of 1 online task in sync"))
        // The event joins the events pane and highlights the row.
        #expect(state.eventLog.events.last?.kind.name == "in_sync")
        #expect(state.highlights[Self.sessions] != nil)
        F.send([.keyPressed(.character("e"))], to: &state)
        #expect(text(state).contains("sessions in sync (offset 0)"))
    }

    @Test func aStaleAnswerIsNeverShownAsInSync() {
        var state = F.state(columns: 120, rows: 30)
        state.selection = Self.sessions
        F.send([stats(0, ago: 30), stats(0, ago: 20), stats(0, ago: 10)], to: &state)
        #expect(text(state).contains("in sync <1m"))
        F.send([.insightReceived(.statsFailed(Self.sessions, message: "HTTP 500 DCS.5000", at: F.now))], to: &state)
        let failed = text(state)
        // Only the header's count says the words, with 0.
        #expect(failed.components(separatedBy: "in sync").count == 2)
        #expect(failed.contains("0 of 1 online task in sync"))
        #expect(failed.contains("▶ MIGRATING  stale lag 0"))
        #expect(failed.contains("STALE: was at the threshold; HT…"))
        // Garbage (no offset) is stale too.
        F.send([stats(0, ago: 0)], to: &state)
        #expect(text(state).contains("in sync"))
        F.send([stats(nil, progress: nil, ago: 0)], to: &state)
        #expect(text(state).components(separatedBy: "in sync").count == 2)
    }

    @Test func catchingUpFellBehindAndRestartedReadWithoutColour() {
        var state = F.state(columns: 120, rows: 30, symbols: .ascii)
        state.selection = Self.sessions
        F.send([stats(1_000, ago: 60), stats(800, ago: 50), stats(600, ago: 40)], to: &state)
        // 20 a second down; 600 left: 30 s, shown as at least a minute.
        #expect(text(state).contains("> MIGRATING  lag 600 v ETA 1m"))
        #expect(text(state).contains("catching up, falling, ~1m to go"))
        F.send([stats(0, ago: 30), stats(0, ago: 20), stats(0, ago: 10), stats(9_000, ago: 0)], to: &state)
        #expect(text(state).contains("BEHIND 9k ^"))
        #expect(text(state).contains("FELL BEHIND <1m ago, rising"))
        F.send([stats(nil, progress: 5, ago: 0)], to: &state)
        // MIGRATING below 100 % after replicating: the full copy started again.
        #expect(text(state).contains("RESTART 5%"))
        #expect(text(state).contains("RESTARTED <1m ago, time left —"))
        #expect(state.eventLog.events.map(\.kind.name).suffix(2) == ["fell_behind", "restarted"])
    }

    @Test func syncChangesNotifyPerPolicy() {
        var state = F.state(columns: 120, rows: 30)
        state.notifications = NotificationPolicy(mode: .on)
        F.send([stats(0, ago: 30), stats(0, ago: 20)], to: &state)
        let effects = F.send([stats(0, ago: 10)], to: &state)
        #expect(effects.contains(.bell))
        #expect(effects.contains(.notify(title: "dcswatch: in sync", body: "sessions (prod)")))
        // Falling behind is not in the default notify_on.
        #expect(!F.send([stats(50, ago: 0)], to: &state).contains(.bell))
    }

    @Test func theThresholdsComeFromTheState() {
        var state = F.state(columns: 120, rows: 30)
        state.syncThresholds = SyncThresholds(lagThreshold: 100, polls: 2)
        state.selection = Self.sessions
        F.send([stats(40, ago: 20), stats(70, ago: 10)], to: &state)
        #expect(text(state).contains("in sync <1m"))
        #expect(text(state).contains("Lag (offset)   70 (threshold 100, 2 polls)"))
    }

    @Test func theProgressColumnWidensOnlyWhileATaskCatchesUp() {
        var state = F.state(columns: 120, rows: 30)
        F.send([stats(1_000, ago: 60), stats(800, ago: 50)], to: &state)
        // Room for "lag 52.1k ↓ ETA 3m" (18).
        #expect(text(state).contains("PROGRESS" + String(repeating: " ", count: 11) + "NAME"))
        F.send([stats(0, ago: 40), stats(0, ago: 30), stats(0, ago: 20)], to: &state)
        // In sync: room for "in sync 3h05m" (13).
        #expect(text(state).contains("PROGRESS" + String(repeating: " ", count: 6) + "NAME"))
    }

    @Test func theInSyncDurationChangesOnlyByTheMinute() {
        var state = F.state(columns: 120, rows: 30)
        F.send([stats(0, ago: 130), stats(0, ago: 125), stats(0, ago: 120)], to: &state)
        let before = DashboardView.render(state)
        F.send([.tick(F.now.addingTimeInterval(1))], to: &state)
        let after = DashboardView.render(state)
        // The age clock in the title moves; the list and the pane do not.
        #expect(Array(before.lines.dropFirst()) == Array(after.lines.dropFirst()))
    }
}
