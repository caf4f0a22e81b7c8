import ArgumentParser
import DCSKit
import DCSSimulator
import Dispatch
import Foundation
import Logging

/// `dcswatch simulate`: runs the DCS API simulator in the foreground for rehearsals and scripts.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run a local simulator of the DCS migration API (and a fake IAM) until Ctrl-C.",
        discussion: """
            Serves GET /v2/{project_id}/migration-tasks, …/migration-task/{id}, …/stats and …/logs,
            and POST /v3/auth/tokens, on 127.0.0.1 only, with SDK-HMAC-SHA256 and X-Auth-Token checks.
            One line per request (method, path, status, milliseconds) goes to stderr.

            Faults (--fault, repeatable; switch them at run time with POST /_sim/faults
            {"faults": ["500@every:3"]}, DELETE /_sim/faults to clear):
            \(FaultRule.grammar)
            """
    )

    @Option(name: .long, help: "TCP port on 127.0.0.1 (0 picks a free one).")
    var port: UInt16 = 0

    @Option(name: .long, help: "Tasks present at start (more appear over time).")
    var tasks: Int = 40

    @Option(name: .long, help: "Scenario seed: the same seed gives the same tasks.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "How much faster than real time migrations progress (0 freezes them).")
    var speed: Double = 1

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Extra seconds before every API answer, a cloud-like round trip (e.g. 0.05); other connections go on.",
            valueName: "seconds"))
    var latency: Double = 0

    @Option(name: .long, help: "Fault to inject, e.g. 500@every:3 or hang@window:10s-20s (repeatable).")
    var fault: [String] = []

    @Option(name: .customLong("project-id"), help: "Project id accepted in paths.")
    var projectID: String = SimulatorConfiguration.demoProjectID

    @Option(name: .customLong("ak"), help: "Access key to accept (default: the demo key).")
    var accessKey: String = SimulatorConfiguration.demoAccessKey

    @Option(name: .customLong("sk"), help: "Secret key to check signatures with (default: the demo key).")
    var secretKey: String = SimulatorConfiguration.demoSecretKey

    func validate() throws {
        guard (1...100_000).contains(tasks) else { throw ValidationError("--tasks must be between 1 and 100000.") }
        guard speed >= 0, speed <= 100_000, speed.isFinite else {
            throw ValidationError("--speed must be between 0 (frozen) and 100000.")
        }
        guard latency >= 0, latency <= 60, latency.isFinite else {
            throw ValidationError("--latency must be between 0 and 60 seconds.")
        }
        guard !projectID.isEmpty, projectID.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
            throw ValidationError("--project-id must be letters, digits or '-'.")
        }
        guard !accessKey.isEmpty, !secretKey.isEmpty else { throw ValidationError("--ak and --sk must not be empty.") }
        for text in fault {
            do { _ = try FaultRule.parse(text) } catch { throw ValidationError(error.userMessage) }
        }
    }

    func run() async throws {
        var rules: [FaultRule] = []
        for text in fault { rules.append(try FaultRule.parse(text)) }
        let configuration = SimulatorConfiguration(
            taskCount: tasks, seed: seed, speed: speed, projectID: projectID, accessKey: accessKey,
            secretKey: secretKey,
            faults: rules, latency: latency)
        var logger = Logger(label: "dcswatch.simulate") { label in StreamLogHandler.standardError(label: label) }
        logger.logLevel = .info
        let server = SimulatorServer(configuration: configuration, logger: logger)
        let url = try await server.start(port: port)
        // Written unbuffered: scripts and tmux tests read the URL from a pipe while the simulator runs.
        StandardOutput.writeLine(SimulateCommand.banner(url: url, configuration: configuration, faults: rules))
        await SimulateCommand.waitForTermination()
        FileHandle.standardError.write(Data("stopping the simulator…\n".utf8))
        await server.stop()
    }

    /// What to copy: the endpoint, the project, and credentials as the official SDKs' variables. The
    /// secret key is printed only when it is the demo key (not a secret); a user-supplied SK is not.
    static func banner(url: URL, configuration: SimulatorConfiguration, faults: [FaultRule]) -> String {
        let isDemoKey = configuration.secretKey == SimulatorConfiguration.demoSecretKey
        var lines = [
            "DCS simulator listening on \(url.absoluteString)  (Ctrl-C to stop)",
            "",
            "  endpoint (DCS and IAM): \(url.absoluteString)",
            "  export HUAWEICLOUD_SDK_PROJECT_ID=\(configuration.projectID)",
            "  export HUAWEICLOUD_SDK_AK=\(configuration.accessKey)",
            isDemoKey
                ? "  export HUAWEICLOUD_SDK_SK=\(configuration.secretKey)"
                : "  export HUAWEICLOUD_SDK_SK=…  (the --sk you passed)",
            "",
            "  token mode: POST \(url.absoluteString)/v3/auth/tokens as user \(configuration.iamUser), domain \(configuration.iamDomain)"
                + (configuration.iamPassword == SimulatorConfiguration.demoIAMPassword
                    ? ", password \(configuration.iamPassword)" : ""),
            "  \(configuration.taskCount) tasks, seed \(configuration.seed), speed ×\(configuration.speed)"
                + (configuration.latency > 0 ? ", latency \(configuration.latency) s" : ""),
        ]
        if !faults.isEmpty { lines.append("  faults: " + faults.map(\.text).joined(separator: "  ")) }
        return lines.joined(separator: "\n")
    }

    /// Returns on the first SIGINT or SIGTERM (handled by DispatchSource, so the default handlers that
    /// would kill the process without stopping the server are switched off first).
    static func waitForTermination() async {
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let queue = DispatchQueue(label: "dcswatch.simulate.signals")
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let once = ResumeOnce(continuation)
            for number in [SIGINT, SIGTERM] {
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler { once.resume() }
                source.resume()
                SignalSources.keep(source)
            }
        }
    }
}

/// Resumes a continuation once, whichever signal comes first.
/// `@unchecked Sendable`: the flag is only touched on the one serial signal queue.
private final class ResumeOnce: @unchecked Sendable {
    private var continuation: CheckedContinuation<Void, Never>?

    init(_ continuation: CheckedContinuation<Void, Never>) {
        self.continuation = continuation
    }

    func resume() {
        continuation?.resume()
        continuation = nil
    }
}

/// Keeps the signal sources alive for the life of the process (a released source stops delivering).
/// `nonisolated(unsafe)` storage guarded by `lock`: sources are added from the caller's task.
private enum SignalSources {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []
    private static let lock = NSLock()

    static func keep(_ source: any DispatchSourceSignal) {
        lock.withLock { sources.append(source) }
    }
}
