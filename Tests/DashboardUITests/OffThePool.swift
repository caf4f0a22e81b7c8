import DCSTestSupport

/// `OffPool.run` under the name this target's tests call; the thread is DCSTestSupport's one way
/// off the cooperative pool (issue 15). Kept as a name only while another change moves this target's
/// files: the call site can then say `OffPool.run` and this file go.
func offThePool<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
    try await OffPool.run(body)
}
