import Foundation

/// (A synchronous copy of EndToEndTests/TmuxSession.swift: test targets cannot import each other, and
/// these tests run it on threads of their own, off the concurrency pool.)
/// A tmux server of its own (its own socket, so tests never touch a user's tmux) with one pane running
/// a plain shell; the tests type into it and read its screen.
final class TmuxSession {
    let socket: String
    private(set) var columns: Int
    private(set) var rows: Int

    /// True when tmux is installed (CI installs it; see scripts/install-test-deps).
    static var isAvailable: Bool {
        (try? run(["tmux", "-V"]).status) == 0
    }

    init(columns: Int, rows: Int) throws {
        socket = "dcswatch-rel-\(getpid())-\(UUID().uuidString.prefix(8))"
        self.columns = columns
        self.rows = rows
        try tmux(
            ["new-session", "-d", "-x", "\(columns)", "-y", "\(rows)", "-s", "e2e",
             "env -i PATH=/usr/bin:/bin HOME=/tmp TERM=screen-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 bash --norc --noprofile"])
        // Let the window follow our size requests rather than the attached clients (there are none).
        try tmux(["set-option", "-g", "window-size", "manual"])
        try tmux(["resize-window", "-t", "e2e", "-x", "\(columns)", "-y", "\(rows)"])
        try waitFor("shell prompt") { $0.contains("$") || $0.contains("#") }
    }

    deinit {
        _ = try? tmux(["kill-server"])
    }

    /// Runs a tmux command against our server; returns its standard output.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let result = try Self.run(["tmux", "-L", socket] + arguments)
        guard result.status == 0 else {
            throw E2EError("tmux \(arguments.joined(separator: " ")) failed: \(result.output)")
        }
        return result.output
    }

    /// Types a line into the pane followed by Enter.
    func typeLine(_ text: String) throws {
        try tmux(["send-keys", "-t", "e2e", "-l", text])
        try tmux(["send-keys", "-t", "e2e", "Enter"])
    }

    /// Sends tmux key names (`Enter`, `Escape`, `q`, `C-c`).
    func keys(_ names: String...) throws {
        try tmux(["send-keys", "-t", "e2e"] + names)
    }

    /// Sends literal text.
    func literal(_ text: String) throws {
        try tmux(["send-keys", "-t", "e2e", "-l", text])
    }

    /// The pane's visible text.
    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", "e2e"])
    }

    /// A tmux format value of the pane, e.g. `#{alternate_on}`.
    func format(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "e2e", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func resize(columns: Int, rows: Int) throws {
        self.columns = columns
        self.rows = rows
        try tmux(["resize-window", "-t", "e2e", "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// Polls the screen until `condition` holds; throws with the last screen after `timeout` seconds.
    @discardableResult
    func waitFor(_ what: String, timeout: TimeInterval = 15, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            usleep(50_000)
        }
        throw E2EError("timed out waiting for \(what); screen was:\n\(last)")
    }

    /// The pid of the program running under the pane's shell, if any.
    func childPID() throws -> Int32? {
        let shell = try format("#{pane_pid}")
        let result = try Self.run(["ps", "-o", "pid=", "--ppid", shell])
        return result.output.split(separator: "\n").compactMap { Int32($0.trimmingCharacters(in: .whitespaces)) }.first
    }

    /// Runs a command and returns its status and output. posix_spawn and waitpid rather than
    /// Foundation's Process, whose exit wait hung here once tmux daemonised its server; output goes
    /// through a file, not a pipe, because the forked tmux server would keep a pipe open.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dcswatch-rel-\(UUID().uuidString)").path
        defer { unlink(path) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        // A clean signal mask and default actions: the test runner's threads block most signals, a
        // spawned child inherits that mask, and a tmux server started so never reaps its panes nor
        // obeys kill-server (every session used to outlive the tests).
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
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw E2EError("cannot run \(arguments[0]): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let output = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return (exitStatus, output)
    }
}

struct E2EError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
