/// The fault matrix of issue 7: every fault the simulator can inject, with what each front end must
/// do. docs/RELIABILITY.md shows the same table with the results; keep them in step.
struct FaultCase: Sendable, CustomStringConvertible {
    /// The simulator's fault rule (docs/SIMULATOR.md grammar).
    let rule: String
    /// `list`'s exit status.
    let listExit: Int32
    /// Words `list`'s stderr must contain (case-insensitive); empty for a clean run.
    let message: [String]
    /// Unique tasks `list` must print (out of 40), or nil when it fails.
    let listTasks: Int?
    /// True when the dashboard must show the stale banner while the fault lasts.
    let dashboardBanner: Bool

    var description: String { rule }

    /// 40 tasks, pages of 10, `--request-timeout 1`: see ListFaultMatrixTests.
    static let all: [FaultCase] = [
        FaultCase(rule: "latency:300ms", listExit: 0, message: [], listTasks: 40, dashboardBanner: false),
        FaultCase(rule: "hang", listExit: 1, message: ["no response", "within 1 s"], listTasks: nil, dashboardBanner: true),
        FaultCase(rule: "reset", listExit: 1, message: ["connection"], listTasks: nil, dashboardBanner: true),
        FaultCase(rule: "401", listExit: 1, message: ["401"], listTasks: nil, dashboardBanner: true),
        FaultCase(rule: "403", listExit: 1, message: ["403"], listTasks: nil, dashboardBanner: true),
        FaultCase(rule: "404", listExit: 1, message: ["404"], listTasks: nil, dashboardBanner: true),
        FaultCase(rule: "429:1", listExit: 1, message: ["429"], listTasks: nil, dashboardBanner: true),
        FaultCase(rule: "500", listExit: 1, message: ["500"], listTasks: nil, dashboardBanner: true),
        FaultCase(rule: "html502", listExit: 1, message: ["502"], listTasks: nil, dashboardBanner: true),
        FaultCase(rule: "truncate", listExit: 1, message: ["json"], listTasks: nil, dashboardBanner: true),
        FaultCase(rule: "wrongtypes", listExit: 0, message: [], listTasks: 40, dashboardBanner: false),
        FaultCase(rule: "nulls", listExit: 0, message: [], listTasks: 40, dashboardBanner: false),
        FaultCase(rule: "unknownstatus", listExit: 0, message: [], listTasks: 40, dashboardBanner: false),
        FaultCase(rule: "liecount:25", listExit: 0, message: [], listTasks: 40, dashboardBanner: false),
        FaultCase(rule: "liecount:-25", listExit: 0, message: [], listTasks: 40, dashboardBanner: false),
        FaultCase(rule: "duplicates:3", listExit: 0, message: [], listTasks: 40, dashboardBanner: false),
        FaultCase(rule: "emptypage", listExit: 1, message: ["empty"], listTasks: nil, dashboardBanner: true),
        FaultCase(rule: "longstrings", listExit: 0, message: [], listTasks: 40, dashboardBanner: false),
        FaultCase(rule: "hostile", listExit: 0, message: [], listTasks: 40, dashboardBanner: false),
    ]
}
