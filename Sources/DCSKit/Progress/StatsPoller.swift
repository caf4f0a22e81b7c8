import Dispatch
import Foundation
import Logging

/// Polls `/stats` of the running online tasks at its own cadence and fetches detail and logs on
/// demand, off the UI thread (issue 5, Progress).
///
/// Rules: only tasks given to `setTasks` that are running online migrations are polled (the dashboard
/// gives the rows on screen and the selection, not the whole list: a thousand running tasks would
/// otherwise cost ~100 calls a second of the user's API quota, issue 6); each is due once per
/// `interval` (a task not polled within the last interval at once, so scrolling back and forth does
/// not poll the same rows again); at most `maxInFlight` calls run at a time, the rest wait in
/// a queue with on-demand detail/logs calls first; a throttled answer (429 or `APIGW.0308`, after the
/// client's own retries) stops every call for a backoff that doubles while throttling continues.
///
/// `@unchecked Sendable`: all mutable state is touched only on `queue` (serial; also runs the
/// ticker's handler); calls run in detached tasks and hop back onto `queue` to report.
public final class StatsPoller: @unchecked Sendable {
    /// Default seconds between two stats calls of one task.
    public static let defaultInterval: TimeInterval = 10
    /// Default cap on calls in flight.
    public static let defaultMaxInFlight = 4

    /// One call to make.
    enum Job: Hashable {
        /// A `/stats`, detail or logs call for a task.
        case stats(WatchedTask), detail(WatchedTask), logs(WatchedTask)

        /// The task the call is for.
        var task: WatchedTask {
            switch self {
            case .stats(let task), .detail(let task), .logs(let task): return task
            }
        }

        /// Identity in the queue: the kind and the task key (not the task's other fields).
        var slot: String {
            switch self {
            case .stats(let task): return "s\u{1}\(task.target)\u{1}\(task.task.taskID)"
            case .detail(let task): return "d\u{1}\(task.target)\u{1}\(task.task.taskID)"
            case .logs(let task): return "l\u{1}\(task.target)\u{1}\(task.task.taskID)"
            }
        }
    }

    private let queue = DispatchQueue(label: "dcswatch.stats")
    private let sources: [String: any TaskInsightSource]
    private let ticker: any RefreshTicker
    private let interval: TimeInterval
    private let maxInFlight: Int
    private let backoff: RefreshBackoff
    private let now: @Sendable () -> Date
    private let logger: Logger
    private let publish: @Sendable (InsightEvent) -> Void

    private var polled: [TaskKey: WatchedTask] = [:]
    private var lastPolled: [TaskKey: Date] = [:]
    private var waiting: [Job] = []
    /// The slots of `waiting`, so that de-duplicating a tick of thousands of tasks stays linear.
    private var waitingSlots: Set<String> = []
    private var inFlight: Set<String> = []
    private var peak = 0
    private var throttles = 0
    private var throttledUntil: Date?
    private var started = false
    private var stopped = false
    private var paused = false

    /// Builds a poller; `sources` maps target names to their API. Nothing happens until `start()`.
    public init(
        sources: [String: any TaskInsightSource], ticker: any RefreshTicker, interval: TimeInterval = defaultInterval,
        maxInFlight: Int = defaultMaxInFlight, backoff: RefreshBackoff = RefreshBackoff(cap: 300),
        now: @escaping @Sendable () -> Date,
        logger: Logger = Logger(label: "dcswatch.stats", factory: { _ in SwiftLogNoOpLogHandler() }),
        publish: @escaping @Sendable (InsightEvent) -> Void
    ) {
        self.sources = sources
        self.ticker = ticker
        self.interval = max(interval, 1)
        self.maxInFlight = max(maxInFlight, 1)
        self.backoff = backoff
        self.now = now
        self.logger = logger
        self.publish = publish
    }

    /// True for the tasks whose stats are worth polling: running online migrations (stats are
    /// "online migrations only", dcs-api-notes.md; a finished task's numbers no longer move).
    public static func isPollable(_ task: WatchedTask) -> Bool {
        task.task.status.category == .running && task.task.migrationType == .onlineMigration
    }

