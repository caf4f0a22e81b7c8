import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A child process started with posix_spawn and reaped by its own pid, for the subprocess tests
/// (EndToEndTests, ReliabilityTests). Foundation's `Process` hung in `waitUntilExit` when many ran at
/// once from test threads, and passes on the test runner's signal mask: a tmux server started so never
/// reaped its panes nor obeyed kill-server. Here every child starts with no signal blocked and default
/// actions, as from a shell; stdin is /dev/null and the standard streams go to files (a pipe would be
/// held open by a daemon such as tmux's server).
public struct ChildProcess: Sendable {
    /// The child's pid.
    public let pid: pid_t

    /// Starts `arguments[0]` (a path, or a name looked up in PATH when `searchPath`) with
    /// `environment` (nil: this process's), stdout to `stdout`, stderr to `stderr` (nil: with stdout).
    public init(
        _ arguments: [String], environment: [String: String]? = nil, stdout: String, stderr: String? = nil,
        searchPath: Bool = false
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if let stderr {
            posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let variables = environment ?? ProcessInfo.processInfo.environment
        let envp: [UnsafeMutablePointer<CChar>?] = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in envp { free(pointer) } }
        var pid: pid_t = 0
        let status =
            searchPath
            ? posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
            : posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard status == 0 else { throw TestProcessError("cannot run \(arguments[0]): error \(status)") }
        self.pid = pid
    }

    /// Waits for the child; its exit status, or 128 + N when signal N ended it. Blocking: call it off
    /// Swift's cooperative pool.
    public func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return Self.exitStatus(status)
    }

    /// The exit status if the child has ended (it is then reaped), else nil; never blocks.
    public func poll() -> Int32? {
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
        return Self.exitStatus(status)
    }

    /// Sends `signal` to the child.
    public func signal(_ signal: Int32) {
        kill(pid, signal)
    }

    /// Runs `arguments` (looked up in PATH) to its end; its status and its stdout and stderr together.
    public static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dcswatch-test-\(UUID().uuidString)").path
        defer { unlink(path) }
        let child = try ChildProcess(arguments, stdout: path, searchPath: true)
        let status = child.wait()
        return (status, (try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
    }

    private static func exitStatus(_ raw: Int32) -> Int32 {
        (raw & 0x7F) == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
    }
}
