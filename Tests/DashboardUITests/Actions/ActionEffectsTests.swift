import DCSKit
import DCSTestSupport
import DashboardUI
import Foundation
import Testing

/// `.performAction` reaches the write side and nothing else; its report comes back through the
/// inbox the loop drains, and the loop shows it and refreshes (issue 17).
@Suite struct ActionEffectsTests {
    typealias F = DashboardFixtures

    @Test func performActionReachesTheActorOnlyAndItsReportComesBackAsAnEvent() {
        let inbox = ActionInbox()
        let actor = RecordingTaskActor(inbox: inbox)
        let monitor = RecordingMonitor()
        let effects = DashboardEffects(monitor: monitor, actor: actor)
        let screen = ScriptedScreen(size: TerminalSize(columns: 80, rows: 12), script: [])
        let sessions = WatchedTask(target: "prod", task: F.tasks[1])
        effects.perform(.performAction(.stop, [sessions]), on: screen)
        #expect(actor.calls == [RecordingTaskActor.Call(action: .stop, keys: [sessions.id])])
        #expect(monitor.calls.isEmpty && screen.bells == 0 && screen.escapes.isEmpty)
        let reports = inbox.drain()
        #expect(reports.map(\.action) == [.stop] && reports.first?.entries.first?.result.requestID == "req-fake")
        #expect(inbox.drain().isEmpty)
    }

    @Test func withoutAnActorAPerformActionSendsNothing() {
        let monitor = RecordingMonitor()
        let effects = DashboardEffects(monitor: monitor)
        let screen = ScriptedScreen(size: TerminalSize(columns: 80, rows: 12), script: [])
        effects.perform(.performAction(.delete, [WatchedTask(target: "prod", task: F.tasks[3])]), on: screen)
        #expect(monitor.calls.isEmpty && screen.bells == 0)
    }

    @Test func theLoopDrainsTheReportShowsItAndRefreshes() {
        let inbox = ActionInbox()
        let actor = RecordingTaskActor(inbox: inbox)
        actor.answer(with: .failed(code: "DCS.4957", message: "status does not allow it"))
        let monitor = RecordingMonitor()
        var state = F.state(columns: 120, rows: 30)
        state.writeAccess = WriteAccess(writesOn: true)
        state.selection = TaskKey(target: "prod", taskID: "t-002")
        let keys: [ScreenInput] = [
            .key(.character("a")), .key(.character("s")), .key(.character("y")), .timeout, .key(.character("q")),
        ]
        let screen = ScriptedScreen(size: TerminalSize(columns: 120, rows: 30), script: keys)
        let loop = DashboardLoop(
            state: state, screen: screen, inbox: MonitorInbox(), actions: inbox, now: { F.now },
            effects: DashboardEffects(monitor: monitor, actor: actor))
        #expect(loop.run() == .quit)
        #expect(actor.calls.map(\.action) == [.stop])
        #expect(monitor.calls == [.refreshNow])
        #expect(loop.state.eventLog.events.last?.kind.name == "action")
        #expect(screen.frames.contains { $0.text.contains("stop: 0 of 1 accepted") && $0.text.contains("DCS.4957") })
    }
}
