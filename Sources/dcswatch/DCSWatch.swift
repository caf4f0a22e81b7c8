import ArgumentParser
import DCSKit
import Foundation

/// The root command. Running `dcswatch` with no subcommand runs the dashboard (`watch`).
@main
struct DCSWatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dcswatch",
        abstract: "A live terminal dashboard for DCS (Redis) migration tasks on Huawei Cloud and T Cloud Public.",
        version: DCSWatchVersion.current,
        subcommands: [
            WatchCommand.self, ListCommand.self, ShowCommand.self, WaitCommand.self, EventsCommand.self, ServeCommand.self,
            StopCommand.self, RestartCommand.self, ExchangeIPCommand.self, RollbackIPCommand.self, DeleteCommand.self,
            SimulateCommand.self,
            DebugCommand.self,
        ],
        defaultSubcommand: WatchCommand.self
    )

    /// Runs the command; usage errors exit with 2 (as documented for `list`), not ArgumentParser's 64.
    static func main() async {
        MemoryTuning.apply(environment: ProcessInfo.processInfo.environment)
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// The process's one wall clock: every `now` the commands hand to DCSKit (which never reads `Date()`
/// itself) and every time a command reads for itself, so there is one place that says what "now" is.
enum LiveClock {
    /// The current date by the system clock.
    static let now: @Sendable () -> Date = { Date() }
}
