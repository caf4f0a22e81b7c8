import CLibcurl
import Foundation

/// The live `HTTPTransport`: libcurl's easy interface, each transfer blocking a thread of its own
/// handle's queue, with libcurl's errors mapped to `TransportError`.
///
/// Why not URLSession (DECISIONS.md, 2026-11-29, session 6): FoundationNetworking drives this same
/// libcurl through its multi interface and spends ~2 ms of CPU on a 1.1 MB page (a `Data` per 16 KB
/// chunk, and a Dispatch timer re-created per chunk), where the easy interface spends ~0.3 ms; that
/// page every 2 s was most of the idle dashboard's CPU (issue 6). libcurl is loaded at run time
/// (`CLibcurl`), so the build needs no libcurl headers; `URLSessionTransport` remains for a machine
/// where it cannot be loaded, and for `--http-client urlsession`.
///
/// Timeouts: connecting, and any stretch without progress, may take `connectTimeout` (at least 1 s,
/// as libcurl measures progress per second); the whole request `HTTPRequest.timeout`, else
/// `requestTimeout`. Redirects are not followed: a redirect from a DCS endpoint means the endpoint is
/// wrong, and following would drop the signature. Proxies come from the usual environment variables.
public struct CurlTransport: HTTPTransport {
    private let pool: CurlHandlePool
    private let bodies = CurlBodyPool()
    private let defaultTimeout: TimeInterval
    private let idleTimeout: TimeInterval

    /// Why libcurl cannot be used here (nil when it can): the text `dlopen` gave.
    public static var unavailableReason: String? {
        dcs_curl_load() == 0 ? nil : String(cString: dcs_curl_load_error())
    }

    /// libcurl's version string, as `curl --version` starts; nil when it is not loaded.
    public static var libraryVersion: String? {
        guard dcs_curl_load() == 0, let version = dcs_curl_version() else { return nil }
        return String(cString: version)
    }

    /// A transport, or nil when libcurl cannot be loaded (see `unavailableReason`).
    public init?(connectTimeout: TimeInterval = 10, requestTimeout: TimeInterval = 30) {
        guard dcs_curl_load() == 0 else { return nil }
        pool = CurlHandlePool()
        defaultTimeout = requestTimeout
        idleTimeout = max(connectTimeout, 1)
    }

    /// Sends the request; throws `TransportError` when no complete response arrives in time.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let deadline = max(request.timeout ?? defaultTimeout, 0.001)
        let idle = idleTimeout
        let pool = self.pool
        guard let handle = pool.acquire() else { throw TransportError.other("libcurl could not create a handle") }
        let exchange = CurlExchange(pool: bodies)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, Error>) in
                exchange.wait(with: continuation)
                handle.queue.async {
                    let result =
                        exchange.isCancelled
                        ? .failure(.cancelled) : handle.perform(request, into: exchange, idleTimeout: idle, deadline: deadline)
                    pool.release(handle)
                    exchange.finish(result)
                }
            }
        } onCancel: {
            exchange.cancel()
        }
    }
}

/// Easy handles not in use, most recently used first, so a request finds a warm connection.
/// `@unchecked Sendable`: the list is guarded by the lock.
final class CurlHandlePool: @unchecked Sendable {
    /// Handles kept while idle; more may exist while that many requests run at once.
    static let keptIdle = 8
    private let lock = NSLock()
    private var idle: [CurlEasyHandle] = []

    /// A free handle, or a new one (nil only when libcurl cannot allocate one).
    func acquire() -> CurlEasyHandle? {
        lock.lock()
        let handle = idle.popLast()
        lock.unlock()
        return handle ?? CurlEasyHandle()
    }

    /// Returns a handle after its transfer; beyond `keptIdle` it is closed with its connections.
    func release(_ handle: CurlEasyHandle) {
        lock.lock()
        if idle.count < Self.keptIdle { idle.append(handle) }
        lock.unlock()
    }
}
