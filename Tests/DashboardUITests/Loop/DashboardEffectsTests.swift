import DCSKit
import DCSTestSupport
import DashboardUI
import Foundation
import Testing

/// `DashboardEffects`, the one place that interprets effects: each effect reaches the monitor, the
/// poller or the terminal, and nothing else does.
@Suite struct DashboardEffectsTests {
    typealias F = DashboardFixtures

    static let orders = WatchedTask(target: "prod", task: F.tasks[0])
    static let sessions = WatchedTask(target: "prod", task: F.tasks[1])

    /// Performs `effects` in order on a scripted screen; returns what each side saw.
    func perform(
        _ effects: [DashboardEffect], notifications: NotificationPolicy = NotificationPolicy(mode: .bell),
        insideTmux: Bool = false, withPoller: Bool = true
    ) -> (monitor: [RecordingMonitor.Call], poller: [RecordingInsightPoller.Call], screen: ScriptedScreen) {
        let monitor = RecordingMonitor()
        let poller = RecordingInsightPoller()
        let screen = ScriptedScreen(size: TerminalSize(columns: 80, rows: 12), script: [])
        let interpreter = DashboardEffects(
            monitor: monitor, poller: withPoller ? poller : nil, notifications: notifications, insideTmux: insideTmux)
        for effect in effects { interpreter.perform(effect, on: screen) }
        return (monitor.calls, poller.calls, screen)
    }

    @Test func refreshPauseAndIntervalReachTheMonitorAndThePoller() {
        let seen = perform([.refreshNow, .setPaused(true), .setInterval(30), .setPaused(false)])
        #expect(seen.monitor == [.refreshNow, .setPaused(true), .setInterval(30), .setPaused(false)])
        #expect(seen.poller == [.pollNow, .setPaused(true), .setPaused(false)])
        #expect(seen.screen.escapes.isEmpty && seen.screen.bells == 0)
    }

    @Test func detailLogsPrefetchAndPollingReachThePoller() {
        let seen = perform([
            .loadDetail(Self.orders), .loadLogs(Self.orders), .prefetch(Self.sessions, logs: false),
            .pollTasks([Self.sessions, Self.orders]),
        ])
        #expect(
            seen.poller == [
                .requestDetail(Self.orders.id), .requestLogs(Self.orders.id), .prefetch(Self.sessions.id, logs: false),
                .setTasks([Self.sessions.id, Self.orders.id]),
            ])
        #expect(seen.monitor.isEmpty)
    }

    @Test func withoutAPollerOnlyTheMonitorIsAsked() {
        let seen = perform([.refreshNow, .loadDetail(Self.orders), .pollTasks([Self.orders])], withPoller: false)
        #expect(seen.monitor == [.refreshNow])
        #expect(seen.poller.isEmpty)
    }

    @Test func theBellRingsOnTheScreen() {
        #expect(perform([.bell, .bell]).screen.bells == 2)
    }

    @Test func aNotificationIsWrittenOnlyInModeOnAndWrappedInsideTmux() {
        let notify = DashboardEffect.notify(title: "dcswatch: FAILED", body: "sessions (prod)")
        #expect(perform([notify], notifications: NotificationPolicy(mode: .bell)).screen.escapes.isEmpty)
        #expect(perform([notify], notifications: NotificationPolicy(mode: .off)).screen.escapes.isEmpty)
        let plain = perform([notify], notifications: NotificationPolicy(mode: .on)).screen.escapes
        #expect(plain == ["\u{1B}]9;dcswatch: FAILED: sessions (prod)\u{07}"])
        let wrapped = perform([notify], notifications: NotificationPolicy(mode: .on), insideTmux: true).screen.escapes
        #expect(wrapped == ["\u{1B}Ptmux;\u{1B}\u{1B}]9;dcswatch: FAILED: sessions (prod)\u{07}\u{1B}\\"])
    }

    @Test func aCopyWritesTheClipboardEscapeUnlessTheTextIsTooLong() {
        #expect(perform([.copyToClipboard("t-001")]).screen.escapes == ["\u{1B}]52;c;dC0wMDE=\u{07}"])
        let long = String(repeating: "x", count: TerminalEscapes.maximumClipboardBytes + 1)
        #expect(perform([.copyToClipboard(long)]).screen.escapes.isEmpty)
    }

    @Test func quitAndRepaintAreLeftToTheLoop() {
        let seen = perform([.quit, .redrawAll])
        #expect(seen.monitor.isEmpty && seen.poller.isEmpty)
        #expect(seen.screen.escapes.isEmpty && seen.screen.bells == 0 && seen.screen.frames.isEmpty)
    }
}
