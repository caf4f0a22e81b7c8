import DCSKit
import Foundation

extension ActionFlow {
    /// Why a task must not have its IPs switched now: it is not in sync. Asks the stats up to `polls`
    /// times, `interval` apart, and needs the sync tracker's "in sync" (the lag at or below the
    /// threshold for `polls` answers in a row); an answer above the threshold ends the check at once.
    /// Progress goes to stderr.
    static func notInSync(_ row: Row, thresholds: SyncThresholds, interval: Double) async -> String? {
        let task = row.match.watched.task
        var tracker = SyncTracker(thresholds: thresholds, capacity: thresholds.polls + 1)
        for poll in 1...thresholds.polls {
            if poll > 1 {
                printError("dcswatch: checking the sync of \(describe(row)): answer \(poll) of \(thresholds.polls)")
                try? await Task.sleep(for: .seconds(interval))
            }
            guard let stats = try? await row.match.client.stats(taskID: task.taskID) else {
                return "its stats could not be read, so its sync is unknown (--force switches anyway)"
            }
            _ = tracker.observe(stats, task: task, at: LiveClock.now())
            if tracker.isInSync { return nil }
            if tracker.confirmations == 0 { break }
        }
        return "it is not in sync (\(tracker.state.name)): wait with `dcswatch wait --until in-sync`, or pass --force"
    }

    /// Waits until the detail's `task_status` reads `goal` (or a failure), printing each new value to
    /// stderr, and returns the entry with the switch's end: a failure status fails the entry, a
    /// timeout leaves its outcome unknown. An entry that did not succeed is returned as it is.
    func waitForSwitch(_ entry: ActionReport.Entry, row: Row, goal: String, options: SwitchOptions) async
        -> ActionReport.Entry
    {
        guard entry.result.succeeded, !options.noWait else { return entry }
        let timeout = DurationText.parse(options.timeout) ?? 600
        let started = ContinuousClock.now
        var entry = entry
        var shown = ""
        while true {
            let elapsed = ContinuousClock.now - started
            if let detail = try? await row.match.client.detail(taskID: entry.result.taskID) {
                let status = detail.taskStatus.uppercased()
                if status != shown {
                    shown = status
                    printError(
                        "dcswatch: \(action.rawValue) \(Self.describe(row)): task_status "
                            + "\(SafeText.line(status.isEmpty ? "(none)" : status, limit: 40)) after \(Int(elapsed.components.seconds)) s"
                    )
                }
                entry.taskStatus = detail.taskStatus
                if status == goal { return entry }
                if status.contains("FAIL") {
                    entry.result.outcome = .failed(code: nil, message: "the switch ended with task_status \(status)")
                    return entry
                }
            }
            if elapsed >= .seconds(timeout) {
                entry.result.outcome = .unknown(
                    reason: "accepted, but task_status is not \(goal) after \(options.timeout): check the task")
                return entry
            }
            try? await Task.sleep(for: .seconds(options.interval))
        }
    }
}
