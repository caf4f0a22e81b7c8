import Foundation

/// A tmux server of its own (its own socket, so tests never touch a user's tmux) with one pane running
/// a plain shell; the tests type into it and read its screen. Every call is `async` and runs tmux on
/// a thread of its own (`OffPool`), so a round trip never holds a thread of Swift's cooperative pool
/// (as many threads as cores), which the other suites' timing tests need while these run; waits
/// between polls are `Task.sleep`.
public final class TmuxSession: Sendable {
    /// The tmux socket name (`tmux -L`).
    public let socket: String

    private init() {
        socket = "dcswatch-test-\(getpid())-\(UUID().uuidString.prefix(8))"
    }

    /// Starts a server with a pane of `columns` × `rows` and waits for the shell's prompt.
    public static func start(columns: Int, rows: Int) async throws -> TmuxSession {
        let session = TmuxSession()
        try await session.tmux(
            [
                "new-session", "-d", "-x", "\(columns)", "-y", "\(rows)", "-s", "e2e",
                "env -i PATH=/usr/bin:/bin HOME=/tmp TERM=screen-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 bash --norc --noprofile",
            ])
        // Let the window follow our size requests rather than the attached clients (there are none).
        try await session.tmux(["set-option", "-g", "window-size", "manual"])
        try await session.resize(columns: columns, rows: rows)
        try await session.waitFor("shell prompt") { $0.contains("$") || $0.contains("#") }
        return session
    }

    deinit {
        _ = try? ChildProcess.run(["tmux", "-L", socket, "kill-server"])
    }

    /// Runs `arguments` (looked up in PATH) to its end, off the pool.
    public static func run(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await OffPool.run { try ChildProcess.run(arguments) }
    }

    /// Runs a tmux command against our server; returns its standard output.
    @discardableResult
    public func tmux(_ arguments: [String]) async throws -> String {
        let result = try await Self.run(["tmux", "-L", socket] + arguments)
        guard result.status == 0 else {
            throw TestFailure("tmux \(arguments.joined(separator: " ")) failed: \(result.output)")
        }
        return result.output
    }

    /// Types a line into the pane followed by Enter.
    public func typeLine(_ text: String) async throws {
        try await literal(text)
        try await keys("Enter")
    }

    /// Sends tmux key names (`Enter`, `Escape`, `q`, `C-c`).
    public func keys(_ names: String...) async throws {
        try await tmux(["send-keys", "-t", "e2e"] + names)
    }

    /// Sends literal text.
    public func literal(_ text: String) async throws {
        try await tmux(["send-keys", "-t", "e2e", "-l", text])
    }

    /// The pane's visible text.
    public func screen() async throws -> String {
        try await tmux(["capture-pane", "-p", "-t", "e2e"])
    }

    /// A tmux format value of the pane, e.g. `#{alternate_on}`.
    public func format(_ format: String) async throws -> String {
        try await tmux(["display-message", "-p", "-t", "e2e", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Resizes the window (the program in the pane gets SIGWINCH).
    public func resize(columns: Int, rows: Int) async throws {
        try await tmux(["resize-window", "-t", "e2e", "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// Polls the screen until `condition` holds; throws with the last screen after `timeout` seconds.
    @discardableResult
    public func waitFor(_ what: String, timeout: TimeInterval = 15, _ condition: (String) -> Bool) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try await screen()
            if condition(last) { return last }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        throw TestFailure("timed out waiting for \(what); screen was:\n\(last)")
    }

    /// The pid of the program running under the pane's shell, if any.
    public func childPID() async throws -> Int32? {
        let shell = try await format("#{pane_pid}")
        let result = try await Self.run(["ps", "-o", "pid=", "--ppid", shell])
        return result.output.split(separator: "\n").compactMap { Int32($0.trimmingCharacters(in: .whitespaces)) }.first
    }
}
