import Foundation

/// The password-identity, project-scoped body of `POST /v3/auth/tokens` (IAM API, "Obtaining a User
/// Token"); the member names are the API's.
struct IAMTokenRequest: Encodable {
    struct Domain: Encodable { let name: String }
    struct User: Encodable {
        let name: String
        let password: String
        let domain: Domain
    }
    struct Password: Encodable { let user: User }
    struct Identity: Encodable {
        let methods: [String]
        let password: Password
    }
    struct Project: Encodable { let id: String }
    struct Scope: Encodable { let project: Project }
    struct Auth: Encodable {
        let identity: Identity
        let scope: Scope
    }

    /// `auth`: the whole request.
    let auth: Auth

    /// The request of `identity` for a token scoped to `projectID`.
    init(identity: PasswordIdentity, projectID: String) {
        let user = User(name: identity.userName, password: identity.password, domain: Domain(name: identity.domainName))
        auth = Auth(
            identity: Identity(methods: ["password"], password: Password(user: user)),
            scope: Scope(project: Project(id: projectID)))
    }
}

/// The part of IAM's token answer dcswatch reads: `token.expires_at`, leniently (nil when absent or odd).
struct IAMTokenAnswer: Decodable {
    /// `token.expires_at` as sent.
    let expiresAt: String?

    private enum Field: String, CodingKey {
        case token
        case expiresAt = "expires_at"
    }

    init(from decoder: Decoder) throws {
        let token = try? decoder.container(keyedBy: Field.self).nestedContainer(keyedBy: Field.self, forKey: .token)
        expiresAt = token?.lenientString(forKey: .expiresAt)
    }
}
