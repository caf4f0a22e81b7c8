import DCSSimulator
import DCSTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `dcswatch wait` and `dcswatch events`, the real binary against the simulator (a subprocess), with
/// each fault. `events` runs from before the fault: it reports the failure with "(retrying)" (or,
/// for faults in the data, keeps running), says "recovered" once the fault clears, and ends with 0
/// on SIGTERM. `wait` on a task that has succeeded starts under the fault: it retries or keeps
/// waiting as `FaultCase.waitOutcome` says, and exits 0 once the fault clears. Neither hangs, crashes,
/// writes a raw control byte or shows a secret.
@Suite("Fault matrix: wait and events", .requires(.dcswatch))
struct ScriptFaultMatrixTests {
    /// Long enough for a failing refresh: 4 attempts of 1 s plus 1 + 2 + 4 s of backoff, on a busy machine.
    static let faultTimeout: TimeInterval = 45

    /// A task that has succeeded, among the first 20 listed (so `liecount:-25`, which ends the listing
    /// at 20 tasks, still shows it). The scenario is a function of the seed.
    static let succeededTaskID =
        SimulatorRouter(configuration: SimulatorConfiguration(taskCount: 40)).snapshots().prefix(20)
        .first { $0.status == "SUCCESS" }?.task.id ?? ""

    /// The common options: small pages, a 1 s request timeout, refreshes every 0.5 s.
    static func options(config: String) -> [String] {
        ["--config", config, "--request-timeout", "1", "--interval", "0.5"]
    }

    /// What both commands did at each stage.
    struct Observed: Sendable {
        var waitStatusUnderFault: Int32?
        var waitErrUnderFault = ""
        var waitStatus: Int32?
        var waitOut = Data()
        var waitErr = Data()
        var eventsRanUnderFault = false
        var eventsErrUnderFault = ""
        var eventsRecovered = false
        var eventsStatus: Int32?
        var eventsOut = Data()
        var eventsErr = Data()
        var passwords: [String] = []
        var waitSeconds: TimeInterval?
        var url = ""
    }

