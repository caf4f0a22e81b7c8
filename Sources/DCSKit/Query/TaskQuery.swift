/// A parsed dashboard filter (issue 4, live filter): `status:` (category or raw status), `type:`
/// (migration type or method), `target:` (target name) and free text over name, id, addresses,
/// description and error message, all case-insensitive.
///
/// Tokens with the same key are alternatives (`status:failed status:running` shows both); different
/// keys and free-text words must all match. A value may list alternatives with commas
/// (`status:failed,terminated`). Text with another colon (`10.0.0.1:6379`) is free text.
public struct TaskQuery: Sendable, Hashable {
    /// One `type:` alternative.
    public enum TypeMatch: Sendable, Hashable {
        /// `online`.
        case online
        /// `backup` / `import`.
        case backup
        /// `full`: full-only method.
        case full
        /// `incremental` / `incr`.
        case incremental
    }

    /// Categories accepted (empty: any).
    public var categories: Set<StatusCategory> = []
    /// Raw statuses accepted, uppercased (empty: any). OR-ed with `categories`.
    public var rawStatuses: Set<String> = []
    /// Types accepted (empty: any).
    public var types: Set<TypeMatch> = []
    /// Target name fragments accepted, lowercased (empty: any).
    public var targets: [String] = []
    /// Free-text words, lowercased; each must appear in some searched field.
    public var terms: [String] = []

    /// The empty query matches everything.
    public init() {}

    /// True when nothing restricts the result.
    public var isEmpty: Bool {
        categories.isEmpty && rawStatuses.isEmpty && types.isEmpty && targets.isEmpty && terms.isEmpty
    }

    /// Raw statuses a user may name in `status:` (documented and observed, dcs-api-notes.md).
    static let knownRawStatuses: Set<String> = [
        "SUCCESS", "FAILED", "MIGRATING", "TERMINATED", "TERMINATING", "FULLMIGRATING", "INCRMIGRATING",
        "INCRMIGEATING", "RUNNING", "MIGRATION_FAILED", "RELEASED", "DELETED",
    ]

    /// Parses filter text; the error says which token is wrong. Never traps, whatever the input.
    public static func parse(_ text: String) -> Result<TaskQuery, QueryError> {
        var query = TaskQuery()
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            let token = String(word)
            guard let colon = token.firstIndex(of: ":") else {
                query.terms.append(token.lowercased())
                continue
            }
            let key = token[..<colon].lowercased()
            let value = String(token[token.index(after: colon)...])
            guard ["status", "type", "target"].contains(key) else {
                query.terms.append(token.lowercased())
                continue
            }
            let values = value.split(separator: ",").map(String.init).filter { !$0.isEmpty }
            guard !values.isEmpty else { return .failure(.emptyValue(key: key)) }
            for value in values {
                switch key {
                case "status":
                    if let category = StatusCategory(userText: value) {
                        query.categories.insert(category)
                    } else if knownRawStatuses.contains(value.uppercased()) {
                        query.rawStatuses.insert(value.uppercased())
                    } else {
                        return .failure(.unknownStatus(value))
                    }
                case "type":
                    guard let match = TypeMatch(userText: value) else { return .failure(.unknownType(value)) }
                    query.types.insert(match)
                default:
                    query.targets.append(value.lowercased())
                }
            }
        }
        return .success(query)
    }
}

extension TaskQuery.TypeMatch {
    /// Reads a `type:` value as users type it.
    init?(userText: String) {
        switch userText.lowercased() {
        case "online", "online_migration": self = .online
        case "backup", "import", "backupfile", "backupfile_import", "offline": self = .backup
        case "full", "full_amount_migration": self = .full
        case "incremental", "incr", "incremental_migration", "full+incr": self = .incremental
        default: return nil
        }
    }
}
