import DCSKit
import Foundation
import Testing

/// The sync-state classifier over sequences of stats answers (issue 16).
@Suite("Sync tracker")
struct SyncTrackerTests {
    let start = Date(timeIntervalSince1970: 1_767_225_600)

    /// An online full+incremental task with `status`.
    func task(_ status: String, method: String = "incremental_migration") -> MigrationTask {
        MigrationTask(
            taskID: "t-1", name: "orders", status: status, migrationType: "online_migration", migrationMethod: method)
    }

    /// Feeds (seconds, status, progress, offset) answers 10 s apart unless given; returns the changes.
    @discardableResult
    func feed(
        _ tracker: inout SyncTracker, _ answers: [(TimeInterval, String, Double?, Double?)]
    ) -> [SyncChange?] {
        answers.map { seconds, status, progress, offset in
            tracker.observe(
                TaskStats(fullMigrationProgress: progress, offset: offset), task: task(status),
                at: start.addingTimeInterval(seconds))
        }
    }

    @Test func inSyncNeedsThePollsNotTheFirstAnswerAtZero() {
        var tracker = SyncTracker()
        let changes = feed(
            &tracker,
            [
                (0, "FULLMIGRATING", 40, nil), (10, "FULLMIGRATING", 90, nil), (20, "INCRMIGRATING", 100, 5_000),
                (30, "INCRMIGRATING", 100, 0), (40, "INCRMIGRATING", 100, 0),
            ])
        #expect(changes.allSatisfy { $0 == nil })
        #expect(tracker.state == .catchingUp(lag: 0, trend: .falling, timeLeft: nil, confirmations: 2))
        #expect(!tracker.isInSync)
        let third = feed(&tracker, [(50, "INCRMIGRATING", 100, 0)])
        #expect(third == [.inSync])
        // Since the first of the three answers at the threshold.
        #expect(tracker.state == .inSync(since: start.addingTimeInterval(30), lag: 0))
        #expect(tracker.isInSync)
        #expect(feed(&tracker, [(60, "INCRMIGRATING", 100, 0)]) == [nil])
    }

    @Test func copyingCarriesProgressAndTimeLeft() {
        var tracker = SyncTracker()
        feed(&tracker, [(0, "MIGRATING", 30, 0), (50, "MIGRATING", 35, 0), (100, "MIGRATING", 40, 0)])
        // MIGRATING below 100 % is the full copy: offset 0 there is not "caught up".
        #expect(tracker.state == .copying(progress: 40, timeLeft: 600))
        #expect(!tracker.isInSync)
    }

    @Test func anOffsetThatNeverReachesZeroIsNeverInSyncAtThresholdZero() {
        let lags: [Double] = [12, 8, 15, 9, 3, 11, 7, 14, 2, 10]
        var strict = SyncTracker()
        var lenient = SyncTracker(thresholds: SyncThresholds(lagThreshold: 20, polls: 3))
        for (index, lag) in lags.enumerated() {
            let answer = [(Double(index) * 10, "MIGRATING", Optional(100.0), Optional(lag))]
            feed(&strict, answer)
            feed(&lenient, answer)
        }
        #expect(strict.state.name == "catching up")
        #expect(!strict.isInSync)
        #expect(lenient.state == .inSync(since: start, lag: 10))
    }

