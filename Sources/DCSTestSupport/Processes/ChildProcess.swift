import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A child process started with posix_spawn and reaped by its own pid, for the subprocess tests
/// (EndToEndTests, ReliabilityTests). Foundation's `Process` hung in `waitUntilExit` when many ran at
/// once from test threads, and passes on the test runner's signal mask: a tmux server started so never
/// reaped its panes nor obeyed kill-server. Here every child starts with no signal blocked and default
/// actions, as from a shell; stdin is /dev/null and the standard streams go to files (a pipe would be
/// held open by a daemon such as tmux's server). No other descriptor of the test process is passed on:
/// a tmux server started while another test holds a pipe open would otherwise keep that pipe's write
/// end, and the reader would never see its end.
///
/// Every wait has a deadline: a child that outlives it is killed (and says so on stderr), so a hang
/// becomes a failing test with a message instead of a test run that never ends (CI has 90 minutes).
///
/// `@unchecked Sendable`: the one mutable field, the exit status once reaped, is guarded by `lock`.
/// Remembering it matters: a reaped pid may be reused by another process, so after the end `poll`
/// and `wait` answer from memory and `signal` sends nothing.
public final class ChildProcess: @unchecked Sendable {
    /// The child's pid.
    public let pid: pid_t
    private let lock = NSLock()
    private var ended: Int32?

    /// Starts `arguments[0]` (a path, or a name looked up in PATH when `searchPath`) with
    /// `environment` (nil: this process's) in `directory` (nil: this one), stdout to `stdout`, stderr
    /// to `stderr` (nil: with stdout).
    public init(
        _ arguments: [String], environment: [String: String]? = nil, stdout: String, stderr: String? = nil,
        directory: String? = nil, searchPath: Bool = false
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
        guard Self.closeFrom(&actions, 3) == 0 else { throw TestFailure("posix_spawn cannot close descriptors") }
        if let directory {
            guard Self.changeDirectory(&actions, directory) == 0 else { throw TestFailure("cannot use \(directory)") }
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
        guard status == 0 else { throw TestFailure("cannot run \(arguments[0]): error \(status)") }
        self.pid = pid
        self.command = arguments.prefix(3).joined(separator: " ")
    }

    /// The first words of the command line, for the message when a wait runs out.
    private let command: String

    /// The longest any test waits for one child: far above every test's own bounds (a few seconds to
    /// a minute), so only a hang reaches it.
    public static let defaultDeadline: TimeInterval = 240

    /// Waits for the child; its exit status, or 128 + N when signal N ended it. A child still running
    /// after `deadline` seconds is killed (SIGKILL, status 137) with a line on stderr. Blocking: call it
    /// off Swift's cooperative pool.
    public func wait(deadline: TimeInterval = ChildProcess.defaultDeadline) -> Int32 {
        let end = Date().addingTimeInterval(deadline)
        var pause: useconds_t = 1_000
        while Date() < end {
            if let status = poll() { return status }
            usleep(pause)
            pause = min(pause * 2, 50_000)
        }
        if let status = poll() { return status }
        FileHandle.standardError.write(
            Data("ChildProcess: `\(command)` (pid \(pid)) still running after \(Int(deadline)) s; killed\n".utf8))
        signal(SIGKILL)
        // SIGKILL ends anything but a process stuck in the kernel; that one is left behind, not waited for.
        for _ in 0..<3_000 {
            if let status = poll() { return status }
            usleep(10_000)
        }
        return 128 + SIGKILL
    }

    /// The exit status if the child has ended (it is then reaped), else nil; never blocks.
    public func poll() -> Int32? {
        lock.withLock {
            if let ended { return ended }
            var status: Int32 = 0
            var result: pid_t
            repeat { result = waitpid(pid, &status, WNOHANG) } while result < 0 && errno == EINTR
            guard result == pid else { return nil }
            ended = Self.exitStatus(status)
            return ended
        }
    }

    /// Sends `signal` to the child, unless it has been reaped (its pid may belong to another process).
    public func signal(_ signal: Int32) {
        lock.withLock {
            if ended == nil { kill(pid, signal) }
        }
    }

    /// Runs `arguments` (looked up in PATH) to its end, killed after `deadline` seconds; its status and
    /// its stdout and stderr together.
    public static func run(_ arguments: [String], deadline: TimeInterval = 60) throws -> (status: Int32, output: String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dcswatch-test-\(UUID().uuidString)").path
        defer { unlink(path) }
        let child = try ChildProcess(arguments, stdout: path, searchPath: true)
        let status = child.wait(deadline: deadline)
        return (status, (try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
    }

    // glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34) and `…_addchdir_np` (2.29) are declared
    // only under _GNU_SOURCE, which Swift's Glibc module does not define: looked up by name instead.
    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private typealias ChangeDirectory =
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    private static func closeFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ lowest: Int32) -> Int32 {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else {
            return -1
        }
        return unsafeBitCast(symbol, to: CloseFrom.self)(actions, lowest)
    }

    private static func changeDirectory(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ path: String)
        -> Int32
    {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np") else {
            return -1
        }
        return unsafeBitCast(symbol, to: ChangeDirectory.self)(actions, path)
    }

    private static func exitStatus(_ raw: Int32) -> Int32 {
        (raw & 0x7F) == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
    }
}
