import Foundation

/// Runs CPU-heavy work (rendering many screens) on a thread of its own, so that it never holds one
/// of the few threads of Swift's cooperative pool, on which other suites' timeouts and sleeps run.
func offThePool<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try body() }) }
        thread.start()
    }
}
