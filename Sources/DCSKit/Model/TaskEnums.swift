/// `migration_type`: how data reaches the target.
public enum MigrationType: Sendable, Hashable {
    case backupFileImport
    case onlineMigration
    case unknown(String)

    /// Maps the API's text; anything unexpected is kept as `.unknown(raw)`.
    public init(raw: String) {
        switch raw {
        case "backupfile_import": self = .backupFileImport
        case "online_migration": self = .onlineMigration
        default: self = .unknown(raw)
        }
    }

    /// The API's text for this value.
    public var rawValue: String {
        switch self {
        case .backupFileImport: return "backupfile_import"
        case .onlineMigration: return "online_migration"
        case .unknown(let raw): return raw
        }
    }

    /// A short label for tables.
    public var shortLabel: String {
        switch self {
        case .backupFileImport: return "backup"
        case .onlineMigration: return "online"
        case .unknown(let raw): return raw.isEmpty ? "-" : raw
        }
    }
}

/// `migration_method`: full only, or full followed by incremental sync.
public enum MigrationMethod: Sendable, Hashable {
    case fullAmount
    case incremental
    case unknown(String)

    /// Maps the API's text; anything unexpected is kept as `.unknown(raw)`.
    public init(raw: String) {
        switch raw {
        case "full_amount_migration": self = .fullAmount
        case "incremental_migration": self = .incremental
        default: self = .unknown(raw)
        }
    }

    /// The API's text for this value.
    public var rawValue: String {
        switch self {
        case .fullAmount: return "full_amount_migration"
        case .incremental: return "incremental_migration"
        case .unknown(let raw): return raw
        }
    }

    /// A short label for tables.
    public var shortLabel: String {
        switch self {
        case .fullAmount: return "full"
        case .incremental: return "full+incr"
        case .unknown(let raw): return raw.isEmpty ? "-" : raw
        }
    }
}

/// `resume_mode`: whether an interrupted migration resumes by itself.
public enum ResumeMode: Sendable, Hashable {
    case auto
    case manual
    case unknown(String)

    /// Maps the API's text; anything unexpected is kept as `.unknown(raw)`.
    public init(raw: String) {
        switch raw {
        case "auto": self = .auto
        case "manual": self = .manual
        default: self = .unknown(raw)
        }
    }

    /// The API's text for this value.
    public var rawValue: String {
        switch self {
        case .auto: return "auto"
        case .manual: return "manual"
        case .unknown(let raw): return raw
        }
    }
}
