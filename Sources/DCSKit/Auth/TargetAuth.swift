/// How requests to one target are authenticated (dcs-api-notes.md, "Authentication").
public enum TargetAuth: Sendable, Hashable, CustomStringConvertible {
    /// AK/SK `SDK-HMAC-SHA256` signing, re-signed on every attempt.
    case signing(SigningCredentials)
    /// A ready IAM token (from `DCSWATCH_AUTH_TOKEN`), sent as `X-Auth-Token`; never renewed.
    case token(String)
    /// An IAM user and password exchanged for a token at the IAM endpoint, renewed before expiry.
    case password(PasswordIdentity)

    /// A description without secrets: "AK …ABCD", "token", "IAM user alice@acme".
    public var description: String {
        switch self {
        case .signing(let credentials): return credentials.description
        case .token: return "token from DCSWATCH_AUTH_TOKEN"
        case .password(let identity): return identity.description
        }
    }
}

/// An IAM password identity: user, password, and the account (domain) the user belongs to.
public struct PasswordIdentity: Sendable, Hashable, CustomStringConvertible {
    /// IAM user name.
    public let userName: String
    /// The password; never printed.
    public let password: String
    /// The account (domain) name; for the account's own root user it equals the user name.
    public let domainName: String

    /// Builds an identity.
    public init(userName: String, password: String, domainName: String) {
        self.userName = userName
        self.password = password
        self.domainName = domainName
    }

    /// "IAM user alice (domain acme)": never the password.
    public var description: String {
        "IAM user \(SafeText.line(userName, limit: 64)) (domain \(SafeText.line(domainName, limit: 64)))"
    }
}
