import DCSSimulator
import DCSTestSupport
import Foundation
import Testing

/// The write commands' question on a real terminal (tmux): the tasks are listed, anything but the
/// action word cancels and sends nothing, the word goes on.
@Suite("Write confirmation end to end", .serialized, .requires(.dcswatch, .tmux))
struct ActionConfirmationEndToEndTests {
    @Test func stopListsTheTaskCancelsOnAnyOtherWordAndGoesOnWithTheWord() async throws {
        let simulator = try await ActionCommandsEndToEndTests.frozen()
        defer { simulator.stop() }
        let checker = ActionCommandsEndToEndTests()
        let running = try checker.first(try await checker.statuses(simulator), "MIGRATING")
        let environment = simulator.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let command =
            (environment + [try DCSWatchBinary.path(), "stop", running, "--write", "--endpoint", simulator.url.absoluteString])
            .joined(separator: " ")
        let session = try await TmuxSession.start(columns: 160, rows: 20)

        try await session.typeLine("\(command); echo EXITED=$?")
        var screen = try await session.waitFor("the question") { $0.contains("Type stop to go on") }
        #expect(screen.contains("dcswatch: stop — 1 task:"))
        let row = screen.split(separator: "\n").last { $0.hasPrefix("  ") && $0.contains(running) }.map(String.init) ?? ""
        #expect(row.contains("  default  MIGRATING  "))
        try await session.typeLine("yes")
        screen = try await session.waitFor("the cancel") { Self.exited($0) }
        #expect(screen.contains("dcswatch: cancelled; nothing was sent"))
        #expect(screen.split(separator: "\n").contains("EXITED=2"))
        #expect(try await checker.statuses(simulator)[running] == "MIGRATING")

        try await session.typeLine("clear; \(command); echo EXITED=$?")
        _ = try await session.waitFor("the question again") { $0.contains("Type stop to go on") && !Self.exited($0) }
        try await session.typeLine("stop")
        screen = try await session.waitFor("the stop") { Self.exited($0) }
        #expect(screen.contains("on default: stop requested"))
        #expect(screen.split(separator: "\n").contains("EXITED=0"))
        #expect(["TERMINATING", "TERMINATED"].contains(try await checker.statuses(simulator)[running]))
    }

    /// True once the command's exit status is printed on a line of its own (the typed command line
    /// holds `EXITED=$?` too).
    static func exited(_ screen: String) -> Bool {
        screen.split(separator: "\n").contains { $0.hasPrefix("EXITED=") }
    }
}
