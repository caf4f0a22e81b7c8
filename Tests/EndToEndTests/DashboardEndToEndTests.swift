import DCSTestSupport
import Foundation
import Testing

/// The real binary in a real terminal (tmux): `dcswatch --demo` with the embedded simulator.
/// Waits poll the screen with a deadline; nothing sleeps a fixed time.
@Suite("Dashboard end to end", .serialized, .requires(.dcswatch, .tmux))
struct DashboardEndToEndTests {
    let binary: String

    init() throws { binary = try DCSWatchBinary.path() }
    /// The program runs niced: other suites' timing tests share the machine while these run.
    var niced: String { "nice -n 10 \(binary)" }

    /// Starts the demo dashboard in the pane and waits for the first data.
    func startDemo(_ session: TmuxSession) async throws {
        try await session.typeLine("\(niced) --demo; echo EXITED=$?")
        let screen = try await session.waitFor("the demo's tasks") { screen in
            screen.hasPrefix("dcswatch  demo  ") && screen.contains("updated")
        }
        // No --interval and no config: the README's default refresh of 10 s.
        #expect(screen.split(separator: "\n").first?.contains("  every 10s  ") == true)
        #expect(try await session.format("#{alternate_on}") == "1")
    }

    /// After the program ended: main screen back, shell modes sane.
    func expectRestored(_ session: TmuxSession, exitStatus: Int) async throws {
        try await session.waitFor("exit status \(exitStatus)", timeout: 5) { $0.contains("EXITED=\(exitStatus)") }
        #expect(try await session.format("#{alternate_on}") == "0")
        #expect(try await session.format("#{cursor_flag}") == "1")
        // Output lines start with "MODES:"; the typed command line starts with the prompt.
        try await session.typeLine(
            "stty -a | tr ' ;' '\\n\\n' | grep -xE -- '-?(icanon|echo)' | paste -sd, - | sed 's/^/MODES:/'")
        let screen = try await session.waitFor("stty output", timeout: 5) { screen in
            screen.split(separator: "\n").contains { $0.hasPrefix("MODES:") }
        }
        let modes = screen.split(separator: "\n").first { $0.hasPrefix("MODES:") } ?? ""
        #expect(modes == "MODES:icanon,echo")
    }

    @Test func filterFailedOpenDetailResizeAndQuit() async throws {
        let session = try await TmuxSession.start(columns: 100, rows: 30)
        try await startDemo(session)

        // Live filter to failed tasks, kept with Enter.
        try await session.keys("/")
        try await session.literal("status:failed")
        var screen = try await session.waitFor("the filter prompt") { $0.contains("/status:failed") }
        try await session.keys("Enter")
        screen = try await session.waitFor("only failed tasks listed") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard lines.count > 3, lines[0].contains(" of "), lines[2].hasPrefix("STATUS▼"),
                screen.contains("Esc clear filter")
            else { return false }
            let rows = lines.dropFirst(3).prefix { !$0.isEmpty && !$0.hasPrefix("──") }
            return !rows.isEmpty && rows.allSatisfy { $0.hasPrefix("✖ ") }
        }
        #expect(screen.contains("Detail: "))

        // Full-screen detail of the selected failed task.
        try await session.keys("Enter")
        // The whole frame is checked inside the wait: a capture can catch a frame half written.
        screen = try await session.waitFor("the full-screen detail") { screen in
            screen.split(separator: "\n").dropFirst(2).first?.hasPrefix("Detail: ") == true
                && screen.contains("Status         ✖ ") && screen.contains("Enter back") && !screen.contains("── Detail")
        }

