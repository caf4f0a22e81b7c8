import Foundation

/// The requests of one listing in flight: at most `limit` at once, and only one for the rest of the
/// listing once the API has throttled it (a 429 or `APIGW.0308`, issue 15), so pages requested ahead
/// do not keep pressing a gateway that has said "too many".
///
/// A request holds its place from its first attempt to its last, retries and their waits included:
/// while a throttled request waits out its `Retry-After`, no other request of a throttled listing is
/// sent. Requests already in flight when the throttling came finish as they are; after them the
/// listing goes on one request at a time.
///
/// `@unchecked Sendable`: every field is guarded by `lock`.
final class RequestGate: @unchecked Sendable {
    private let lock = NSLock()
    private var limit: Int
    private var running = 0
    private var throttled = false
    private var waiting: [(id: Int, continuation: CheckedContinuation<Void, any Error>)] = []
    private var lastID = 0

    /// A gate letting `limit` requests through at once.
    init(limit: Int) {
        self.limit = max(limit, 1)
    }

    /// True once `throttle()` was called.
    var isThrottled: Bool {
        lock.withLock { throttled }
    }

    /// Waits for a place; throws `CancellationError` when the waiting task is cancelled.
    func enter() async throws {
        let id = lock.withLock {
            lastID += 1
            return lastID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                lock.lock()
                if Task.isCancelled {
                    lock.unlock()
                    continuation.resume(throwing: CancellationError())
                } else if running < limit {
                    running += 1
                    lock.unlock()
                    continuation.resume()
                } else {
                    waiting.append((id: id, continuation: continuation))
                    lock.unlock()
                }
            }
        } onCancel: {
            lock.lock()
            let cancelled = waiting.firstIndex { $0.id == id }.map { waiting.remove(at: $0).continuation }
            lock.unlock()
            cancelled?.resume(throwing: CancellationError())
        }
    }

    /// Gives the place back; the longest-waiting request takes it if the limit allows.
    func leave() {
        lock.lock()
        running -= 1
        var next: CheckedContinuation<Void, any Error>?
        if running < limit, !waiting.isEmpty {
            running += 1
            next = waiting.removeFirst().continuation
        }
        lock.unlock()
        next?.resume()
    }

    /// Narrows the gate to one request at a time, for good.
    func throttle() {
        lock.withLock {
            throttled = true
            limit = 1
        }
    }
}