    @Test(arguments: FaultCase.all)
    func waitAndEventsUnderFault(_ fault: FaultCase) async throws {
        try #require(!Self.succeededTaskID.isEmpty, "the scenario has no succeeded task among the first 20")
        let seen = try await OffPool.run { try ReliabilityKit.gated { try Self.observe(fault) } }
        let waitErr = String(decoding: seen.waitErr, as: UTF8.self)
        let waitOut = String(decoding: seen.waitOut, as: UTF8.self)
        switch fault.waitOutcome {
        case .succeeds:
            #expect(
                seen.waitStatusUnderFault == 0,
                "\(fault.rule): wait \(String(describing: seen.waitStatusUnderFault)): \(waitErr.prefix(600))")
        case .retries:
            #expect(seen.waitStatusUnderFault == nil, "\(fault.rule): wait ended under the fault: \(waitErr.prefix(600))")
            #expect(seen.waitErrUnderFault.contains("(retrying)"), "\(fault.rule): \(seen.waitErrUnderFault.prefix(600))")
            for word in fault.message {
                #expect(
                    seen.waitErrUnderFault.lowercased().contains(word),
                    "\(fault.rule): wait lacks \(word): \(seen.waitErrUnderFault.prefix(600))")
            }
            #expect(waitErr.contains(": recovered"), "\(fault.rule): \(waitErr.suffix(400))")
        case .keepsWaiting:
            #expect(seen.waitStatusUnderFault == nil, "\(fault.rule): wait ended under the fault: \(waitErr.prefix(600))")
            #expect(!seen.waitErrUnderFault.contains("retrying"), "\(fault.rule): \(seen.waitErrUnderFault.prefix(600))")
        }
        #expect(seen.waitStatus == 0, "\(fault.rule): wait \(String(describing: seen.waitStatus)): \(waitErr.suffix(600))")
        #expect(waitOut.contains(Self.succeededTaskID) && waitOut.contains("SUCCESS"), "\(fault.rule): \(waitOut.prefix(400))")

        let eventsErr = String(decoding: seen.eventsErr, as: UTF8.self)
        let eventsOut = String(decoding: seen.eventsOut, as: UTF8.self)
        #expect(seen.eventsRanUnderFault, "\(fault.rule): events ended under the fault: \(eventsErr.suffix(600))")
        if fault.dashboardBanner {
            #expect(seen.eventsErrUnderFault.contains("(retrying)"), "\(fault.rule): \(seen.eventsErrUnderFault.suffix(600))")
            for word in fault.message {
                #expect(seen.eventsErrUnderFault.lowercased().contains(word), "\(fault.rule): events lacks \(word)")
            }
            #expect(seen.eventsRecovered, "\(fault.rule): no recovery: \(eventsErr.suffix(600))")
            // A failed refresh keeps the last tasks: no task seems to vanish and come back. `emptypage`
            // may first end one listing early (see the dashboard matrix), which does report tasks gone.
            if fault.rule != "emptypage" { #expect(!eventsOut.contains("gone"), "\(fault.rule): \(eventsOut.prefix(600))") }
        } else {
            #expect(!eventsErr.contains("retrying"), "\(fault.rule): \(eventsErr.prefix(600))")
        }
        #expect(seen.eventsStatus == 0, "\(fault.rule): events after SIGTERM: \(String(describing: seen.eventsStatus))")

        MatrixReport.append(Self.row(fault, seen))
        for (name, bytes) in [("wait", seen.waitOut + seen.waitErr), ("events", seen.eventsOut + seen.eventsErr)] {
            #expect(
                String(decoding: bytes, as: UTF8.self).split(separator: "\n").allSatisfy { $0.count <= 800 },
                "\(name) \(fault.rule)")
            LeakScan.expectNoHostileBytes(bytes, context: "\(name) \(fault.rule)")
            LeakScan.expectClean(bytes, passwords: seen.passwords, context: "\(name) \(fault.rule)")
        }
    }

    /// Drives one fault through both commands; blocking.
    static func observe(_ fault: FaultCase) throws -> Observed {
        let simulator = try ReliabilityKit.startSimulator()
        defer { simulator.stop() }
        let directory = try ReliabilityKit.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = try ReliabilityKit.writeConfig(in: directory, endpoint: simulator.url)
        var seen = Observed(passwords: simulator.passwords)

        let events = try RunningCommand(["events"] + options(config: config))
        guard events.waitFor(30, { $1.contains("watching 40 tasks") }) else {
            throw TestFailure("events: no baseline: \(events.err.suffix(400))")
        }
        try simulator.setFaults([fault.rule])
        let wait = try RunningCommand(["wait", succeededTaskID, "--timeout", "120s"] + options(config: config))
        if fault.dashboardBanner {
            _ = wait.waitFor(faultTimeout) { $1.contains("(retrying)") }
            _ = events.waitFor(faultTimeout) { $1.contains("(retrying)") }
        } else {
            // Several refreshes (0.5 s apart) under the fault; a run that must end may take longer on a
            // slow machine (20,000-character strings under TSan took over 4 s).
            _ = wait.exitStatus(within: fault.waitOutcome == .succeeds ? 20 : 4)
        }
        seen.waitStatusUnderFault = wait.poll()
        seen.waitErrUnderFault = wait.err
        seen.eventsRanUnderFault = events.poll() == nil
        seen.eventsErrUnderFault = events.err

        try simulator.setFaults([])
        seen.waitStatus = wait.exitStatus(within: faultTimeout)
        seen.waitSeconds = wait.exitSeconds
        seen.url = simulator.url.absoluteString
        if fault.dashboardBanner {
            seen.eventsRecovered = events.waitFor(faultTimeout) { $1.contains(": recovered") }
        } else {
            _ = events.exitStatus(within: 1.5)
        }
        events.signal(SIGTERM)
        seen.eventsStatus = events.exitStatus(within: 5)
        (seen.waitOut, seen.waitErr, seen.eventsOut, seen.eventsErr) = (wait.stdout, wait.stderr, events.stdout, events.stderr)
        return seen
    }

    /// One row of docs/RELIABILITY.md's table for `wait` and `events`, from what was observed.
    static func row(_ fault: FaultCase, _ seen: Observed) -> String {
        func firstMessage(_ text: String) -> String {
            let line = text.split(separator: "\n").first { $0.contains("(retrying)") }.map(String.init) ?? ""
            let port = seen.url.replacingOccurrences(of: "http://", with: "")
            let short = line.replacingOccurrences(of: port, with: "127.0.0.1:P").replacingOccurrences(
                of: "dcswatch: sim: ", with: "")
            return short.isEmpty ? "—" : "`" + String(short.prefix(70)) + (short.count > 70 ? "… (retrying)`" : "`")
        }
        let status = { (code: Int32?) in code.map { "exit \($0)" } ?? "running" }
        let waitErr = String(decoding: seen.waitErr, as: UTF8.self)
        let eventsErr = String(decoding: seen.eventsErr, as: UTF8.self)
        let eventsMessage = firstMessage(seen.eventsErrUnderFault)
        let seconds = seen.waitSeconds.map { String(format: "%.0f s", $0) } ?? "-"
        return "| `\(fault.rule)` | \(status(seen.waitStatusUnderFault)) | \(firstMessage(seen.waitErrUnderFault)) | "
            + "\(status(seen.waitStatus))\(waitErr.contains(": recovered") ? ", `recovered`" : "") in \(seconds) | "
            + "\(seen.eventsRanUnderFault ? "running" : "ended"), \(eventsMessage == "—" ? "no message" : eventsMessage == firstMessage(seen.waitErrUnderFault) ? "the same message" : eventsMessage) | "
            + "\(seen.eventsRecovered || eventsErr.contains(": recovered") ? "`recovered`" : "—") | "
            + "\(status(seen.eventsStatus)) |"
    }
}
