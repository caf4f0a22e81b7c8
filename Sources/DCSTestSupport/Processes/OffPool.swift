import Foundation

/// Runs blocking test code (subprocess waits, tmux round trips, polls) on a thread of its own, never
/// on Swift's cooperative pool, which has only as many threads as cores: a blocked pool thread
/// starves every other suite running at the same time.
public enum OffPool {
    /// Runs `body` on a new thread and returns its result.
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
        }
    }
}
