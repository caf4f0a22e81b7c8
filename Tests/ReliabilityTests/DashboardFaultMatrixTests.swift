import DCSTestSupport
import Foundation
import Testing

/// The dashboard (the real binary in tmux) against the simulator (a subprocess): first good data,
/// then a fault switched on over the control endpoint, then cleared. While it lasts: the stale banner
/// with a message (or, for faults in the data, no banner and no harm), the last good tasks still
/// listed, no crash; once it clears: the banner goes and fresh data comes. Then `q` exits 0. Secrets
/// never reach the screen or the log file.
@Suite(
    "Fault matrix: dashboard",
    .requires(.dcswatch, .tmux))
struct DashboardFaultMatrixTests {
    /// Long enough for a failing refresh: 4 attempts of 1 s plus 1 + 2 + 4 s of backoff, on a busy machine.
    static let faultTimeout: TimeInterval = 45

    /// What the screen showed at each stage.
    struct Observed: Sendable {
        var banner: String?
        var screensUnderFault: [String] = []
        var recovered = ""
        var log = Data()
        var passwords: [String] = []
    }

    @Test(arguments: FaultCase.all)
    func dashboardUnderFault(_ fault: FaultCase) async throws {
        let seen = try await ReliabilityKit.gated { try await Self.observe(fault) }
        if fault.dashboardBanner {
            let screen = try #require(seen.banner)
            // The last good data stays. `emptypage` may start in the middle of a listing: the client
            // ends a listing at an empty page after the first (DECISIONS: paging), so that refresh
            // succeeds with fewer tasks, and the next ones fail on the empty first page.
            let kept =
                screen.contains("40 tasks")
                || (fault.rule == "emptypage" && screen.contains("0 tasks") && !screen.contains(" 0 tasks"))
            #expect(kept, "last good data kept: \(screen)")
            let banner = screen.split(separator: "\n").first { $0.contains("STALE") }.map(String.init) ?? ""
            for word in fault.message {
                #expect(banner.lowercased().contains(word), "\(fault.rule): banner \(banner)")
            }
            // The banner ends "retry in N s" unless a long message filled the line.
            #expect(banner.contains("retry in") || banner.hasSuffix("…"), "\(banner)")
        } else {
            #expect(seen.banner == nil, "\(fault.rule): \(seen.banner ?? "")")
            for screen in seen.screensUnderFault {
                #expect(!screen.contains("EXITED="), "\(fault.rule) ended the dashboard: \(screen)")
            }
        }
        for screen in seen.screensUnderFault {
            #expect(!screen.contains("pwned") && !screen.contains("ZWNob"), "\(screen)")
        }
        #expect(seen.recovered.contains("EXITED=0"))
        let screens = (seen.screensUnderFault + [seen.banner ?? "", seen.recovered]).joined(separator: "\n")
        LeakScan.expectClean(Data(screens.utf8) + seen.log, passwords: seen.passwords, context: "dashboard \(fault.rule)")
    }

    /// Drives one fault through tmux.
    static func observe(_ fault: FaultCase) async throws -> Observed {
        let simulator = try await ReliabilityKit.simulator()
        defer { simulator.stop() }
        let directory = try ReliabilityKit.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let logFile = directory.appendingPathComponent("dcswatch.log").path
        let script = try writeLaunchScript(in: directory, endpoint: simulator.url, extra: ["--log-file", logFile])
        let session = try await TmuxSession.start(columns: 160, rows: 30)
        try await session.typeLine("clear; sh \(script); echo EXITED=$?")
        try await session.waitFor("first data", timeout: 30) { $0.contains("40 tasks") && $0.contains("updated") }

        var seen = Observed(passwords: simulator.passwords)
        try simulator.setFaults([fault.rule])
        if fault.dashboardBanner {
            seen.banner = try await session.waitFor("the stale banner for \(fault.rule)", timeout: faultTimeout) {
                $0.contains("STALE")
            }
        } else {
            // Several refreshes under the fault (0.2 s apart): still running, no banner.
            let until = Date().addingTimeInterval(3)
            while Date() < until {
                let screen = try await session.screen()
                seen.screensUnderFault.append(screen)
                if screen.contains("STALE") { seen.banner = screen }
                try await Task.sleep(nanoseconds: 250_000_000)
            }
        }
        try simulator.setFaults([])
        try await session.waitFor("recovery after clearing \(fault.rule)", timeout: faultTimeout) {
            !$0.contains("STALE") && $0.contains("40 tasks") && $0.contains("updated")
        }
        try await session.keys("q")
        seen.recovered = try await session.waitFor("exit 0", timeout: 10) { $0.contains("EXITED=") }
        seen.log = (try? Data(contentsOf: URL(fileURLWithPath: logFile))) ?? Data()
        return seen
    }

    /// A shell script that exports our keys and runs the dashboard (keeps the keys off the screen).
    static func writeLaunchScript(in directory: URL, endpoint: URL, extra: [String] = []) throws -> String {
        let binary = try DCSWatchBinary.path()
        let config = try ReliabilityKit.writeConfig(in: directory, endpoint: endpoint)
        let exports = ReliabilityKit.credentialEnvironment.map { "export \($0.key)='\($0.value)'" }.joined(separator: "\n")
        let arguments = (["watch", "--config", config, "--interval", "0.2", "--request-timeout", "1"] + extra)
            .map { "'\($0)'" }.joined(separator: " ")
        let path = directory.appendingPathComponent("run.sh")
        try Data("\(exports)\nexec '\(binary)' \(arguments)\n".utf8).write(to: path)
        return path.path
    }
}