        // Narrow and short: the reduced layout still shows the detail.
        try await session.resize(columns: 60, rows: 15)
        screen = try await session.waitFor("the 60×15 layout") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 15 && lines.allSatisfy { $0.count <= 60 } && screen.contains("Detail: ")
                && lines[14].contains("Enter back")
        }

        // Back to the list at 200×50: the detail moves to the right of the list.
        try await session.keys("Escape")
        try await session.resize(columns: 200, rows: 50)
        screen = try await session.waitFor("the 200×50 layout with the detail on the right") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 50 && lines[2].contains("│ Detail: ") && lines[3].hasPrefix("✖ ")
        }

        try await session.keys("q")
        try await expectRestored(session, exitStatus: 0)
    }

    @Test(arguments: [("TERM", 15), ("HUP", 1), ("INT", 2)])
    func signalRestoresTheTerminalPromptly(signal: String, number: Int) async throws {
        let session = try await TmuxSession.start(columns: 100, rows: 30)
        try await startDemo(session)
        let pid = try #require(try await session.childPID())
        let sent = Date()
        _ = try await TmuxSession.run(["kill", "-\(signal)", "\(pid)"])
        try await expectRestored(session, exitStatus: 128 + number)
        #expect(Date().timeIntervalSince(sent) < 5)
    }

    /// An SSH drop where no SIGHUP reaches the program (here: not the terminal's session, as under
    /// `setsid`): the input reports EOF/hang-up and the program must end at once, not spin.
    @Test func terminalClosingWithoutSIGHUPEndsPromptly() async throws {
        let session = try await TmuxSession.start(columns: 100, rows: 30)
        let logFile = FileManager.default.temporaryDirectory.appendingPathComponent("dcswatch-e2e-eof-\(getpid()).log").path
        defer { unlink(logFile) }
        // `-w`: the shell waits, so its prompt never lands on the dashboard's screen.
        try await session.typeLine("setsid -w \(niced) --demo --log-file \(logFile)")
        try await session.waitFor("the demo's tasks") { $0.hasPrefix("dcswatch  demo  ") && $0.contains("updated") }
        let found = try await TmuxSession.run(["pgrep", "-f", logFile]).output
        let pid = try #require(found.split(separator: "\n").compactMap { Int32($0) }.first)
        let closed = Date()
        try await session.tmux(["kill-server"])
        while kill(pid, 0) == 0, Date().timeIntervalSince(closed) < 5 { try await Task.sleep(nanoseconds: 20_000_000) }
        #expect(kill(pid, 0) != 0, "still running after the terminal closed")
        #expect(Date().timeIntervalSince(closed) < 3)
        let log = (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? ""
        #expect(log.contains("dashboard ended: terminalClosed"))
    }

    @Test func asciiSymbolsUnderANonUTF8Locale() async throws {
        let session = try await TmuxSession.start(columns: 100, rows: 30)
        try await session.typeLine("LANG=C LC_ALL=C \(niced) --demo; echo EXITED=$?")
        let screen = try await session.waitFor("the ASCII dashboard") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count > 3 && lines[0].hasPrefix("dcswatch  demo  ") && lines[2].hasPrefix("STATUSv")
                && lines[3].hasPrefix("x FAILED") && screen.contains("-- Detail: ")
        }
        #expect(!screen.contains("✖") && !screen.contains("│") && !screen.contains("…"))
        try await session.keys("q")
        try await expectRestored(session, exitStatus: 0)
    }

    @Test func noDetailPaneFlagAndTheDKey() async throws {
        let session = try await TmuxSession.start(columns: 120, rows: 30)
        try await session.typeLine("\(niced) --demo --no-detail-pane; echo EXITED=$?")
        // Hidden: the list takes all 120 columns (CREATED is shown, no separator, no pane title).
        var screen = try await session.waitFor("the list without a pane") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count > 3 && lines[0].hasPrefix("dcswatch  demo  ") && lines[2].hasPrefix("STATUS▼")
                && lines[2].contains("CREATED") && screen.contains("updated")
        }
        #expect(!screen.contains("Detail: ") && !screen.contains("│"))
        // `d` brings the pane back beside the list, and hides it again.
        try await session.keys("d")
        screen = try await session.waitFor("the pane") { $0.contains("│ Detail: ") && $0.contains("│ Status ") }
        try await session.keys("d")
        screen = try await session.waitFor("the pane hidden again") { screen in
            !screen.contains("Detail: ") && screen.split(separator: "\n").dropFirst(2).first?.contains("CREATED") == true
        }
        try await session.keys("q")
        try await expectRestored(session, exitStatus: 0)
    }

    @Test func refusesWhenStdoutIsNotATerminal() async throws {
        // Standard output is a file here, not a terminal.
        let result = try await TmuxSession.run([binary, "--demo"])
        #expect(result.status == 2)
        #expect(result.output.contains("dcswatch list"))
    }
}
