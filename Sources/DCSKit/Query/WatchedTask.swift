/// A task together with the name of the target it came from; the unit the dashboard lists, filters
/// and selects. Identity is the pair (target, task id): two targets may hold equal task ids.
public struct WatchedTask: Sendable, Hashable, Identifiable {
    /// The configured target name.
    public var target: String
    /// The task as last fetched.
    public var task: MigrationTask

    /// Builds a watched task.
    public init(target: String, task: MigrationTask) {
        self.target = target
        self.task = task
    }

    /// Target and task id.
    public var id: TaskKey { TaskKey(target: target, taskID: task.taskID) }
}

/// Identifies a task across refreshes and re-sorts (the selection follows it, not the row).
public struct TaskKey: Sendable, Hashable {
    /// The configured target name.
    public var target: String
    /// The task id.
    public var taskID: String

    /// Builds a key.
    public init(target: String, taskID: String) {
        self.target = target
        self.taskID = taskID
    }
}
