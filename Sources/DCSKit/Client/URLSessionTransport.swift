import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The live `HTTPTransport`, and the only one: Foundation's `URLSession`, with `URLError`s mapped to
/// `TransportError` (DECISIONS.md, 2026-12-03: the libcurl binding it once sat beside was removed).
///
/// Timeouts: connecting, and any stretch without progress, may take `connectTimeout` (URLSession's
/// own idle timeout, at least 1 s because FoundationNetworking on Linux times out at once for
/// sub-second values); the whole request `HTTPRequest.timeout`, else `requestTimeout`, enforced here
/// by racing the request against a sleep on `ContinuousClock` (monotonic: a wall-clock step neither
/// fires nor delays it), because URLSession's resource timeout is per session, not per request.
/// Redirects are not followed: a redirect from a DCS endpoint means the endpoint is wrong, and
/// following would drop the signature. Proxies come from `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY`
/// (FoundationNetworking leaves them to libcurl, which reads them as `curl` does).
public struct URLSessionTransport: HTTPTransport {
    private let session: URLSession
    private let defaultTimeout: TimeInterval
    private let idleTimeout: TimeInterval

    /// The most connections kept to one host: the most list pages in flight at once
    /// (`ClientOptions.maximumPageConcurrency`); URLSession's default of 6 would queue the others.
    static let connectionsPerHost = ClientOptions.maximumPageConcurrency

    /// Builds a transport with its own ephemeral session (no cookies, no cache).
    public init(connectTimeout: TimeInterval = 10, requestTimeout: TimeInterval = 30) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = Self.connectionsPerHost
        configuration.timeoutIntervalForRequest = max(connectTimeout, 1)
        configuration.timeoutIntervalForResource = max(requestTimeout, connectTimeout, 1) + 5
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        self.session = URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
        self.defaultTimeout = requestTimeout
        self.idleTimeout = max(connectTimeout, 1)
    }

    /// Sends the request; throws `TransportError` when no complete response arrives in time.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let deadline = request.timeout ?? defaultTimeout
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        for field in request.headers { urlRequest.addValue(field.value, forHTTPHeaderField: field.name) }
        if !request.body.isEmpty { urlRequest.httpBody = request.body }
        urlRequest.timeoutInterval = max(min(idleTimeout, deadline), 1)
        let session = self.session
        let prepared = urlRequest
        return try await withThrowingTaskGroup(of: HTTPResponse?.self) { group in
            group.addTask { try await URLSessionTransport.perform(prepared, session: session) }
            group.addTask {
                do {
                    try await Task.sleep(for: .seconds(max(deadline, 0.001)), clock: .continuous)
                } catch {
                    // Only a cancellation ends the sleep early: the caller's, reported as the transport's.
                    throw TransportError.cancelled
                }
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw TransportError.cancelled }
            guard let response = first else { throw TransportError.timedOut(seconds: deadline) }
            return response
        }
    }

    private static func perform(_ request: URLRequest, session: URLSession) async throws -> HTTPResponse {
        let box = TaskBox()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, Error>) in
                let task = session.dataTask(with: request) { data, response, error in
                    if let error {
                        continuation.resume(throwing: map(error, request: request))
                        return
                    }
                    guard let http = response as? HTTPURLResponse else {
                        continuation.resume(throwing: TransportError.other("not an HTTP response"))
                        return
                    }
                    var headers = HTTPHeaders()
                    for (name, value) in http.allHeaderFields {
                        if let name = name as? String, let value = value as? String { headers[name] = value }
                    }
                    continuation.resume(returning: HTTPResponse(status: http.statusCode, headers: headers, body: data ?? Data()))
                }
                box.set(task)
                task.resume()
            }
        } onCancel: {
            box.cancel()
        }
    }

    /// Maps Foundation's error codes to the transport errors users can act on.
    static func map(_ error: Error, request: URLRequest) -> TransportError {
        let host = request.url?.host ?? ""
        guard let urlError = error as? URLError else { return .other(String(describing: error)) }
        switch urlError.code {
        case .cannotFindHost, .dnsLookupFailed: return .dnsFailure(host: host)
        case .cannotConnectToHost: return .connectionRefused(host: host)
        case .timedOut: return .timedOut(seconds: request.timeoutInterval)
        case .secureConnectionFailed, .serverCertificateHasBadDate, .serverCertificateUntrusted,
            .serverCertificateHasUnknownRoot, .serverCertificateNotYetValid, .clientCertificateRejected,
            .clientCertificateRequired:
            return .tls(urlError.localizedDescription)
        case .networkConnectionLost, .notConnectedToInternet, .badServerResponse, .cannotParseResponse:
            return .connectionLost(urlError.localizedDescription)
        case .cancelled: return .cancelled
        case .unknown where urlError.localizedDescription.contains("closed"):
            // FoundationNetworking passes on libcurl's "transfer closed with N bytes remaining to
            // read": the body was cut off.
            return .connectionLost(urlError.localizedDescription)
        default: return .other("\(urlError.code.rawValue): \(urlError.localizedDescription)")
        }
    }
}

/// Holds the data task so the cancellation handler (another thread) can cancel it.
/// `@unchecked Sendable`: the one mutable field is guarded by the lock.
private final class TaskBox: @unchecked Sendable {
    private let lock = NSLock()
    private var task: URLSessionTask?
    private var cancelled = false

    /// Stores the task; cancels it at once when cancellation came first.
    func set(_ task: URLSessionTask) {
        lock.lock()
        self.task = task
        let cancelNow = cancelled
        lock.unlock()
        if cancelNow { task.cancel() }
    }

    /// Cancels the task, now or as soon as it is stored.
    func cancel() {
        lock.lock()
        cancelled = true
        let task = self.task
        lock.unlock()
        task?.cancel()
    }
}

/// Refuses redirects so the 3xx reaches the client as an error (see `URLSessionTransport`).
/// `@unchecked Sendable`: it has no state; only NSObject's inheritance hides that from the compiler.
private final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    /// Declines every redirect.
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
