import Foundation

/// A token the fake IAM issued: `X-Auth-Token` is checked against these.
struct IssuedToken: Sendable, Hashable {
    /// The project the token is scoped to.
    let projectID: String
    /// When it stops being accepted.
    let expiresAt: Date
}
