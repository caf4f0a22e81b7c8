import ArgumentParser
import DCSKit
import Foundation

/// `dcswatch show TASK`: one task's list fields, detail, stats and recent logs (issue 5).
/// Exit 0 when the task was found (a missing part is reported in place), 1 when it was not found or
/// the listing failed, 2 on usage and configuration errors or an ambiguous name.
struct ShowCommand: AsyncParsableCommand {
    /// Name, abstract and help text.
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one task by id or exact name: list fields, detail, progress stats, sync and recent logs.",
        discussion: "Passwords from the detail call are never shown. A 404 on the logs call means the cloud does not offer them."
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @OptionGroup var connection: ConnectionOptions

    @OptionGroup var sync: SyncOptions

    @Argument(help: ArgumentHelp("Task id or exact name.", valueName: "task"))
    var task: String

    @Option(help: ArgumentHelp("table or json.", valueName: "format"))
    var output: Format = .table

    /// Runs the command.
    func run() async throws {
        let connections = try connection.connectForScript()
        let match = try await TaskLookup.find([task], in: connections.clients, unknownExit: 1)[0]
        let (client, watched) = (match.client, match.watched)
        let report = await TaskReport.gather(watched, from: client, thresholds: sync.thresholds(config: connections.config))
        StandardOutput.write(output == .json ? try report.json() : report.tableText())
    }
}
