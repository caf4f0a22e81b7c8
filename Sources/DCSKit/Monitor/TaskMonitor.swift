import Dispatch
import Foundation
import Logging

/// Refreshes every target's task list on a ticker and publishes snapshots and diffs (issue 4, Monitor).
///
/// Rules: each target has at most one fetch in flight (a tick that finds it busy is dropped, not
/// queued); targets are fetched concurrently, so a hung target never delays another; a failing
/// target backs off exponentially (capped) and keeps its last good tasks; `refreshNow()` ignores
/// backoff and pause; `setPaused(true)` ignores ticks. Events go to `publish`, called on the
/// monitor's queue: the receiver must hand them to its own thread (the dashboard's inbox).
///
/// `@unchecked Sendable`: all mutable state is touched only on `queue` (a serial queue that also
/// runs the ticker's handler); fetches run in detached tasks and hop back onto `queue` to report.
public final class TaskMonitor: @unchecked Sendable {
    /// The serial queue that owns the state below.
    private let queue = DispatchQueue(label: "dcswatch.monitor")
    private let targets: [MonitoredTarget]
    private let ticker: any RefreshTicker
    private let backoff: RefreshBackoff
    private let now: @Sendable () -> Date
    private let logger: Logger
    private let publish: @Sendable (MonitorEvent) -> Void

    private var interval: TimeInterval
    private var paused = false
    private var started = false
    private var stopped = false
    private var states: [TargetSnapshot]
    /// When each target may next be fetched by a tick (backoff); index-aligned with `targets`.
    private var nextDue: [Date?]
    private var droppedTicks = 0

    /// Builds a monitor; nothing happens until `start()`.
    public init(
        targets: [MonitoredTarget], ticker: any RefreshTicker, interval: TimeInterval = 5,
        backoff: RefreshBackoff = RefreshBackoff(), now: @escaping @Sendable () -> Date,
        logger: Logger = Logger(label: "dcswatch.monitor", factory: { _ in SwiftLogNoOpLogHandler() }),
        publish: @escaping @Sendable (MonitorEvent) -> Void
    ) {
        self.targets = targets
        self.ticker = ticker
        self.interval = max(interval, TaskMonitor.minimumInterval)
        self.backoff = backoff
        self.now = now
        self.logger = logger
        self.publish = publish
        self.states = targets.map { TargetSnapshot(name: $0.name) }
        self.nextDue = Array(repeating: nil, count: targets.count)
    }

    /// The shortest refresh interval accepted, in seconds.
    public static let minimumInterval: TimeInterval = 0.2

    /// The refresh interval of the dashboard and `events` when neither `--interval` nor the config's
    /// `refresh_interval_seconds` sets one (README): one list call per page every 10 s.
    public static let defaultInterval: TimeInterval = 10

    /// Starts the ticker and fetches every target at once.
    public func start() {
        queue.sync {
            guard !started, !stopped else { return }
            started = true
            ticker.start(interval: interval, queue: queue) { [weak self] in self?.handleTick() }
            fetchAll(ignoringBackoff: true)
        }
    }

    /// Fetches every target that is not already being fetched, now, ignoring backoff and pause.
    public func refreshNow() {
        queue.async { self.fetchAll(ignoringBackoff: true) }
    }

    /// Pauses or resumes the periodic refresh (manual refresh still works while paused).
    public func setPaused(_ paused: Bool) {
        queue.async { self.paused = paused }
    }

    /// Changes the refresh interval (clamped to `minimumInterval`).
    public func setInterval(_ seconds: TimeInterval) {
        queue.async {
            self.interval = max(seconds, TaskMonitor.minimumInterval)
            self.ticker.setInterval(self.interval)
        }
    }

    /// Stops the ticker; fetches still in flight finish but publish nothing.
    public func stop() {
        queue.sync {
            stopped = true
            ticker.stop()
        }
    }

    /// The current snapshot (for tests and for a first draw).
    public var snapshot: TaskSnapshot {
        queue.sync { TaskSnapshot(targets: states) }
    }

    /// How many ticks were dropped because every due target was already in flight.
    public var droppedTickCount: Int {
        queue.sync { droppedTicks }
    }

    /// Runs on `queue`.
    private func handleTick() {
        guard !stopped, !paused else { return }
        fetchAll(ignoringBackoff: false)
    }

    /// Runs on `queue`: starts a fetch for every idle (and, unless ignoring backoff, due) target.
    private func fetchAll(ignoringBackoff: Bool) {
        guard !stopped else { return }
        let instant = now()
        var startedAny = false
        var busy = false
        for index in targets.indices {
            if states[index].isFetching {
                busy = true
                continue
            }
            // Half an interval of slack: ticks and fetch completions drift, and a retry due a few
            // milliseconds after a tick should not wait a whole extra interval.
            if !ignoringBackoff, let due = nextDue[index], due.timeIntervalSince(instant) > interval / 2 { continue }
            startFetch(index)
            startedAny = true
        }
        if busy && !startedAny {
            droppedTicks += 1
            logger.debug("refresh tick dropped: a fetch is still in flight")
        }
    }

    /// Runs on `queue`.
    private func startFetch(_ index: Int) {
        states[index].isFetching = true
        states[index].fetchStartedAt = now()
        let target = targets[index]
        publish(.fetchStarted(target: target.name, snapshot: TaskSnapshot(targets: states)))
        Task.detached { [self] in
            let result: Result<TaskCollection, any Error>
            do {
                result = .success(try await target.listing.listAllTasks())
            } catch {
                result = .failure(error)
            }
            queue.async { self.finishFetch(index, result: result) }
        }
    }

    /// Runs on `queue`: records the result, schedules the next attempt and publishes.
    private func finishFetch(_ index: Int, result: Result<TaskCollection, any Error>) {
        states[index].isFetching = false
        states[index].fetchStartedAt = nil
        guard !stopped else { return }
        let instant = now()
        let name = targets[index].name
        switch result {
        case .success(let collection):
            var diff = SnapshotDiff()
            // A target's first listing is the baseline, not news (EventLog ignores it): its diff stays
            // empty instead of copying every task into `added` — 46 MB at 100,000 tasks (issue 6).
            if states[index].fetchedAt != nil {
                diff.append(between: states[index].tasks, and: collection.tasks, target: name)
            }
            states[index].tasks = collection.tasks
            states[index].issues = collection.issues
            states[index].fetchedAt = instant
            if states[index].failure != nil {
                logger.info("target \(name) recovered")
            }
            states[index].failure = nil
            nextDue[index] = nil
            publish(.refreshed(target: name, snapshot: TaskSnapshot(targets: states), diff: diff))
        case .failure(let error):
            let failures = (states[index].failure?.consecutiveFailures ?? 0) + 1
            let delay = backoff.delay(afterFailures: failures, interval: interval)
            let failure = TargetFailure(
                message: error.oneLineMessage, since: states[index].failure?.since ?? instant,
                consecutiveFailures: failures, nextAttemptAt: instant.addingTimeInterval(delay))
            states[index].failure = failure
            nextDue[index] = failure.nextAttemptAt
            logger.warning("target \(name) refresh failed (\(failures) in a row): \(failure.message)")
            publish(.failed(target: name, snapshot: TaskSnapshot(targets: states), failure: failure))
        }
    }
}
