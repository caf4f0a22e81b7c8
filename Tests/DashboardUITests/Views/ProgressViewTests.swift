import DCSKit
import DashboardUI
import Foundation
import Testing

private typealias F = DashboardFixtures

/// Screens with the progress column and the detail pane's progress, detail and logs rows. The
/// expected text was worked out by hand from the layout rules (see DashboardViewTests).
@Suite("Progress and detail views")
struct ProgressViewTests {
    static let sessions = TaskKey(target: "prod", taskID: "t-002")

    func lines(_ state: DashboardState) -> [String] {
        DashboardView.render(state).text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    func withStats(_ stats: TaskStats, for key: TaskKey = sessions, into state: inout DashboardState, at time: Date = F.now) {
        _ = DashboardReducer.reduce(state: &state, event: .insightReceived(.statsReceived(key, stats, at: time)))
    }

    @Test func progressColumnShowsLagOnceIncremental() {
        var state = F.state(columns: 80, rows: 12)
        withStats(TaskStats(fullMigrationProgress: 100, offset: 1_234), into: &state)
        // Catching up: PROGRESS has room for an ETA (18); CREATED and TYPE give way.
        let screen = lines(state)
        #expect(screen[2].hasPrefix("STATUS▼      PROGRESS           NAME"))
        #expect(screen[3].hasPrefix("✖ FAILED" + String(repeating: " ", count: 24) + "orders-cache"))
        // One answer: no trend yet, so no arrow.
        #expect(screen[4].hasPrefix("▶ MIGRATING  lag 1.2k" + String(repeating: " ", count: 11) + "sessions"))
    }

    @Test func progressColumnShowsPercentInTheFullPhaseAndIsAbsentWithoutStats() {
        var state = F.state(columns: 80, rows: 12)
        #expect(!lines(state)[2].contains("PROGRESS"))
        withStats(TaskStats(fullMigrationProgress: 42.5, offset: 0), into: &state)
        // Copying: room for "in sync 3h05m" (13).
        #expect(lines(state)[4].hasPrefix("▶ MIGRATING  copy 42.5%    sessions"))
    }

    @Test func detailPaneShowsProgressTimeLeftAndSparkline() {
        var state = F.state(columns: 120, rows: 30)
        state.selection = Self.sessions
        withStats(TaskStats(fullMigrationProgress: 32.5, offset: 0), into: &state, at: F.now.addingTimeInterval(-100))
        withStats(
            TaskStats(
                fullMigrationProgress: 42.5, offset: 0, sourceDBSize: 2_000_000, targetDBSize: 850_000, targetInputKbps: 5_120,
                targetOps: 900),
            into: &state)
        let screen = lines(state).joined(separator: "\n")
        // 10 % in 100 s: 57.5 % left at 0.1 %/s is 575 s, shown as 9m.
        #expect(screen.contains("Progress       42.5%"))
        #expect(screen.contains("Sync           copying, ~9m left"))
        #expect(screen.contains("Lag (offset)   0 (threshold 0, 3 polls)"))
        #expect(screen.contains("Keys src/tgt   2M / 850k, diff 1.2M"))
        // 32.5 and 42.5 on the 0–100 scale: levels 2.275 → 2 ("▃") and 2.975 → 3 ("▄").
        #expect(screen.contains("History        progress ▃▄"))
        // The rates are in the full-screen detail only.
        #expect(!screen.contains("Input, ops"))
        // Rows come right after Created, in this order.
        let labels = lines(state).compactMap { line -> String? in
            guard let range = line.range(of: "│") else { return nil }
            return String(line[range.upperBound...]).trimmingCharacters(in: .whitespaces).components(separatedBy: "  ").first
        }
        let created = labels.firstIndex(of: "Created")
        #expect(
            created.map { Array(labels[($0 + 1)...].prefix(5)) } == [
                "Progress", "Sync", "Lag (offset)", "Keys src/tgt", "History",
            ])
    }

    @Test func timeLeftIsUnknownWithOneReading() {
        var state = F.state(columns: 120, rows: 30)
        state.selection = Self.sessions
        withStats(TaskStats(fullMigrationProgress: 10, offset: 0), into: &state)
        #expect(lines(state).joined(separator: "\n").contains("Sync           copying, time left —"))
    }

    @Test func detailRowsAndLogsOfAFailedTask() {
        // 160 columns: a 63-column pane keeps each log line on one row.
        var state = F.state(columns: 160, rows: 40)
        state.fetchesInsights = true
        let failed = TaskKey(target: "prod", taskID: "t-001")
        state.selection = failed
        let detail = TaskDetail(
            task: F.tasks[0], networkType: "vpc", bandwidthLimitMB: 100, updatedAt: "2026-01-01T02:00:00Z",
            taskStatus: "EXCHANGING")
        let logs = MigrationLogs.page(
            total: 2,
            entries: [
                MigrationLogEntry(createdAt: "2026-01-01T01:00:00Z", level: "INFO", message: "started", code: "I1"),
                MigrationLogEntry(
                    createdAt: "2026-01-01T01:05:00Z", level: "ERROR", message: "auth \u{1B}[31mfailed", code: "E1"),
            ])
        F.send(
            [
                .insightReceived(.detailReceived(failed, detail, at: F.now)),
                .insightReceived(.logsReceived(failed, logs, at: F.now)),
            ], to: &state)
        // Beside the list: the phase joins the status, one log line, ERROR first.
        let pane = lines(state).joined(separator: "\n")
        #expect(pane.contains("Status         ✖ FAILED (failed), task_status EXCHANGING"))
        #expect(pane.contains("Logs           2026-01-01 01:05 ERROR auth \u{FFFD}failed"))
        #expect(!pane.contains("INFO started"))
        #expect(!pane.contains("Network"))
        // The full-screen detail has every row of the detail call.
        F.send([.keyPressed(.enter)], to: &state)
        let screen = lines(state).joined(separator: "\n")
        #expect(screen.contains("Task status    EXCHANGING (switching IPs)"))
        #expect(screen.contains("Network        vpc"))
        #expect(screen.contains("Bandwidth      100 MB/s limit"))
        #expect(screen.contains("Updated        2026-01-01 02:00 (30m ago)"))
        // ERROR first, escape sequence neutralised.
        #expect(screen.contains("Logs           2026-01-01 01:05 ERROR auth \u{FFFD}failed"))
        #expect(screen.contains("               2026-01-01 01:00 INFO started"))
        #expect(!screen.contains("\u{1B}"))
    }

    @Test func logsNotOfferedIsSaidQuietly() throws {
        var state = F.state(columns: 160, rows: 40)
        let failed = TaskKey(target: "prod", taskID: "t-001")
        state.selection = failed
        F.send([.insightReceived(.logsReceived(failed, .notOffered, at: F.now))], to: &state)
        let buffer = DashboardView.render(state)
        let row = try #require(buffer.lines.firstIndex { $0.contains("Logs           not offered by this cloud") })
        let line = buffer.lines[row]
        let column = try #require(line.range(of: "not offered")).lowerBound.utf16Offset(in: line)
        // Every character before it is one UTF-16 unit and one column ("│" included).
        #expect(buffer[column, row].style.role == .dim)
    }
}
