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
        var byID: [(DCSClient, WatchedTask)] = []
        var byName: [(DCSClient, WatchedTask)] = []
        var failures = 0
        for client in connections.clients {
            do {
                for item in try await client.listAllTasks().tasks {
                    let watched = WatchedTask(target: client.target.name, task: item)
                    if item.taskID == task {
                        byID.append((client, watched))
                    } else if item.name == task {
                        byName.append((client, watched))
                    }
                }
            } catch {
                failures += 1
                printError("dcswatch: \(SafeText.line(client.target.name, limit: 60)): " + error.oneLineMessage)
            }
        }
        let matches = byID.isEmpty ? byName : byID
        guard let (client, watched) = matches.first else {
            printError(
                "dcswatch: no task has the id or name \(SafeText.line(task, limit: 80))"
                    + (failures > 0 ? " (some targets failed)" : ""))
            throw ExitCode(1)
        }
        guard matches.count == 1 else {
            let ids = matches.map { "\(SafeText.line($0.1.target, limit: 60))/\(SafeText.line($0.1.task.taskID, limit: 80))" }
            printError(
                "dcswatch: \(matches.count) tasks match \(SafeText.line(task, limit: 80)): \(ids.joined(separator: ", ")); give the id, or --target"
            )
            throw ExitCode(2)
        }
        let report = await TaskReport.gather(watched, from: client, thresholds: sync.thresholds(config: connections.config))
        StandardOutput.write(output == .json ? try report.json() : report.tableText())
    }
}
