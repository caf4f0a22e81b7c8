import Foundation

/// Why the last fetch of a target failed and since when; the tasks shown stay those of the last
/// successful fetch (issue 4, failure handling).
public struct TargetFailure: Sendable, Hashable {
    /// The error's one-line message (`oneLineMessage`, already sanitised, no secrets).
    public var message: String
    /// When the first failure of the current run happened.
    public var since: Date
    /// Consecutive failures so far.
    public var consecutiveFailures: Int
    /// When the monitor will try again by itself.
    public var nextAttemptAt: Date

    /// Builds a failure record.
    public init(message: String, since: Date, consecutiveFailures: Int, nextAttemptAt: Date) {
        self.message = message
        self.since = since
        self.consecutiveFailures = consecutiveFailures
        self.nextAttemptAt = nextAttemptAt
    }
}

/// What the monitor knows about one target.
public struct TargetSnapshot: Sendable, Hashable {
    /// The target's configured name.
    public var name: String
    /// Tasks of the last successful fetch, in server order.
    public var tasks: [MigrationTask]
    /// Items of the last successful fetch that could not be decoded.
    public var issues: [TaskDecodingIssue]
    /// When the last successful fetch finished; nil before the first.
    public var fetchedAt: Date?
    /// The current run of failures; nil when the last fetch succeeded.
    public var failure: TargetFailure?
    /// True while a fetch of this target is in flight.
    public var isFetching: Bool
    /// When the fetch in flight started (monitor clock); nil while idle.
    public var fetchStartedAt: Date?

    /// Builds a target snapshot.
    public init(
        name: String, tasks: [MigrationTask] = [], issues: [TaskDecodingIssue] = [], fetchedAt: Date? = nil,
        failure: TargetFailure? = nil, isFetching: Bool = false, fetchStartedAt: Date? = nil
    ) {
        self.name = name
        self.tasks = tasks
        self.issues = issues
        self.fetchedAt = fetchedAt
        self.failure = failure
        self.isFetching = isFetching
        self.fetchStartedAt = fetchStartedAt
    }
}

/// Everything the monitor knows at one instant, for every target in configured order.
public struct TaskSnapshot: Sendable, Hashable {
    /// Per-target state, in the order the targets were configured.
    public var targets: [TargetSnapshot]

    /// Builds a snapshot.
    public init(targets: [TargetSnapshot]) {
        self.targets = targets
    }

    /// Every task of every target, tagged with its target, in target then server order.
    public var watchedTasks: [WatchedTask] {
        targets.flatMap { target in target.tasks.map { WatchedTask(target: target.name, task: $0) } }
    }

    /// True while any target is being fetched.
    public var isFetching: Bool { targets.contains(where: \.isFetching) }

    /// When the oldest fetch still in flight started; nil when none is.
    public var oldestFetchStart: Date? { targets.compactMap(\.fetchStartedAt).min() }

    /// The oldest successful fetch time among targets that have one (the age to show).
    public var oldestFetch: Date? { targets.compactMap(\.fetchedAt).min() }

    /// Targets whose last fetch failed.
    public var failingTargets: [TargetSnapshot] { targets.filter { $0.failure != nil } }
}
