/// What the script commands (`wait`, `events`) must do under each fault (issue 7's matrix).
extension FaultCase {
    /// What `wait` on a task that has succeeded does while the fault is in force from its start.
    enum WaitOutcome: Sendable {
        /// Exits 0 at once: the fault does not hide the task's status.
        case succeeds
        /// Prints the failure with "(retrying)" on stderr and keeps waiting; exits 0 once the fault clears.
        case retries
        /// The status is unreadable (null, a number, a status no document lists): no message, keeps
        /// waiting, exits 0 once the fault clears.
        case keepsWaiting
    }

    /// `wait`'s outcome: every fault that breaks a listing is retried; the faults that replace the
    /// status leave nothing to judge; the rest do not touch the status of a task among the first 20.
    var waitOutcome: WaitOutcome {
        if dashboardBanner { return .retries }
        switch rule {
        case "wrongtypes", "nulls", "unknownstatus": return .keepsWaiting
        default: return .succeeds
        }
    }
}
