import DCSSimulator
import Foundation
import Testing

/// The dashboard on a raw pseudo-terminal (Python/ptyprobe.py): signals, the terminal going away
/// (also with SIGHUP ignored, as under nohup), and a crash. The terminal modes must be as before, the
/// alternate screen left and the cursor shown, and the program must end promptly without spinning.
@Suite(
    "Terminal safety",
    .requires(.dcswatch, .python3))
struct TerminalSafetyTests {
    /// Bytes of xterm-256color's rmcup and cnorm that must follow the program's last smcup.
    static let leaveAlternateScreen = Array("\u{1B}[?1049l".utf8)
    static let showCursor = Array("\u{1B}[?25h".utf8)
    static let enterAlternateScreen = Array("\u{1B}[?1049h".utf8)

    /// Runs the dashboard against a fresh simulator through `steps` after the first data.
    static func dashboard(_ steps: [PtyProbe.Step], ignoreHangUp: Bool = false) async throws -> PtyProbe.Result {
        let simulator = try await ReliabilityKit.simulator()
        let url = simulator.url
        let directory = try ReliabilityKit.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = try ReliabilityKit.writeConfig(in: directory, endpoint: url)
        let result = try await PtyProbe.run(
            ["watch", "--config", config, "--interval", "0.2", "--request-timeout", "1"],
            environment: ReliabilityKit.credentialEnvironment, steps: [.wait("40 tasks")] + steps,
            ignoreHangUp: ignoreHangUp)
        await simulator.stopAsync()
        return result
    }

    /// The terminal is back to how it was: modes equal, alternate screen left, cursor shown.
    static func expectRestored(_ result: PtyProbe.Result, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.modes_before != nil && result.modes_before == result.modes_after, sourceLocation: sourceLocation)
        let raw = [UInt8](result.raw)
        let lastEnter = lastIndex(of: enterAlternateScreen, in: raw) ?? -1
        let lastLeave = lastIndex(of: leaveAlternateScreen, in: raw) ?? -1
        #expect(lastLeave > lastEnter, "alternate screen left after it was entered", sourceLocation: sourceLocation)
        #expect((lastIndex(of: showCursor, in: raw) ?? -1) > lastEnter, "cursor shown", sourceLocation: sourceLocation)
    }

    @Test(arguments: [("INT", 2), ("TERM", 15), ("HUP", 1), ("QUIT", 3)])
    func signalRestoresTheTerminal(name: String, number: Int) async throws {
        let result = try await Self.dashboard([.pump(0.5), .signal(name), .exit(within: 5)])
        #expect(result.waits_met, "no first data: \(result.text.suffix(300))")
        #expect(result.exit == 128 + number)
        #expect((result.exit_seconds ?? 99) < 3)
        Self.expectRestored(result)
    }

    @Test func crashRestoresTheTerminalAndStillCrashes() async throws {
        let result = try await Self.dashboard([.pump(0.5), .signal("SEGV"), .exit(within: 5)])
        #expect(result.waits_met)
        #expect(result.exit == 128 + 11)
        #expect((result.exit_seconds ?? 99) < 3)
        Self.expectRestored(result)
    }

    @Test(arguments: [false, true])
    func terminalClosingEndsTheProgramWithoutSpinning(ignoreHangUp: Bool) async throws {
        // The dashboard keeps writing every 0.2 s: its next writes go to a closed terminal.
        let result = try await Self.dashboard([.pump(0.5), .close, .exit(within: 5)], ignoreHangUp: ignoreHangUp)
        #expect(result.waits_met)
        #expect(result.exit != nil, "still running \(5) s after the terminal closed; CPU in 2 s: \(result.spin_cpu ?? -1)")
        #expect((result.exit_seconds ?? 99) < 3)
    }

    private static func lastIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = haystack.count - needle.count
        while index >= 0 {
            if haystack[index] == needle[0], Array(haystack[index..<index + needle.count]) == needle { return index }
            index -= 1
        }
        return nil
    }
}
