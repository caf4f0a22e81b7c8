import DCSSimulator
import DCSTestSupport
import Foundation

/// Shared helpers of the reliability suite (issue 7): a simulator on 127.0.0.1 with
/// keys of our own (so leaks can be searched for), subprocess runs, and the Python pty probe. The
/// helpers throw rather than record issues: they run on threads of their own (`OffPool.run`).
enum ReliabilityKit {
    /// The access key the test simulator accepts; only its last 4 characters may ever be shown.
    static let accessKey = "RELTESTAKQWERTY00042"
    /// The secret key: must never appear anywhere.
    static let secretKey = "rel-secret-SK-9f8e7d6c5b4a-never-shown"
    /// Credentials as the environment passes them.
    static var credentialEnvironment: [String: String] {
        [
            "HUAWEICLOUD_SDK_AK": accessKey, "HUAWEICLOUD_SDK_SK": secretKey,
            "HUAWEICLOUD_SDK_PROJECT_ID": SimulatorConfiguration.demoProjectID,
        ]
    }

    /// The pty probe script, from the source tree.
    static func probeScript(filePath: String = #filePath) -> String {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Python/ptyprobe.py").path
    }

    /// A scratch directory removed by the caller.
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dcswatch-rel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A config file with one target at `endpoint` and a small page, so paging faults bite.
    static func writeConfig(in directory: URL, endpoint: URL, pageSize: Int = 10) throws -> String {
        let path = directory.appendingPathComponent("config.json")
        try Data(
            """
            {"page_size": \(pageSize), "targets": [{"name": "sim", "endpoint": "\(endpoint.absoluteString)",
              "project_id": "\(SimulatorConfiguration.demoProjectID)"}]}
            """.utf8
        ).write(to: path)
        return path.path
    }
}

/// The outcome of one subprocess run.
struct ProcessRun {
    let status: Int32
    let stdout: Data
    let stderr: Data
    let seconds: TimeInterval
    var out: String { String(decoding: stdout, as: UTF8.self) }
    var err: String { String(decoding: stderr, as: UTF8.self) }
}

extension ReliabilityKit {
    /// Runs `dcswatch` with `arguments` in a clean environment (no credentials of the machine leak in).
    static func run(_ arguments: [String], environment: [String: String] = credentialEnvironment) throws -> ProcessRun {
        let command = try RunningCommand(arguments, environment: environment)
        let status = command.finish(within: ChildProcess.defaultDeadline) ?? 128 + SIGKILL
        return ProcessRun(
            status: status, stdout: command.stdout, stderr: command.stderr, seconds: command.exitSeconds ?? 0)
    }

}
