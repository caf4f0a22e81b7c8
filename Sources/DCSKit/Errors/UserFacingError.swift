/// An error that can explain itself to a user in one line: what happened and what to do.
///
/// Every error type at a boundary of DCSKit (API, transport, config) conforms; front ends show
/// `userMessage` (banner, stderr) and never the raw `localizedDescription`. Messages are already
/// sanitised and never contain a secret.
public protocol UserFacingError: Error, Sendable {
    /// One line: what happened and what to do about it.
    var userMessage: String { get }
}

extension Error {
    /// The user-facing one-line message of any error: `userMessage` when it has one, else a sanitised
    /// description.
    public var oneLineMessage: String {
        if let userFacing = self as? UserFacingError { return userFacing.userMessage }
        return SafeText.line(String(describing: self), limit: 300)
    }
}