    /// Starts the ticker.
    public func start() {
        queue.sync {
            guard !started, !stopped else { return }
            started = true
            ticker.start(interval: interval, queue: queue) { [weak self] in self?.handleTick() }
            pump()
        }
    }

    /// Stops for good; calls in flight finish but publish nothing.
    public func stop() {
        queue.sync {
            stopped = true
            ticker.stop()
            waiting.removeAll()
            waitingSlots.removeAll()
        }
    }

    /// Replaces the set of tasks to poll (the pollable ones of `tasks`, in their order); a task not
    /// polled within the last interval is queued at once, and waiting stats calls of tasks no longer
    /// in the set are dropped.
    public func setTasks(_ tasks: [WatchedTask]) {
        queue.async {
            let pollable = tasks.filter(Self.isPollable)
            self.polled = Dictionary(pollable.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            self.waiting.removeAll { job in
                if case .stats(let task) = job { return self.polled[task.id] == nil }
                return false
            }
            self.waitingSlots = Set(self.waiting.map(\.slot))
            // Times of tasks that left the set are kept for one interval (a row scrolled out and back
            // is not polled twice in a row), then forgotten so the map stays as small as the screen.
            let instant = self.now()
            self.lastPolled = self.lastPolled.filter {
                self.polled[$0.key] != nil || instant.timeIntervalSince($0.value) < self.interval
            }
            for task in pollable where !self.isRecent(task.id, at: instant) { self.enqueue(.stats(task), first: false) }
            self.pump()
        }
    }

    /// Runs on `queue`: true when the task's next stats call is not due yet (half an interval of slack,
    /// as the monitor: ticks and call completions drift).
    private func isRecent(_ key: TaskKey, at instant: Date) -> Bool {
        guard let last = lastPolled[key] else { return false }
        return last.addingTimeInterval(interval).timeIntervalSince(instant) > interval / 2
    }

    /// The tasks polled now (the pollable ones of the last `setTasks`), sorted by target and id.
    public var polledTasks: [TaskKey] {
        queue.sync { polled.keys.sorted { ($0.target, $0.taskID) < ($1.target, $1.taskID) } }
    }

    /// Pauses or resumes the periodic stats calls (with the dashboard's `p`); on-demand calls still run.
    public func setPaused(_ paused: Bool) {
        queue.async { self.paused = paused }
    }

    /// Queues a stats call for every polled task now, whatever their cadence (the dashboard's `r`).
    public func pollNow() {
        queue.async {
            for (_, task) in self.polled.sorted(by: { ($0.key.target, $0.key.taskID) < ($1.key.target, $1.key.taskID) }) {
                self.enqueue(.stats(task), first: false)
            }
            self.pump()
        }
    }

    /// Fetches a task's detail soon (ahead of stats calls), and once its stats when it is an online
    /// migration that is not polled (a failed or stopped task: how far it got).
    public func requestDetail(_ task: WatchedTask) {
        queue.async {
            self.enqueue(.detail(task), first: true)
            if task.task.migrationType == .onlineMigration, self.polled[task.id] == nil {
                self.enqueue(.stats(task), first: true)
            }
            self.pump()
        }
    }

    /// Fetches a task's detail (with its stats once when it is online and not polled) and, when `logs`,
    /// its logs, after every call already waiting: the rows beside the selection, so that the pane
    /// has their answers when the cursor arrives and is drawn once instead of placeholder-then-values
    /// (issue 6: bytes per cursor move). Each task is asked for once, as if it had been selected.
    public func prefetch(_ task: WatchedTask, logs: Bool) {
        queue.async {
            self.enqueue(.detail(task), first: false)
            if task.task.migrationType == .onlineMigration, self.polled[task.id] == nil {
                self.enqueue(.stats(task), first: false)
            }
            if logs { self.enqueue(.logs(task), first: false) }
            self.pump()
        }
    }

    /// Fetches a task's latest logs soon (ahead of stats calls).
    public func requestLogs(_ task: WatchedTask) {
        queue.async {
            self.enqueue(.logs(task), first: true)
            self.pump()
        }
    }

    /// Calls in flight now.
    public var inFlightCount: Int { queue.sync { inFlight.count } }
    /// The most calls ever in flight at once.
    public var peakInFlight: Int { queue.sync { peak } }
    /// Calls waiting for a free slot.
    public var waitingCount: Int { queue.sync { waiting.count } }
    /// When calls may resume after throttling; nil when not throttled.
    public var throttledUntilDate: Date? { queue.sync { throttledUntil } }
    /// Runs a block on the poller's queue after everything posted before it (tests use it as a barrier).
    public func sync() { queue.sync {} }

    /// Runs on `queue`.
    private func handleTick() {
        guard !stopped, !paused else { return }
        let instant = now()
        for (key, task) in polled.sorted(by: { ($0.key.target, $0.key.taskID) < ($1.key.target, $1.key.taskID) }) {
            if isRecent(key, at: instant) { continue }
            enqueue(.stats(task), first: false)
        }
        pump()
    }

    /// Runs on `queue`: adds a job unless the same one is waiting or running.
    private func enqueue(_ job: Job, first: Bool) {
        let slot = job.slot
        guard !stopped, !inFlight.contains(slot) else { return }
        if waitingSlots.contains(slot) {
            // Asked for again, now soon (a prefetched row was selected): move it ahead.
            guard first, let index = waiting.firstIndex(where: { $0.slot == slot }) else { return }
            waiting.remove(at: index)
            waitingSlots.remove(slot)
        }
        waitingSlots.insert(slot)
        if first {
            let index = waiting.firstIndex { if case .stats = $0 { return true } else { return false } } ?? waiting.count
            waiting.insert(job, at: index)
        } else {
            waiting.append(job)
        }
    }

    /// Runs on `queue`: starts waiting jobs while slots are free and no throttling is in force.
    private func pump() {
        guard started, !stopped else { return }
        if let until = throttledUntil {
            guard now() >= until else { return }
            throttledUntil = nil
        }
        while inFlight.count < maxInFlight, !waiting.isEmpty {
            let job = waiting.removeFirst()
            waitingSlots.remove(job.slot)
            launch(job)
        }
    }

    /// Runs on `queue`.
    private func launch(_ job: Job) {
        let task = job.task
        guard let source = sources[task.target] else { return }
        inFlight.insert(job.slot)
        peak = max(peak, inFlight.count)
        if case .stats = job { lastPolled[task.id] = now() }
        Task.detached { [self] in
            let outcome: Result<InsightEvent, any Error>
            do {
                switch job {
                case .stats:
                    outcome = .success(.statsReceived(task.id, try await source.stats(taskID: task.task.taskID), at: now()))
                case .detail:
                    outcome = .success(.detailReceived(task.id, try await source.detail(taskID: task.task.taskID), at: now()))
                case .logs:
                    let logs = try await source.logs(taskID: task.task.taskID, offset: 0, limit: 50, level: nil)
                    outcome = .success(.logsReceived(task.id, logs, at: now()))
                }
            } catch {
                outcome = .failure(error)
            }
            queue.async { self.finish(job, outcome) }
        }
    }

    /// Runs on `queue`: publishes, applies throttling, starts the next jobs.
    private func finish(_ job: Job, _ outcome: Result<InsightEvent, any Error>) {
        inFlight.remove(job.slot)
        guard !stopped else { return }
        let instant = now()
        switch outcome {
        case .success(let event):
            throttles = 0
            publish(event)
        case .failure(let error):
            let message = error.oneLineMessage
            if Self.isThrottling(error) {
                throttles += 1
                let delay = backoff.delay(afterFailures: throttles, interval: interval)
                throttledUntil = instant.addingTimeInterval(delay)
                logger.info("stats calls throttled; pausing \(Int(delay)) s")
                // On-demand calls are retried after the pause; stats come back on their own cadence.
                if case .stats = job {} else { enqueue(job, first: true) }
            }
            let key = job.task.id
            switch job {
            case .stats: publish(.statsFailed(key, message: message, at: instant))
            case .detail: publish(.detailFailed(key, message: message, at: instant))
            case .logs: publish(.logsFailed(key, message: message, at: instant))
            }
        }
        pump()
    }

    /// True for an answer that asks us to slow down.
    static func isThrottling(_ error: any Error) -> Bool {
        guard let error = error as? APIError else { return false }
        return error.status == 429 || error.code == "APIGW.0308"
    }
}
