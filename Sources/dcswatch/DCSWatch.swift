import ArgumentParser
import DCSKit

/// The root command. Running `dcswatch` with no subcommand runs the dashboard (`watch`).
@main
struct DCSWatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dcswatch",
        abstract: "A live terminal dashboard for DCS (Redis) migration tasks on Huawei Cloud and T Cloud Public.",
        version: DCSWatchVersion.current,
        subcommands: [DebugCommand.self, SimulateCommand.self]
    )
}
