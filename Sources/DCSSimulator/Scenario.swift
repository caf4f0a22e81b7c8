import Foundation

/// The simulated project: a seeded set of tasks whose state is a pure function of (seed, elapsed time).
///
/// Time line: before `epoch` (the simulator's start) simulated time equals wall time, so history
/// spreads over real days; after it, simulated time runs `speed` times faster, so migrations move
/// visibly during a demo while every timestamp stays a plausible wall-clock time.
public struct Scenario: Sendable {
    /// The seed everything is drawn from.
    public let seed: UInt64
    /// Wall-clock start of the simulator.
    public let epoch: Date
    /// Simulated seconds per wall second after `epoch`; 0 freezes the scenario at its start (benchmarks
    /// of "nothing changed", issue 6).
    public let speed: Double
    /// The tasks that exist at the start, then those that appear later, in order of appearance.
    public let tasks: [ScenarioTask]
    /// `tasks` in list order (newest start first, ties by id), sorted once: creation dates follow
    /// starts, so the order never changes and each request only filters.
    private let listOrder: [ScenarioTask]

    /// Simulated seconds a stop request takes before the task is TERMINATED.
    static let terminatingSeconds = 60.0

    /// Draws `taskCount` tasks spread over the past week (about half of them in a wave of the last
    /// two hours) and the tasks that will appear later (every 15–45 simulated minutes).
    public init(seed: UInt64, taskCount: Int, speed: Double, epoch: Date) {
        self.seed = seed
        self.epoch = epoch
        self.speed = speed.isFinite && speed >= 0 ? speed : 1
        var timeline = SeededGenerator(seed: seed, stream: 0)
        var tasks: [ScenarioTask] = []
        let initial = max(0, taskCount)
        for index in 0..<initial {
            let inWave = timeline.unit() < 0.5
            let start = inWave ? -timeline.unit() * 7_200 : -(21_600 + timeline.unit() * 583_200)
            tasks.append(ScenarioTask.generate(seed: seed, index: index, start: start))
        }
        Self.assignShowcaseProfiles(&tasks)
        // New tasks keep appearing; bounded so a long run at high speed stays cheap, and so that a large
        // scenario starts fast (20,000 later tasks are 14 months of simulated time).
        var next = 0.0
        for index in initial..<(initial + max(50, min(2 * initial, 20_000))) {
            next += 900 + timeline.unit() * 1_800
            tasks.append(ScenarioTask.generate(seed: seed, index: index, start: next))
        }
        self.tasks = tasks
        listOrder = tasks.sorted { lhs, rhs in
            lhs.simulatedStart == rhs.simulatedStart ? lhs.id < rhs.id : lhs.simulatedStart > rhs.simulatedStart
        }
    }

    /// Gives the sync profiles of issue 16 to three initial full+incremental tasks that neither fail
    /// nor are stopped, newest first (the top of the list): two already replicating settle and fall
    /// behind, one still copying restarts. Only these tasks change; a scenario without such tasks
    /// has none.
    static func assignShowcaseProfiles(_ tasks: inout [ScenarioTask]) {
        let candidates = tasks.indices.filter {
            tasks[$0].isIncremental && tasks[$0].failure == nil && tasks[$0].stopAge == nil
                && tasks[$0].migrationType == "online_migration"
        }.sorted { tasks[$0].simulatedStart > tasks[$1].simulatedStart }
        let replicating = candidates.filter { -tasks[$0].simulatedStart > tasks[$0].fullDuration }
        let copying = candidates.filter { -tasks[$0].simulatedStart < tasks[$0].fullDuration * SyncProfile.restartFraction }
        var taken: Set<Int> = []
        for (profile, pool) in [(SyncProfile.settles, replicating), (.fallsBehind, replicating), (.restarts, copying)] {
            guard let index = pool.first(where: { !taken.contains($0) }) else { continue }
            taken.insert(index)
            tasks[index].syncProfile = profile
        }
    }

    /// Simulated seconds (relative to `epoch`) at a wall-clock date.
    public func simulatedTime(at date: Date) -> Double {
        let elapsed = date.timeIntervalSince(epoch)
        return elapsed >= 0 ? elapsed * speed : elapsed
    }

    /// The wall-clock date of a simulated time.
    public func wallDate(simulatedTime: Double) -> Date {
        // Frozen (speed 0): simulated time never passes 0, so later dates map one to one, never divide by 0.
        epoch.addingTimeInterval(simulatedTime >= 0 && speed > 0 ? simulatedTime / speed : simulatedTime)
    }

    /// Every task that exists at `date`, newest first (ties by id), as the list call returns them.
    public func snapshots(at date: Date) -> [TaskSnapshot] {
        let now = simulatedTime(at: date)
        return existingTasks(at: date).map { snapshot(of: $0, simulatedNow: now) }
    }

    /// The tasks that exist at `date`, in list order, without computing their state (cheap to filter
    /// and page before only the page's snapshots are computed).
    public func existingTasks(at date: Date) -> ArraySlice<ScenarioTask> {
        let now = simulatedTime(at: date)
        // Newest start first: the tasks that do not exist yet are a prefix; find its end by bisection,
        // so a page costs O(page), not O(tasks) (issue 6).
        var low = 0
        var high = listOrder.count
        while low < high {
            let middle = (low + high) / 2
            if listOrder[middle].simulatedStart > now { low = middle + 1 } else { high = middle }
        }
        return listOrder[low...]
    }

    /// The state of `task` at `date`.
    public func snapshot(of task: ScenarioTask, at date: Date) -> TaskSnapshot {
        snapshot(of: task, simulatedNow: simulatedTime(at: date))
    }

    /// The task with `id` at `date`, nil when it does not exist (yet).
    public func snapshot(id: String, at date: Date) -> TaskSnapshot? {
        let now = simulatedTime(at: date)
        guard let task = tasks.first(where: { $0.id == id }), task.simulatedStart <= now else { return nil }
        return snapshot(of: task, simulatedNow: now)
    }

    /// The phase of `task` at simulated time `now`, with the dates that go with it.
    func snapshot(of task: ScenarioTask, simulatedNow now: Double) -> TaskSnapshot {
        let age = max(0, now - task.simulatedStart)
        var phase: TaskPhase
        var changedAge = 0.0
        let failAge = task.failure.map { $0.fraction * task.fullDuration }
        let stopAge = task.stopAge ?? .infinity
        if let failAge, age >= failAge, failAge < stopAge {
            phase = .failed
            changedAge = failAge
        } else if age >= stopAge + Scenario.terminatingSeconds {
            phase = .terminated
            changedAge = stopAge + Scenario.terminatingSeconds
        } else if age >= stopAge {
            phase = .terminating
            changedAge = stopAge
        } else if age < task.fullEndAge {
            phase = .fullMigration(progress: task.fullProgress(atAge: age))
        } else if task.isIncremental {
            phase = .incrementalSync
            changedAge = task.fullEndAge
        } else {
            phase = .succeeded
            changedAge = task.fullDuration
        }
        let ended: Bool
        switch phase {
        case .failed, .terminated, .succeeded: ended = true
        default: ended = false
        }
        let released =
            ended && age - changedAge >= 300 ? wallDate(simulatedTime: task.simulatedStart + changedAge + 300) : nil
        return TaskSnapshot(
            task: task, phase: phase, createdAt: wallDate(simulatedTime: task.simulatedStart),
            updatedAt: wallDate(simulatedTime: task.simulatedStart + changedAge), releasedAt: released, age: age)
    }
}
