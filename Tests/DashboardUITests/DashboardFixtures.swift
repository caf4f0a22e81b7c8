import DCSKit
import DCSTestSupport
import DashboardUI
import Foundation

/// Tasks and states shared by the view and reducer tests. The clock is fixed at 2026-01-01 02:30:00
/// UTC and times are shown in UTC, so every age and date in the expected screens can be worked out by hand.
enum DashboardFixtures {
    static let now = Date(timeIntervalSince1970: 1_767_234_600)  // 2026-01-01T02:30:00Z
    static let utc = TimeZone(identifier: "UTC") ?? .current

    static let tasks: [MigrationTask] = [
        MigrationTask(
            taskID: "t-001", name: "orders-cache", status: "FAILED", migrationType: "online_migration",
            migrationMethod: "incremental_migration", dataSource: "10.0.0.1:6379", targetInstanceName: "dcs-orders",
            createdAt: "2026-01-01T00:00:00Z", errorMessage: "source auth failed"),
        MigrationTask(
            taskID: "t-002", name: "sessions", status: "MIGRATING", migrationType: "online_migration",
            migrationMethod: "incremental_migration", sourceInstanceName: "redis-src", targetInstanceName: "dcs-sessions",
            createdAt: "2025-12-31T12:00:00Z"),
        MigrationTask(
            taskID: "t-003", name: "catalog", status: "SUCCESS", migrationType: "backupfile_import",
            migrationMethod: "full_amount_migration", dataSource: "bucket-a", targetInstanceName: "dcs-catalog",
            createdAt: "2025/12/30 08:00:00"),
        MigrationTask(
            taskID: "t-004", name: "legacy", status: "TERMINATED", migrationType: "online_migration",
            migrationMethod: "full_amount_migration", dataSource: "10.0.0.9:6379", targetInstanceName: "dcs-old",
            createdAt: "garbage"),
    ]

    static func snapshot(_ tasks: [MigrationTask] = tasks, fetchedAgo: TimeInterval = 3, failure: TargetFailure? = nil)
        -> TaskSnapshot
    {
        TaskSnapshot(targets: [
            TargetSnapshot(name: "prod", tasks: tasks, fetchedAt: now.addingTimeInterval(-fetchedAgo), failure: failure)
        ])
    }

    static func state(
        columns: Int, rows: Int, snapshot: TaskSnapshot = snapshot(), symbols: SymbolSet = .unicode
    ) -> DashboardState {
        DashboardState(
            snapshot: snapshot, interval: 5, size: TerminalSize(columns: columns, rows: rows), now: now,
            symbols: symbols, timeZone: utc)
    }

    /// Applies events in order, returning the effects of the last.
    @discardableResult
    static func send(_ events: [DashboardEvent], to state: inout DashboardState) -> [DashboardEffect] {
        var effects: [DashboardEffect] = []
        for event in events { effects = DashboardReducer.reduce(state: &state, event: event) }
        return effects
    }

    /// Effects over recording fakes, for loops whose monitor and poller calls a test reads.
    static func effects(notifications: NotificationPolicy = NotificationPolicy(mode: .bell)) -> (
        DashboardEffects, RecordingMonitor, RecordingInsightPoller
    ) {
        let monitor = RecordingMonitor()
        let poller = RecordingInsightPoller()
        return (DashboardEffects(monitor: monitor, poller: poller, notifications: notifications), monitor, poller)
    }

    static func keys(_ text: String) -> [DashboardEvent] {
        text.map { .keyPressed(.character($0)) }
    }
}
