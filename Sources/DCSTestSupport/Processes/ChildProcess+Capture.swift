import Foundation

/// What a child wrote and how it ended, for tests that run a command to its end.
public struct CapturedRun: Sendable {
    /// Its exit status (128 + N for signal N; 137 when its deadline killed it).
    public let status: Int32
    /// Everything it wrote to stdout.
    public let stdout: Data
    /// Everything it wrote to stderr.
    public let stderr: Data

    /// stdout as text.
    public var out: String { String(decoding: stdout, as: UTF8.self) }
    /// stderr as text.
    public var err: String { String(decoding: stderr, as: UTF8.self) }
}

extension ChildProcess {
    /// Runs `arguments` to its end (killed after `deadline` seconds) with stdout and stderr in files of
    /// a scratch folder, never pipes: a pipe can fill while nobody reads it, and a daemon started
    /// meanwhile could hold its write end. Blocking: call it off Swift's cooperative pool
    /// (`captureOffPool`).
    public static func capture(
        _ arguments: [String], environment: [String: String]? = nil, directory: String? = nil, searchPath: Bool = false,
        deadline: TimeInterval = ChildProcess.defaultDeadline
    ) throws -> CapturedRun {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("dcswatch-capture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out")
        let err = scratch.appendingPathComponent("err")
        let child = try ChildProcess(
            arguments, environment: environment, stdout: out.path, stderr: err.path, directory: directory,
            searchPath: searchPath)
        let status = child.wait(deadline: deadline)
        return CapturedRun(status: status, stdout: try Data(contentsOf: out), stderr: try Data(contentsOf: err))
    }

    /// `capture` on a thread of its own, for async tests.
    public static func captureOffPool(
        _ arguments: [String], environment: [String: String]? = nil, directory: String? = nil, searchPath: Bool = false,
        deadline: TimeInterval = ChildProcess.defaultDeadline
    ) async throws -> CapturedRun {
        try await OffPool.run {
            try capture(
                arguments, environment: environment, directory: directory, searchPath: searchPath, deadline: deadline)
        }
    }
}
