import ArgumentParser

/// `dcswatch debug …`: tools for diagnosing a connection.
struct DebugCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debug",
        abstract: "Diagnose signing and connection problems.",
        subcommands: [DebugSignCommand.self, DebugFetchCommand.self]
    )
}
