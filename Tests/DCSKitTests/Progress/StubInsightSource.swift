import DCSKit
import Foundation

/// A `TaskInsightSource` whose calls wait until the test answers them, so a test can see how many
/// calls are in flight at once and finish them in any order.
actor StubInsightSource: TaskInsightSource {
    private var pending: [(call: String, continuation: CheckedContinuation<Void, any Error>)] = []
    private var waiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    /// Every call received, as "stats:ID", "detail:ID" or "logs:ID".
    private(set) var calls: [String] = []
    var statsAnswer = TaskStats(fullMigrationProgress: 50, offset: 0)

    func stats(taskID: String) async throws -> TaskStats {
        try await hold("stats:" + taskID)
        return statsAnswer
    }

    func detail(taskID: String) async throws -> TaskDetail {
        try await hold("detail:" + taskID)
        return TaskDetail(task: MigrationTask(taskID: taskID), networkType: "vpc")
    }

    func logs(taskID: String, offset: Int, limit: Int, level: String?) async throws -> MigrationLogs {
        try await hold("logs:" + taskID)
        return .notOffered
    }

    private func hold(_ call: String) async throws {
        calls.append(call)
        let reached = waiters.filter { $0.count <= calls.count }
        waiters.removeAll { $0.count <= calls.count }
        for waiter in reached { waiter.continuation.resume() }
        try await withCheckedThrowingContinuation { continuation in pending.append((call, continuation)) }
    }

    /// Returns once at least `count` calls arrived.
    func waitForCalls(_ count: Int) async {
        if calls.count >= count { return }
        await withCheckedContinuation { continuation in waiters.append((count, continuation)) }
    }

    /// Calls received but not answered.
    var waitingCalls: [String] { pending.map(\.call) }

    /// Answers the oldest waiting call with success or `error`.
    @discardableResult
    func answerOldest(error: (any Error)? = nil) -> String? {
        guard !pending.isEmpty else { return nil }
        let next = pending.removeFirst()
        if let error { next.continuation.resume(throwing: error) } else { next.continuation.resume() }
        return next.call
    }
}
