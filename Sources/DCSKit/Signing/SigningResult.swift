/// Everything the signer computed for one request: what `dcswatch debug sign` prints and what the
/// simulator compares against.
public struct SigningResult: Sendable, Hashable {
    /// The request to send: headers added (`X-Sdk-Date`, `Host`, `Authorization`, …) and the URL's
    /// query replaced by the canonical query, so the wire query is exactly the signed one.
    public let request: HTTPRequest
    /// The canonical request text.
    public let canonicalRequest: String
    /// `SDK-HMAC-SHA256\n{date}\n{hex sha256 of canonical request}`.
    public let stringToSign: String
    /// `;`-joined lowercase names of the signed headers.
    public let signedHeaders: String
    /// The `Authorization` header value.
    public let authorization: String
}
