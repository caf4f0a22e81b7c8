import DCSKit
import Foundation

/// A `TaskListing` whose calls wait until the test answers them, so a test can hold a fetch in
/// flight, fire more ticks, then let it finish (monitor tests: overlapping ticks are dropped).
public actor StubTaskListing: TaskListing {
    private var pending: [CheckedContinuation<TaskCollection, any Error>] = []
    private var callWaiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    /// How many times `listAllTasks` was called.
    public private(set) var callCount = 0

    /// Builds a stub with no call yet.
    public init() {}

    /// Waits for the test's answer.
    public func listAllTasks() async throws -> TaskCollection {
        callCount += 1
        let reached = callWaiters.filter { $0.count <= callCount }
        callWaiters.removeAll { $0.count <= callCount }
        for waiter in reached { waiter.continuation.resume() }
        return try await withCheckedThrowingContinuation { continuation in
            pending.append(continuation)
        }
    }

    /// Returns once `listAllTasks` has been called at least `count` times in total.
    public func waitForCalls(_ count: Int) async {
        if callCount >= count { return }
        await withCheckedContinuation { continuation in
            callWaiters.append((count, continuation))
        }
    }

    /// Answers the oldest waiting call; returns false when no call is waiting.
    @discardableResult
    public func answer(_ result: Result<TaskCollection, any Error>) -> Bool {
        guard !pending.isEmpty else { return false }
        pending.removeFirst().resume(with: result)
        return true
    }

    /// Answers the oldest waiting call with these tasks.
    @discardableResult
    public func answer(tasks: [MigrationTask]) -> Bool {
        answer(.success(TaskCollection(tasks: tasks)))
    }

    /// How many calls are waiting for an answer.
    public var waitingCount: Int { pending.count }
}

/// A `TaskListing` that answers at once from a fixed list (for views and commands that just need data).
public struct FixedTaskListing: TaskListing {
    /// The tasks every call returns.
    public var tasks: [MigrationTask]

    /// Builds a listing that always returns `tasks`.
    public init(tasks: [MigrationTask]) {
        self.tasks = tasks
    }

    /// Returns the fixed tasks.
    public func listAllTasks() async throws -> TaskCollection {
        TaskCollection(tasks: tasks)
    }
}

/// A user-facing error for tests, with a fixed message.
public struct StubFailure: UserFacingError, Hashable {
    /// The message.
    public var userMessage: String

    /// Builds a failure with the given message.
    public init(_ message: String) {
        self.userMessage = message
    }
}
