import Foundation
import Logging

/// The DCS API client of one target: list (one page or all), detail, stats and logs of migration tasks,
/// and the writes (stop, restart, switch IPs, roll back, delete; `DCSClient+Writes.swift`).
///
/// Every request is authenticated afresh on every attempt (re-signed with the current clock, or with
/// the current token), retried with capped backoff on 429, 5xx and dropped connections (GETs only),
/// and every failure is an `APIError` whose message says what to do.
public final class DCSClient: TaskListing, Sendable {
    /// The target this client queries.
    public let target: ResolvedTarget
    /// Paging, timeouts and retries.
    public let options: ClientOptions
    /// Sends the requests.
    let transport: any HTTPTransport
    /// Clock for `X-Sdk-Date` and token expiry.
    let now: @Sendable () -> Date
    /// Debug and retry logs; never headers or bodies.
    let logger: Logger
    /// The IAM token cache for `.password` targets; nil otherwise.
    let tokenSource: IAMTokenSource?
    /// The previous listing's page digests, to skip decoding unchanged pages.
    let listingCache = ListingCache()

    /// Builds a client. `now` is the clock used for `X-Sdk-Date` and token expiry.
    public init(
        target: ResolvedTarget, transport: any HTTPTransport, options: ClientOptions = .init(),
        now: @escaping @Sendable () -> Date, logger: Logger = Logger(label: "dcswatch.client")
    ) {
        self.target = target
        self.transport = transport
        self.options = options
        self.now = now
        self.logger = logger
        if case .password(let identity) = target.auth {
            let iam = target.iamEndpoint ?? RegionEndpoints.iamEndpoint(forDCSEndpoint: target.endpoint)
            self.tokenSource = IAMTokenSource(
                identity: identity, projectID: target.projectID, iamEndpoint: iam, transport: transport,
                timeout: options.requestTimeout, now: now)
        } else {
            self.tokenSource = nil
        }
    }

    /// The URL of `/v2/{project_id}/{segments…}?{query}`, every segment and query item percent-encoded
    /// with the signer's unreserved set (so the signer's canonical form equals what we built).
    func url(_ segments: [String], query: [(String, String)] = []) -> URL {
        var base = target.endpoint.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        let path = (["v2", target.projectID] + segments).map(PercentEncoding.encode).joined(separator: "/")
        var text = base + "/" + path
        if !query.isEmpty {
            text +=
                "?"
                + query.map { "\(PercentEncoding.encode($0.0))=\(PercentEncoding.encode($0.1))" }
                .joined(separator: "&")
        }
        return URL(string: text) ?? target.endpoint
    }

    /// Sends a GET with authentication, retries and error mapping; returns a 2xx response.
    /// `notFoundIsResult` lets a 404 come back as a response (the logs call's "not offered"). With a
    /// `gate` (a listing's), the request holds a place in it through all its attempts, and a throttling
    /// answer narrows the gate to one request.
    func get(_ url: URL, call: APICall, notFoundIsResult: Bool = false, gate: RequestGate? = nil) async throws
        -> HTTPResponse
    {
        try await send(
            HTTPRequest(method: "GET", url: url, timeout: options.requestTimeout), call: call,
            notFoundIsResult: notFoundIsResult, gate: gate)
    }

