import DCSKit

/// Why a `--fault` text was refused.
public enum FaultParseError: Error, Sendable, Hashable, UserFacingError {
    /// The fault kind is not one we know.
    case unknownKind(String)
    /// The argument after `KIND:` does not fit the kind.
    case badArgument(kind: String, argument: String)
    /// The `@TRIGGER` part is malformed.
    case badTrigger(String)
    /// The `/CALL` part names no call.
    case badScope(String)

    /// One line saying what to fix.
    public var userMessage: String {
        switch self {
        case .unknownKind(let kind):
            return "Unknown fault '\(SafeText.line(kind, limit: 40))'; see `dcswatch simulate --help` for the list."
        case .badArgument(let kind, let argument):
            return
                "Fault '\(kind)' does not take '\(SafeText.line(argument, limit: 40))'; see `dcswatch simulate --help`."
        case .badTrigger(let trigger):
            return
                "Fault trigger '\(SafeText.line(trigger, limit: 40))' is not always, every:K, first:N or window:START-END."
        case .badScope(let scope):
            return
                "Fault call '\(SafeText.line(scope, limit: 40))' is not one of any, list, detail, stats, logs, token."
        }
    }
}