    @Test func numbersAsStringsAndTheMisspelledStatus() throws {
        var tracker = SyncTracker(thresholds: SyncThresholds(lagThreshold: 0, polls: 2))
        let body = Data(#"{"full_migration_progress": "100", "offset": "0", "is_migrating": "true"}"#.utf8)
        let stats = try TaskStats.decode(body)
        tracker.observe(stats, task: task("INCRMIGEATING"), at: start)
        let change = tracker.observe(stats, task: task("INCRMIGEATING"), at: start.addingTimeInterval(10))
        #expect(change == .inSync)
    }

    @Test func nullsAndFailuresAreStaleAndNeverInSync() throws {
        var tracker = SyncTracker()
        feed(&tracker, [(0, "MIGRATING", 100, 0), (10, "MIGRATING", 100, 0), (20, "MIGRATING", 100, 0)])
        #expect(tracker.isInSync)
        // A null offset: no evidence either way. The state stays, marked stale, and is not "in sync".
        feed(&tracker, [(30, "MIGRATING", 100, nil)])
        #expect(tracker.staleReason == "the stats answer has no offset")
        #expect(tracker.state.isInSync)
        #expect(!tracker.isInSync)
        tracker.observeFailure("HTTP 500 DCS.5000")
        #expect(tracker.staleReason == "HTTP 500 DCS.5000")
        #expect(!tracker.isInSync)
        // Garbage (a JSON array): all nil.
        tracker.observe(try TaskStats.decode(Data("[1, 2]".utf8)), task: task("MIGRATING"), at: start.addingTimeInterval(50))
        #expect(!tracker.isInSync)
        // The next good answer is current again, with the same start: the gap broke nothing.
        #expect(feed(&tracker, [(60, "MIGRATING", 100, 0)]) == [nil])
        #expect(tracker.isInSync)
        #expect(tracker.state == .inSync(since: start, lag: 0))
    }

    @Test func aGapBetweenAnswersDoesNotCount() {
        // Stats calls failing for an hour between two answers: neither breaks nor counts.
        var tracker = SyncTracker()
        feed(&tracker, [(0, "MIGRATING", 100, 0), (10, "MIGRATING", 100, 0)])
        tracker.observeFailure("timed out")
        #expect(tracker.confirmations == 2)
        #expect(feed(&tracker, [(3_600, "MIGRATING", 100, 0)]) == [.inSync])
    }

    @Test func progressRegressFromRoundingIsNotARestart() {
        var tracker = SyncTracker()
        let changes = feed(
            &tracker,
            [
                (0, "FULLMIGRATING", 64, nil), (10, "FULLMIGRATING", 63.2, nil), (20, "FULLMIGRATING", 63, nil),
                (30, "FULLMIGRATING", 65, nil),
            ])
        #expect(changes.allSatisfy { $0 == nil })
        #expect(tracker.state.name == "copying")
    }

    @Test func progressFallingIsARestart() {
        var tracker = SyncTracker()
        let changes = feed(
            &tracker, [(0, "FULLMIGRATING", 80, nil), (10, "FULLMIGRATING", 85, nil), (20, "FULLMIGRATING", 5, nil)])
        #expect(changes == [nil, nil, .restarted])
        #expect(tracker.state == .restarted(at: start.addingTimeInterval(20), progress: 5, timeLeft: nil))
        // The new copy goes on: still "restarted" (with its own rate), not silent.
        feed(&tracker, [(30, "FULLMIGRATING", 10, nil)])
        #expect(tracker.state == .restarted(at: start.addingTimeInterval(20), progress: 10, timeLeft: 180))
        // Once replicating it catches up as any other.
        feed(&tracker, [(40, "INCRMIGRATING", 100, 900)])
        #expect(tracker.state.name == "catching up")
    }

    @Test func incrementalBackToFullIsARestart() {
        var tracker = SyncTracker()
        feed(&tracker, [(0, "INCRMIGRATING", 100, 0), (10, "INCRMIGRATING", 100, 0), (20, "INCRMIGRATING", 100, 0)])
        #expect(tracker.isInSync)
        // Automatic resume after a broken connection: the copy starts again (progress 99.5 is
        // within rounding of 100, the phase tells).
        #expect(feed(&tracker, [(30, "FULLMIGRATING", 99.5, nil)]) == [.restarted])
        #expect(!tracker.isInSync)
    }

    @Test func fellBehindAfterInSyncThenBackInSync() {
        var tracker = SyncTracker()
        feed(&tracker, [(0, "MIGRATING", 100, 0), (10, "MIGRATING", 100, 0), (20, "MIGRATING", 100, 0)])
        #expect(feed(&tracker, [(30, "MIGRATING", 100, 500)]) == [.fellBehind])
        #expect(
            tracker.state == .fellBehind(since: start.addingTimeInterval(30), lag: 500, trend: .rising, timeLeft: nil))
        #expect(feed(&tracker, [(40, "MIGRATING", 100, 800)]) == [nil])
        #expect(tracker.state.name == "fell behind")
        let back = feed(&tracker, [(50, "MIGRATING", 100, 0), (60, "MIGRATING", 100, 0), (70, "MIGRATING", 100, 0)])
        #expect(back == [nil, nil, .inSync])
    }

    @Test func catchingUpHasATrendAndAnETA() {
        var tracker = SyncTracker()
        feed(&tracker, [(0, "MIGRATING", 100, 1_000), (10, "MIGRATING", 100, 800), (20, "MIGRATING", 100, 600)])
        // 20 per second down; 600 left → 30 s.
        #expect(tracker.state == .catchingUp(lag: 600, trend: .falling, timeLeft: 30, confirmations: 0))
        feed(&tracker, [(30, "MIGRATING", 100, 5_000)])
        guard case .catchingUp(_, let trend, let timeLeft, _) = tracker.state else {
            Issue.record("not catching up: \(tracker.state)")
            return
        }
        #expect(trend == .rising)
        #expect(timeLeft == nil)
    }

    @Test func aFullOnlyTaskIsAlwaysCopying() {
        var tracker = SyncTracker(thresholds: SyncThresholds(lagThreshold: 0, polls: 1))
        tracker.observe(
            TaskStats(fullMigrationProgress: 100, offset: 0), task: task("MIGRATING", method: "full_amount_migration"),
            at: start)
        #expect(tracker.state == .copying(progress: 100, timeLeft: nil))
    }

    @Test func phaseFromStatusAndProgress() {
        let incremental = MigrationMethod.incremental
        #expect(MigrationPhase.of(status: TaskStatus(raw: "FULLMIGRATING"), method: incremental, progress: 100) == .full)
        #expect(MigrationPhase.of(status: TaskStatus(raw: "incrmigeating "), method: incremental, progress: nil) == .incremental)
        #expect(MigrationPhase.of(status: TaskStatus(raw: "MIGRATING"), method: incremental, progress: 99.9) == .full)
        #expect(MigrationPhase.of(status: TaskStatus(raw: "MIGRATING"), method: incremental, progress: nil) == nil)
        #expect(MigrationPhase.of(status: TaskStatus(raw: "SUCCESS"), method: incremental, progress: 100) == nil)
    }

    @Test func thresholdsAreChecked() {
        #expect(SyncThresholds.problem(lagThreshold: -1, polls: nil) != nil)
        #expect(SyncThresholds.problem(lagThreshold: .nan, polls: nil) != nil)
        #expect(SyncThresholds.problem(lagThreshold: 100, polls: 0) != nil)
        #expect(SyncThresholds.problem(lagThreshold: 100, polls: 3) == nil)
        #expect(SyncThresholds(lagThreshold: 0, polls: 3).summary == "threshold 0, 3 polls")
    }
}
