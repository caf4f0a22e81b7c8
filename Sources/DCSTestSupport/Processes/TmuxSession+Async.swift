import Foundation

/// The same calls for async tests: each runs the blocking one on a thread of its own, so a tmux round
/// trip never holds a thread of Swift's cooperative pool (as many threads as cores), which the other
/// suites' timing tests need while these run. Waits between polls are `Task.sleep`.
extension TmuxSession {
    /// Starts a session (see `init(columns:rows:)`) off the pool.
    public static func start(columns: Int, rows: Int) async throws -> TmuxSession {
        try await OffPool.run { try TmuxSession(columns: columns, rows: rows) }
    }

    /// Runs `arguments` (looked up in PATH) to its end, off the pool.
    public static func run(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        let result = try await OffPool.run { try ChildProcess.run(arguments) }
        return result
    }

    /// `tmux(_:)` off the pool.
    @discardableResult
    public func tmux(_ arguments: [String]) async throws -> String {
        try await OffPool.run { try self.tmux(arguments) as String }
    }

    /// Types a line into the pane followed by Enter.
    public func typeLine(_ text: String) async throws {
        try await OffPool.run { try self.typeLine(text) as Void }
    }

    /// Sends tmux key names (`Enter`, `Escape`, `q`, `C-c`).
    public func keys(_ names: String...) async throws {
        try await OffPool.run { try self.keys(names) as Void }
    }

    /// Sends literal text.
    public func literal(_ text: String) async throws {
        try await OffPool.run { try self.literal(text) as Void }
    }

    /// The pane's visible text.
    public func screen() async throws -> String {
        try await OffPool.run { try self.screen() as String }
    }

    /// A tmux format value of the pane, e.g. `#{alternate_on}`.
    public func format(_ format: String) async throws -> String {
        try await OffPool.run { try self.format(format) as String }
    }

    /// Resizes the window.
    public func resize(columns: Int, rows: Int) async throws {
        try await OffPool.run { try self.resize(columns: columns, rows: rows) as Void }
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
        throw TestProcessError("timed out waiting for \(what); screen was:\n\(last)")
    }

    /// The pid of the program running under the pane's shell, if any.
    public func childPID() async throws -> Int32? {
        try await OffPool.run { try self.childPID() as Int32? }
    }
}
