import ArgumentParser
import DCSKit
import Foundation

/// The options every write command shares (issue 17): the write switch, the confirmation, the output.
struct ActionOptions: ParsableArguments {
    @Flag(help: "Allow writes for this run (else the config's allow_write must be true; a target's read_only wins).")
    var write = false

    @Flag(help: "Do not ask: act at once. Needed when there is no terminal to ask on.")
    var yes = false

    @Option(help: ArgumentHelp("table or json (per-task results).", valueName: "format"))
    var output: ShowCommand.Format = .table

    @Option(
        name: .customLong("log-file"),
        help: ArgumentHelp("Append the audit record of every write (and other logs) to this file.", valueName: "path"))
    var logFile: String?
}

/// The options of the two IP commands, which wait for the switch's end.
struct SwitchOptions: ParsableArguments {
    @Flag(name: .customLong("no-wait"), help: "Return once the call was accepted instead of waiting for the switch's end.")
    var noWait = false

    @Option(help: ArgumentHelp("Stop waiting after this long: 90, 30s, 5m.", valueName: "duration"))
    var timeout: String = "10m"

    @Option(
        help: ArgumentHelp("Seconds between two checks: the sync check's stats answers, then task_status.", valueName: "seconds"))
    var interval: Double = 2

    /// Checks the duration and interval before anything connects.
    func validate() throws {
        guard DurationText.parse(timeout) != nil else {
            throw ValidationError("--timeout must be a duration such as 90, 30s, 5m or 2h")
        }
        guard interval >= TaskMonitor.minimumInterval, interval <= 600 else {
            throw ValidationError("--interval must be between \(TaskMonitor.minimumInterval) and 600 seconds")
        }
    }
}
