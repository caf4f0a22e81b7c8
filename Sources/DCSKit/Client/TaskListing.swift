/// Everything one full listing of a target returned: the de-duplicated tasks and the items that could
/// not be decoded (reported to the user, never fatal).
public struct TaskCollection: Sendable, Hashable {
    /// Tasks in server order, unique by `taskID`.
    public var tasks: [MigrationTask]
    /// Items skipped because they could not be decoded.
    public var issues: [TaskDecodingIssue]

    /// Builds a collection.
    public init(tasks: [MigrationTask], issues: [TaskDecodingIssue] = []) {
        self.tasks = tasks
        self.issues = issues
    }
}

/// The capability the monitor and every front end need from a target: list all of its tasks.
/// `DCSClient` implements it over HTTP; tests may use the simulator's router in-process.
public protocol TaskListing: Sendable {
    /// Fetches every task of the target (all pages). Throws `UserFacingError`s.
    func listAllTasks() async throws -> TaskCollection
}
