import Foundation

/// Tunables of `DCSClient`: paging, timeouts, retries. The sleep is injected so tests never wait.
public struct ClientOptions: Sendable {
    /// `limit` of each list page (the API allows 1–1000).
    public var pageSize: Int
    /// Most pages one listing may take before giving up with `APIError.pageCapExceeded`.
    public var maxPages: Int
    /// Most list pages in flight at once: once a page has told `count`, the next pages are requested
    /// ahead (issue 6: 100 pages one after the other spent most of their time waiting). 1 is sequential;
    /// at most `maximumPageConcurrency`; a throttled listing drops to 1 (`RequestGate`).
    public var pageConcurrency: Int
    /// Seconds without any progress (connecting, or between bytes) before a request fails.
    public var connectTimeout: TimeInterval
    /// Seconds a whole request (connect, send, full response) may take.
    public var requestTimeout: TimeInterval
    /// Extra attempts for a GET after 429, 5xx, a timeout or a dropped connection.
    public var maxRetries: Int
    /// Longest wait between attempts, in seconds (a `Retry-After` up to `maxRetryAfter` is honoured).
    public var maxBackoff: TimeInterval
    /// Longest `Retry-After` the client waits for; beyond it the throttling error is reported at once.
    public var maxRetryAfter: TimeInterval
    /// Whether a listing keeps a digest of every page body for the next one (`ListingCache`): what makes
    /// a refresh of unchanged pages cheap. One-shot commands (`list`, `debug fetch`) list once and turn
    /// it off: hashing 100,000 tasks' pages costs ~5 % of the fetch and they never reuse it.
    public var remembersListings: Bool
    /// How long an empty page past `count` stays believed (seconds). A listing whose last page is full
    /// asks once more past `count` (a server may under-report it); while every page before is byte for
    /// byte as before and the last such probe came back empty less than this long ago, the probe is not
    /// repeated (issue 6: at exactly 1,000 tasks it was half the requests of every refresh). 0 always asks.
    public var pastCountProbeReuse: TimeInterval
    /// Waits the given seconds; `Task.sleep` live, a recorder in tests.
    public var retrySleep: @Sendable (Double) async throws -> Void
    /// Told before every wait-and-retry (for "retrying in N s" in front ends).
    public var onRetry: (@Sendable (RetryNotice) -> Void)?
    /// Told about every request attempt that ended (`serve`'s request metrics, issue 18); nil for none.
    public var requestObserver: (any APIRequestObserver)?

    /// Builds options; the defaults are those of the issue.
    public init(
        pageSize: Int = 1000, maxPages: Int = 1000, pageConcurrency: Int = 8, connectTimeout: TimeInterval = 10,
        requestTimeout: TimeInterval = 30,
        maxRetries: Int = 3, maxBackoff: TimeInterval = 30, maxRetryAfter: TimeInterval = 300,
        remembersListings: Bool = true, pastCountProbeReuse: TimeInterval = 30,
        retrySleep: @escaping @Sendable (Double) async throws -> Void = ClientOptions.taskSleep,
        onRetry: (@Sendable (RetryNotice) -> Void)? = nil, requestObserver: (any APIRequestObserver)? = nil
    ) {
        self.pageSize = min(max(pageSize, 1), 1000)
        self.maxPages = max(maxPages, 1)
        self.pageConcurrency = min(max(pageConcurrency, 1), Self.maximumPageConcurrency)
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.maxRetries = max(maxRetries, 0)
        self.maxBackoff = maxBackoff
        self.maxRetryAfter = maxRetryAfter
        self.remembersListings = remembersListings
        self.pastCountProbeReuse = max(pastCountProbeReuse, 0)
        self.retrySleep = retrySleep
        self.onRetry = onRetry
        self.requestObserver = requestObserver
    }

    /// The most list pages a listing has in flight at once, whatever is asked (issue 15: a client of
    /// a shared API gateway stays polite; 8 already hide a 50 ms round trip behind 1,000-task pages).
    public static let maximumPageConcurrency = 8

    /// The live sleep: `Task.sleep`, cancellable.
    public static let taskSleep: @Sendable (Double) async throws -> Void = { seconds in
        try await Task.sleep(nanoseconds: UInt64(max(seconds, 0) * 1_000_000_000))
    }

    /// Exponential backoff for attempt `n` (0-based): 1, 2, 4, … seconds, capped at `maxBackoff`.
    public func backoff(afterAttempt attempt: Int) -> Double {
        min(maxBackoff, pow(2, Double(min(attempt, 20))))
    }
}
