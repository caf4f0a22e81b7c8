/// An access key pair for `SDK-HMAC-SHA256` signing, with an optional temporary security token.
///
/// `description` shows only the last four characters of the access key: secrets never reach output.
public struct SigningCredentials: Sendable, Hashable, CustomStringConvertible {
    /// Access key id (AK).
    public let accessKey: String
    /// Secret key (SK); never printed.
    public let secretKey: String
    /// `X-Security-Token` for temporary credentials.
    public let securityToken: String?

    /// Builds credentials.
    public init(accessKey: String, secretKey: String, securityToken: String? = nil) {
        self.accessKey = accessKey
        self.secretKey = secretKey
        self.securityToken = securityToken
    }

    /// "AK …ABCD" — the only form in which a key is ever shown.
    public var description: String { "AK \(SigningCredentials.masked(accessKey))" }

    /// Masks a key to its last four characters ("…ABCD"); shorter keys show as "…".
    public static func masked(_ key: String) -> String {
        key.count > 4 ? "…" + String(key.suffix(4)) : "…"
    }
}
