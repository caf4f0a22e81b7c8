/// A task tagged with the name of the target (project/region) it came from: what `list` prints.
public struct TargetTask: Sendable, Hashable {
    /// The target's configured name.
    public var target: String
    /// The task.
    public var task: MigrationTask

    /// Builds a tagged task.
    public init(target: String, task: MigrationTask) {
        self.target = target
        self.task = task
    }
}

/// The `--sort` keys of `dcswatch list`.
public enum ListSortKey: String, Sendable, CaseIterable {
    case name
    case status
    case created
    case target
}

/// The `--output` formats of `dcswatch list`.
public enum ListOutputFormat: String, Sendable, CaseIterable {
    case table
    case json
    case ndjson
    case csv
}