    /// Sends `unsigned` with authentication and error mapping; returns a 2xx response. Every attempt
    /// that ends is told to the options' `requestObserver` as `call`: this is where every API request
    /// of the client completes, reads and writes alike. Only a GET is retried (429, 5xx, dropped
    /// connections): a write that may have reached the server is never sent twice, so its timeout
    /// surfaces as `APIError.transport(.timedOut)` for the caller to report as an unknown outcome. The
    /// one re-send of a write is after 401 `DCS.1002`, which the server answers before acting.
    func send(_ unsigned: HTTPRequest, call: APICall, notFoundIsResult: Bool = false, gate: RequestGate? = nil)
        async throws -> HTTPResponse
    {
        let url = unsigned.url
        let method = unsigned.method
        let retriesAllowed = method == "GET"
        try await gate?.enter()
        defer { gate?.leave() }
        let host = target.host
        var attempt = 0
        var renewedToken = false
        while true {
            try Task.checkCancellation()
            let request = try await authorized(unsigned, renewToken: false)
            let failure: APIError
            var retryAfter: Double?
            let sent = ContinuousClock.now
            do {
                let response = try await transport.send(request)
                observe(call, code: String(response.status), since: sent)
                logger.debug("\(method) \(url.path) -> \(response.status)", metadata: ["attempt": "\(attempt + 1)"])
                if (200...299).contains(response.status) || (notFoundIsResult && response.status == 404) {
                    return response
                }
                let error = APIError.from(response, host: host)
                if response.status == 401, error.code == "DCS.1002", let tokenSource, !renewedToken {
                    // dcs-api-notes.md: renew the token once on 401 DCS.1002, then try again at once.
                    renewedToken = true
                    _ = try await tokenSource.token(renew: true)
                    continue
                }
                let throttling = response.status == 429 || error.code == "APIGW.0308"
                if throttling { gate?.throttle() }
                guard retriesAllowed, APIError.isRetryable(status: response.status) || throttling else { throw error }
                failure = error
                retryAfter = DCSClient.retryAfter(response.headers["Retry-After"], now: now())
            } catch let error as TransportError {
                if case .cancelled = error { throw CancellationError() }
                observe(call, code: APIRequestRecord.code(for: error), since: sent)
                let wrapped = APIError.transport(error, host: host, attempts: attempt + 1)
                guard retriesAllowed, DCSClient.isRetryable(error) else { throw wrapped }
                failure = wrapped
            }
            guard attempt < options.maxRetries else { throw DCSClient.finalError(failure, attempts: attempt + 1) }
            if let retryAfter, retryAfter > options.maxRetryAfter { throw failure }
            let delay = retryAfter ?? options.backoff(afterAttempt: attempt)
            attempt += 1
            options.onRetry?(RetryNotice(error: failure, delay: delay, attempt: attempt))
            logger.info("retrying \(method) \(url.path) in \(delay) s: \(failure.userMessage)")
            try await options.retrySleep(delay)
        }
    }

    /// Tells the observer, if any, that an attempt of `call` ended with `code`.
    private func observe(_ call: APICall, code: String, since sent: ContinuousClock.Instant) {
        guard let observer = options.requestObserver else { return }
        observer.requestCompleted(
            APIRequestRecord(target: target.name, call: call, code: code, duration: ContinuousClock.now - sent))
    }

    /// Adds `X-Auth-Token`, or signs the request as of now.
    private func authorized(_ request: HTTPRequest, renewToken: Bool) async throws -> HTTPRequest {
        var request = request
        request.headers["User-Agent"] = "dcswatch/\(DCSWatchVersion.current)"
        switch target.auth {
        case .signing(let credentials):
            return RequestSigner(credentials: credentials, projectID: target.projectID).sign(request, date: now()).request
        case .token(let token):
            request.headers["X-Auth-Token"] = token
            return request
        case .password:
            guard let tokenSource else { return request }
            request.headers["X-Auth-Token"] = try await tokenSource.token(renew: renewToken)
            return request
        }
    }

    /// Transport failures worth another attempt: the request may never have reached the server.
    static func isRetryable(_ error: TransportError) -> Bool {
        switch error {
        case .timedOut, .connectionLost, .other: return true
        case .dnsFailure, .connectionRefused, .tls, .cancelled: return false
        }
    }

    /// Records the number of attempts in a transport error that exhausted its retries.
    static func finalError(_ error: APIError, attempts: Int) -> APIError {
        if case .transport(let transportError, let host, _) = error {
            return .transport(transportError, host: host, attempts: attempts)
        }
        return error
    }

    /// Seconds from a `Retry-After` header: delta-seconds or an HTTP date; nil when absent or unreadable.
    static func retryAfter(_ header: String?, now: Date) -> Double? {
        guard let header = header?.trimmingCharacters(in: .whitespaces), !header.isEmpty else { return nil }
        if let seconds = Double(header), seconds.isFinite, seconds >= 0 { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: header) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}
