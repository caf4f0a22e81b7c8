import ArgumentParser
import DCSKit
import Foundation
import Logging

/// The one sequence of every write command (issue 17): find the tasks, check that writes are on for
/// their targets and that their status allows the action, list them and ask for the action word,
/// send, log each result as an audit record, print a line per task (or JSON). Nothing is sent when
/// any check refuses (exit 2), when the user does not type the word (exit 2), or when there is no
/// terminal to ask on and no `--yes` (exit 2). Exit 0 when every task succeeded, 1 otherwise.
struct ActionFlow {
    /// One task the command acts on.
    struct Row {
        /// The task and its client.
        let match: TaskLookup.Match
        /// The sync state from one stats answer ("" when the task is not a running online migration).
        let sync: String
    }

    let action: TaskAction
    let connection: ConnectionOptions
    let options: ActionOptions
    let sync: SyncOptions
    /// The audit log (`--log-file`), opened before anything is sent: a log that cannot be written
    /// stops the command while nothing has happened yet.
    let logger: Logger

    /// Builds the flow; exits 2 when `--log-file` cannot be opened.
    init(action: TaskAction, connection: ConnectionOptions, options: ActionOptions, sync: SyncOptions) throws {
        self.action = action
        self.connection = connection
        self.options = options
        self.sync = sync
        do {
            self.logger = try WatchCommand.makeLogger(path: options.logFile)
        } catch {
            printError("dcswatch: \(error); nothing was sent")
            throw ExitCode(2)
        }
    }

    /// Finds and checks the tasks; throws `ExitCode(2)` after printing why when any check refuses.
    /// `extraCheck` adds the command's own refusals (the IP switch's sync check).
    func prepare(
        _ wanted: [String], extraCheck: (Row, SyncThresholds) async -> String? = { _, _ in nil }
    ) async throws -> (rows: [Row], config: DCSWatchConfig) {
        let connections = try connection.connectForScript()
        let permission = WritePermission(writeFlag: options.write, config: connections.config)
        let thresholds = sync.thresholds(config: connections.config)
        let matches = try await TaskLookup.find(wanted, in: connections.clients)
        var checked: Set<String> = []
        for match in matches where checked.insert(match.client.target.name).inserted {
            if let refusal = permission.refusal(for: match.client.target) {
                printError("dcswatch: " + refusal)
                throw ExitCode(2)
            }
        }
        var rows: [Row] = []
        for match in matches {
            // The sync column is for the question only: with --yes no stats call is spent on it.
            let sync = options.yes ? "" : await Self.syncState(of: match, thresholds: thresholds)
            rows.append(Row(match: match, sync: sync))
        }
        var refusals: [String] = []
        for row in rows {
            let task = row.match.watched.task
            var reason = action.refusal(for: task.status.category, status: task.status.raw)
            if reason == nil { reason = await extraCheck(row, thresholds) }
            if let reason {
                refusals.append("dcswatch: \(action.rawValue) \(Self.describe(row)): \(reason)")
            }
        }
        guard refusals.isEmpty else {
            refusals.forEach(printError)
            printError("dcswatch: nothing was sent")
            throw ExitCode(2)
        }
        return (rows, connections.config)
    }

    /// Lists the tasks and asks for the action word on the terminal, unless `--yes`; throws
    /// `ExitCode(2)` when there is no terminal to ask on or the answer is not the word.
    func confirm(_ rows: [Row], detail: String = "") throws {
        guard !options.yes else { return }
        guard isatty(STDIN_FILENO) == 1 else {
            printError(
                "dcswatch: \(action.rawValue) needs a confirmation and there is no terminal to ask on: "
                    + "pass --yes to act without asking; nothing was sent")
            throw ExitCode(2)
        }
        printError("dcswatch: \(action.rawValue)\(detail) — \(rows.count) task\(rows.count == 1 ? "" : "s"):")
        printError("  NAME  ID  TARGET  STATUS  SYNC")
        for row in rows {
            let task = row.match.watched.task
            printError(
                "  \(SafeText.line(task.name, limit: 60))  \(SafeText.line(task.taskID, limit: 80))  "
                    + "\(SafeText.line(row.match.watched.target, limit: 40))  \(SafeText.line(task.status.raw, limit: 30))  "
                    + (row.sync.isEmpty ? "-" : row.sync))
        }
        FileHandle.standardError.write(Data("Type \(action.confirmationWord) to go on (anything else cancels): ".utf8))
        guard readLine()?.trimmingCharacters(in: .whitespaces) == action.confirmationWord else {
            printError("dcswatch: cancelled; nothing was sent")
            throw ExitCode(2)
        }
    }

    /// Logs the audit records, prints the report, and exits 1 unless every task succeeded.
    func finish(_ report: ActionReport) throws {
        Self.audit(report, to: logger)
        if options.output == .json {
            StandardOutput.writeLine(try report.json())
        } else {
            report.lines.forEach(StandardOutput.writeLine)
        }
        if !report.allSucceeded { throw ExitCode(1) }
    }

    /// Writes the audit record of each task's write to the log file (also the dashboard's).
    static func audit(_ report: ActionReport, to logger: Logger) {
        for line in report.auditLines { logger.notice("write \(line)") }
    }

    /// Sends stop, restart or delete per target (in the order the tasks were given) and gathers the report.
    func sendBatch(_ rows: [Row]) async throws -> ActionReport {
        var entries: [ActionReport.Entry] = []
        var targets: [String] = []
        for row in rows where !targets.contains(row.match.watched.target) { targets.append(row.match.watched.target) }
        for target in targets {
            let group = rows.filter { $0.match.watched.target == target }
            let (client, ids) = (group[0].match.client, group.map(\.match.watched.task.taskID))
            let results = try await client.perform(action, taskIDs: ids)
            entries += zip(group, results).map {
                ActionReport.Entry(target: target, taskName: $0.match.watched.task.name, result: $1)
            }
        }
        return ActionReport(action: action, entries: entries)
    }

    /// `NAME (ID) on TARGET`, sanitised.
    static func describe(_ row: Row) -> String {
        let task = row.match.watched.task
        return "\(SafeText.line(task.name, limit: 60)) (\(SafeText.line(task.taskID, limit: 80))) on "
            + SafeText.line(row.match.watched.target, limit: 60)
    }

    /// The sync state one stats answer gives a running online migration; "" for any other task, and
    /// "unknown" when the stats call fails.
    static func syncState(of match: TaskLookup.Match, thresholds: SyncThresholds) async -> String {
        let task = match.watched.task
        guard task.status.category == .running, task.migrationType == .onlineMigration else { return "" }
        guard let stats = try? await match.client.stats(taskID: task.taskID) else { return "unknown" }
        var tracker = SyncTracker(thresholds: thresholds, capacity: 2)
        _ = tracker.observe(stats, task: task, at: .distantPast)
        return tracker.state.name
    }
}
