import Foundation

/// One request's state while libcurl works on it: the response as it arrives, whether the caller
/// cancelled, and the continuation that is resumed exactly once — by the result, or at once by a
/// cancellation (the blocked transfer then stops at libcurl's next progress call, within a second).
///
/// `@unchecked Sendable`: the response fields are touched only by libcurl's callbacks on the one
/// thread that runs the transfer, and read after it; the continuation and the flag are guarded by the lock.
final class CurlExchange: @unchecked Sendable {
    /// Status code of the last status line (a `100 Continue` is followed by the real one).
    private(set) var status = 0
    /// Response header fields of the last response head.
    private(set) var headers = HTTPHeaders()
    /// The pool the body's buffer comes from and goes back to.
    private let pool: CurlBodyPool
    /// The body's buffer (taken at its first byte) and how many bytes it holds.
    private var buffer: CurlBodyPool.Buffer?
    private var count = 0
    /// The Content-Length announced, to take a buffer of the right size at once.
    private var expectedLength = 0

    private let lock = NSLock()
    private var continuation: CheckedContinuation<HTTPResponse, Error>?
    private var cancelled = false
    private var finished = false

    /// An exchange whose body goes into buffers of `pool`.
    init(pool: CurlBodyPool) {
        self.pool = pool
    }

    deinit {
        if let buffer { pool.give(buffer) }
    }

    /// The body received so far, handed over: a `Data` over the pooled buffer that gives it back when
    /// released (empty when nothing came). Called once, after the transfer.
    func takeBody() -> Data {
        guard let buffer, count > 0 else { return Data() }
        self.buffer = nil
        let pool = self.pool
        return Data(bytesNoCopy: buffer.pointer, count: count, deallocator: .custom { _, _ in pool.give(buffer) })
    }

    /// True once the caller cancelled; read by the progress callback to abort the transfer.
    var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    /// Stores the continuation; resumes it at once when cancellation came first.
    func wait(with continuation: CheckedContinuation<HTTPResponse, Error>) {
        lock.lock()
        if cancelled || finished {
            lock.unlock()
            continuation.resume(throwing: TransportError.cancelled)
            return
        }
        self.continuation = continuation
        lock.unlock()
    }

    /// Cancels: the caller gets `TransportError.cancelled` now; the transfer aborts soon after.
    func cancel() {
        lock.lock()
        cancelled = true
        let waiting = continuation
        continuation = nil
        finished = true
        lock.unlock()
        waiting?.resume(throwing: TransportError.cancelled)
    }

    /// Delivers the outcome of the transfer, unless the caller already went away.
    func finish(_ result: Result<HTTPResponse, TransportError>) {
        lock.lock()
        let waiting = continuation
        continuation = nil
        finished = true
        lock.unlock()
        waiting?.resume(with: result.mapError { $0 as Error })
    }

    /// Appends a chunk of the body (libcurl's write callback).
    func receiveBody(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        var current = buffer ?? pool.take(minimum: max(expectedLength, 64 << 10))
        if count + bytes.count > current.capacity {
            current = CurlBodyPool.grow(current, to: max(current.capacity * 2, count + bytes.count), keeping: count)
        }
        (current.pointer + count).copyMemory(from: source, byteCount: bytes.count)
        count += bytes.count
        buffer = current
    }

    /// Takes one header line (libcurl's header callback): a status line starts a new response head.
    func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        guard let line = String(bytes: bytes, encoding: .utf8) ?? String(bytes: bytes, encoding: .isoLatin1) else { return }
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("HTTP/") {
            let parts = trimmed.split(separator: " ", maxSplits: 2)
            status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            headers = HTTPHeaders()
            expectedLength = 0
            return
        }
        guard let colon = trimmed.firstIndex(of: ":") else { return }
        let name = String(trimmed[..<colon]).trimmingCharacters(in: .whitespaces)
        let value = String(trimmed[trimmed.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return }
        if name.caseInsensitiveCompare("Content-Length") == .orderedSame, let length = Int(value), length > 0 {
            // One buffer for the whole body instead of a doubling series; capped so a lying header
            // cannot make us reserve gigabytes.
            expectedLength = min(length, 64 << 20)
        }
        headers[name] = value
    }
}
