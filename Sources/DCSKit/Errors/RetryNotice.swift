/// Told to `ClientOptions.onRetry` before the client waits to try a request again, so a front end
/// can show "throttled, retrying in 4 s" instead of looking frozen.
public struct RetryNotice: Sendable, Hashable {
    /// What failed (an `APIError`).
    public let error: APIError
    /// Seconds until the next attempt.
    public let delay: Double
    /// The attempt that just failed, starting at 1.
    public let attempt: Int

    /// Builds a notice.
    public init(error: APIError, delay: Double, attempt: Int) {
        self.error = error
        self.delay = delay
        self.attempt = attempt
    }

    /// "HTTP 429 …: throttled — retrying in 4 s".
    public var userMessage: String {
        let what = error.status == 429 || error.code == "APIGW.0308" ? "throttled" : error.userMessage
        return "\(what) — retrying in \(APIError.format(seconds: delay)) (attempt \(attempt + 1))"
    }
}
