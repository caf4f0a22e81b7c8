import ArgumentParser
import DCSKit
import Foundation

/// A write command on any number of tasks (stop, restart, delete): one batch call per target.
protocol BatchActionCommand: AsyncParsableCommand {
    /// The action the command sends.
    static var action: TaskAction { get }
    /// The connection options of `list`.
    var connection: ConnectionOptions { get }
    /// `--write`, `--yes`, `--output`, `--log-file`.
    var options: ActionOptions { get }
    /// The sync thresholds of the sync column.
    var sync: SyncOptions { get }
    /// The task ids or names given.
    var tasks: [String] { get }
}

extension BatchActionCommand {
    /// Finds and checks the tasks, asks, sends, reports.
    func run() async throws {
        let flow = try ActionFlow(action: Self.action, connection: connection, options: options, sync: sync)
        let (rows, _) = try await flow.prepare(tasks)
        try flow.confirm(rows)
        try flow.finish(try await flow.sendBatch(rows))
    }
}

/// `dcswatch stop TASK…`: stops running tasks (issue 17). "success" means delivered: the status
/// reads TERMINATING, then TERMINATED.
struct StopCommand: BatchActionCommand {
    /// Name, abstract and help text.
    static let configuration = CommandConfiguration(
        commandName: "stop", abstract: "Stop running migration tasks (writes: needs --write or allow_write).",
        discussion: ActionFlow.discussion)
    static let action = TaskAction.stop

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var options: ActionOptions
    @OptionGroup var sync: SyncOptions
    @Argument(help: ArgumentHelp("Task ids or exact names.", valueName: "task")) var tasks: [String]
}

/// `dcswatch restart TASK…`: restarts stopped or failed online migrations.
struct RestartCommand: BatchActionCommand {
    /// Name, abstract and help text.
    static let configuration = CommandConfiguration(
        commandName: "restart", abstract: "Restart stopped or failed online migrations (writes).",
        discussion: ActionFlow.discussion)
    static let action = TaskAction.restart

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var options: ActionOptions
    @OptionGroup var sync: SyncOptions
    @Argument(help: ArgumentHelp("Task ids or exact names.", valueName: "task")) var tasks: [String]
}

/// `dcswatch delete TASK…`: deletes finished tasks; a running task is refused.
struct DeleteCommand: BatchActionCommand {
    /// Name, abstract and help text.
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete finished migration tasks (writes; a running task is refused).",
        discussion: ActionFlow.discussion)
    static let action = TaskAction.delete

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var options: ActionOptions
    @OptionGroup var sync: SyncOptions
    @Argument(help: ArgumentHelp("Task ids or exact names.", valueName: "task")) var tasks: [String]
}

/// `dcswatch exchange-ip TASK`: switches the IPs so clients reach the target; refuses a task that is
/// not in sync unless `--force`; waits for EXCHANGE_SUCCESS unless `--no-wait`.
struct ExchangeIPCommand: AsyncParsableCommand {
    /// Name, abstract and help text.
    static let configuration = CommandConfiguration(
        commandName: "exchange-ip", abstract: "Switch the IPs of a migration's instances (writes; the task must be in sync).",
        discussion: ActionFlow.discussion)

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var options: ActionOptions
    @OptionGroup var sync: SyncOptions
    @OptionGroup var switching: SwitchOptions
    @Argument(help: ArgumentHelp("Task id or exact name.", valueName: "task")) var task: String

    @Option(
        name: .customLong("ip"),
        help: ArgumentHelp("An address to switch (repeatable; default: the service's choice).", valueName: "addr"))
    var addresses: [String] = []

    @Flag(help: "Switch the domain names too.") var domain = false

    @Flag(help: "Switch even when the task is not in sync.") var force = false

    /// Runs the command.
    func run() async throws {
        let flow = try ActionFlow(action: .exchangeIP, connection: connection, options: options, sync: sync)
        let interval = switching.interval
        let (rows, _) = try await flow.prepare([task]) { row, thresholds in
            force ? nil : await ActionFlow.notInSync(row, thresholds: thresholds, interval: interval)
        }
        try flow.confirm(rows, detail: addresses.isEmpty ? "" : " (addresses \(addresses.joined(separator: ", ")))")
        let row = rows[0]
        let result = try await row.match.client.exchangeIP(
            taskID: row.match.watched.task.taskID, addresses: addresses, exchangeDomain: domain)
        let entry = ActionReport.Entry(target: row.match.watched.target, taskName: row.match.watched.task.name, result: result)
        let ended = await flow.waitForSwitch(entry, row: row, goal: "EXCHANGE_SUCCESS", options: switching)
        try flow.finish(ActionReport(action: .exchangeIP, entries: [ended]))
    }
}

/// `dcswatch rollback-ip TASK`: rolls a switch of IPs back; waits for ROLLBACK_SUCCESS unless `--no-wait`.
struct RollbackIPCommand: AsyncParsableCommand {
    /// Name, abstract and help text.
    static let configuration = CommandConfiguration(
        commandName: "rollback-ip", abstract: "Roll a switch of IPs back (writes).", discussion: ActionFlow.discussion)

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var options: ActionOptions
    @OptionGroup var sync: SyncOptions
    @OptionGroup var switching: SwitchOptions
    @Argument(help: ArgumentHelp("Task id or exact name.", valueName: "task")) var task: String

    /// Runs the command.
    func run() async throws {
        let flow = try ActionFlow(action: .rollbackIP, connection: connection, options: options, sync: sync)
        let (rows, _) = try await flow.prepare([task])
        try flow.confirm(rows)
        let row = rows[0]
        let result = try await row.match.client.rollbackIP(taskID: row.match.watched.task.taskID)
        let entry = ActionReport.Entry(target: row.match.watched.target, taskName: row.match.watched.task.name, result: result)
        let ended = await flow.waitForSwitch(entry, row: row, goal: "ROLLBACK_SUCCESS", options: switching)
        try flow.finish(ActionReport(action: .rollbackIP, entries: [ended]))
    }
}

extension ActionFlow {
    /// The help text every write command shares.
    static let discussion =
        "TASK is a task id or an exact task name (as for show). Nothing is written unless --write is given or the "
        + "config sets \"allow_write\": true; a target with \"read_only\": true is never written to. On a terminal "
        + "the tasks are listed and you type the action word to go on; --yes skips the question, and without a "
        + "terminal --yes is required. Exit 0 when every task succeeded, 1 when any failed (a line per task with "
        + "the DCS code and message), 2 for usage errors, refusals and cancelling (then nothing was sent)."
}
