import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A tmux server of its own (its own socket, so tests never touch a user's tmux) with one pane running
/// a plain shell; the tests type into it and read its screen. These methods block (each runs tmux to
/// its end): call them off Swift's cooperative pool, or use the `async` overloads of
/// `TmuxSession+Async.swift`, which run them on a thread of their own.
public final class TmuxSession: Sendable {
    /// The tmux socket name (`tmux -L`).
    public let socket: String

    /// True when tmux is installed (CI installs it; see scripts/install-test-deps).
    public static var isAvailable: Bool {
        (try? ChildProcess.run(["tmux", "-V"]).status) == 0
    }

    /// Starts the server with a pane of `columns` × `rows` and waits for the shell's prompt.
    public init(columns: Int, rows: Int) throws {
        socket = "dcswatch-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        try tmux(
            [
                "new-session", "-d", "-x", "\(columns)", "-y", "\(rows)", "-s", "e2e",
                "env -i PATH=/usr/bin:/bin HOME=/tmp TERM=screen-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 bash --norc --noprofile",
            ])
        // Let the window follow our size requests rather than the attached clients (there are none).
        try tmux(["set-option", "-g", "window-size", "manual"])
        try resize(columns: columns, rows: rows)
        try waitFor("shell prompt") { $0.contains("$") || $0.contains("#") }
    }

    deinit {
        _ = try? ChildProcess.run(["tmux", "-L", socket, "kill-server"])
    }

    /// Runs a tmux command against our server; returns its standard output.
    @discardableResult
    public func tmux(_ arguments: [String]) throws -> String {
        let result = try ChildProcess.run(["tmux", "-L", socket] + arguments)
        guard result.status == 0 else {
            throw TestProcessError("tmux \(arguments.joined(separator: " ")) failed: \(result.output)")
        }
        return result.output
    }

    /// Types a line into the pane followed by Enter.
    public func typeLine(_ text: String) throws {
        try tmux(["send-keys", "-t", "e2e", "-l", text])
        try tmux(["send-keys", "-t", "e2e", "Enter"])
    }

    /// Sends tmux key names (`Enter`, `Escape`, `q`, `C-c`).
    public func keys(_ names: [String]) throws {
        try tmux(["send-keys", "-t", "e2e"] + names)
    }

    /// Sends tmux key names, as separate arguments.
    public func keys(_ names: String...) throws {
        try keys(names)
    }

    /// Sends literal text.
    public func literal(_ text: String) throws {
        try tmux(["send-keys", "-t", "e2e", "-l", text])
    }

    /// The pane's visible text.
    public func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", "e2e"])
    }

    /// A tmux format value of the pane, e.g. `#{alternate_on}`.
    public func format(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "e2e", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Resizes the window (the program in the pane gets SIGWINCH).
    public func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", "e2e", "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// Polls the screen until `condition` holds; throws with the last screen after `timeout` seconds.
    @discardableResult
    public func waitFor(_ what: String, timeout: TimeInterval = 15, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            usleep(50_000)
        }
        throw TestProcessError("timed out waiting for \(what); screen was:\n\(last)")
    }

    /// The pid of the program running under the pane's shell, if any.
    public func childPID() throws -> Int32? {
        let shell = try format("#{pane_pid}")
        let result = try ChildProcess.run(["ps", "-o", "pid=", "--ppid", shell])
        return result.output.split(separator: "\n").compactMap { Int32($0.trimmingCharacters(in: .whitespaces)) }.first
    }
}
