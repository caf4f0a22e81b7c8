import Foundation
import Logging

/// Gets and caches an IAM token for a password identity: `POST {iam}/v3/auth/tokens` with a project
/// scope; the token is the `X-Subject-Token` response header (dcs-api-notes.md, "Authentication").
///
/// An actor so that concurrent requests share one token and one renewal in flight.
public actor IAMTokenSource {
    /// Renew this long before `expires_at`, so a token never expires mid-refresh.
    public static let renewalMargin: TimeInterval = 300
    /// Assumed lifetime when IAM sends no readable `expires_at` (tokens live 24 h; stay well inside).
    public static let fallbackLifetime: TimeInterval = 12 * 3600

    private let identity: PasswordIdentity
    private let projectID: String
    private let tokenURL: URL
    private let transport: any HTTPTransport
    private let timeout: TimeInterval
    private let now: @Sendable () -> Date
    private var cached: (token: String, renewAt: Date)?
    private var inFlight: Task<String, Error>?

    /// Builds a token source for `identity` scoped to `projectID` at the IAM endpoint `iamEndpoint`
    /// (with or without a trailing `/v3`).
    public init(
        identity: PasswordIdentity, projectID: String, iamEndpoint: URL, transport: any HTTPTransport,
        timeout: TimeInterval = 30, now: @escaping @Sendable () -> Date
    ) {
        self.identity = identity
        self.projectID = projectID
        self.tokenURL = IAMTokenSource.tokenURL(for: iamEndpoint)
        self.transport = transport
        self.timeout = timeout
        self.now = now
    }

    /// `{iam}/v3/auth/tokens`, whether or not the configured endpoint already ends in `/v3`.
    public static func tokenURL(for iamEndpoint: URL) -> URL {
        var text = iamEndpoint.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        if !text.hasSuffix("/v3") { text += "/v3" }
        return URL(string: text + "/auth/tokens") ?? iamEndpoint
    }

    /// A valid token: the cached one unless it is due for renewal (or `renew` is set after a 401).
    public func token(renew: Bool = false) async throws -> String {
        if renew { cached = nil }
        if let cached, now() < cached.renewAt { return cached.token }
        if let inFlight { return try await inFlight.value }
        let task = Task { try await self.fetch() }
        inFlight = task
        defer { inFlight = nil }
        let fetched = try await task.value
        return fetched
    }

    private func fetch() async throws -> String {
        let host = tokenURL.host ?? tokenURL.absoluteString
        var request = HTTPRequest(method: "POST", url: tokenURL, body: requestBody(), timeout: timeout)
        request.headers["Content-Type"] = "application/json;charset=utf8"
        request.headers["User-Agent"] = "dcswatch/\(DCSWatchVersion.current)"
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch let error as TransportError {
            throw APIError.transport(error, host: host, attempts: 1)
        }
        guard (200...299).contains(response.status) else { throw APIError.from(response, host: host) }
        guard let token = response.headers["X-Subject-Token"], !token.isEmpty else {
            throw APIError.tokenUnavailable(reason: "the response has no X-Subject-Token header", host: host)
        }
        let expiresAt = (try? LenientJSON.decode(IAMTokenAnswer.self, from: response.body))?.expiresAt
            .flatMap(APITimestamp.parse)
        let renewAt =
            expiresAt.map { $0.addingTimeInterval(-IAMTokenSource.renewalMargin) }
            ?? now().addingTimeInterval(IAMTokenSource.fallbackLifetime)
        cached = (token, renewAt)
        return token
    }

    /// The password-identity, project-scoped request body of the IAM API (strings only: encoding
    /// cannot fail, and an empty body would be refused by IAM with a 400 that says so).
    private func requestBody() -> Data {
        (try? JSONEncoder().encode(IAMTokenRequest(identity: identity, projectID: projectID))) ?? Data()
    }
}
