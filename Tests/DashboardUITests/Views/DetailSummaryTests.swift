import DCSKit
import DashboardUI
import Foundation
import Testing

private typealias F = DashboardFixtures

/// The detail summary beside the list keeps its rows in place (issue 6: bytes per cursor move): the
/// arrival of stats, detail or logs and a move to another task rewrite values, never labels.
@Suite("Detail summary keeps its rows")
struct DetailSummaryTests {
    /// Columns 72… hold the pane at 120 columns: the separator, then 14 columns of labels.
    static let labelColumns = 73..<87

    /// Rows below the pane's title (row 2, "Detail: NAME").
    static let fieldRows = 3..<39

    static func labels(_ buffer: ScreenBuffer) -> [String] {
        fieldRows.map { row in Self.labelColumns.map { buffer[$0, row].text }.joined() }
    }

    static func changedCells(_ before: ScreenBuffer, _ after: ScreenBuffer, columns: Range<Int>, rows: Range<Int> = 0..<40) -> Int
    {
        var count = 0
        for row in rows {
            for column in columns where before[column, row] != after[column, row] { count += 1 }
        }
        return count
    }

    @Test func statsDetailAndLogsFillHeldRowsWithoutMovingAnyLabel() {
        var state = F.state(columns: 120, rows: 40)
        state.fetchesInsights = true
        F.send([.tick(F.now)], to: &state)  // asks for t-001's detail and logs (it failed)
        let failed = TaskKey(target: "prod", taskID: "t-001")
        let waiting = DashboardView.render(state)
        #expect(waiting.text.contains("Progress       …"))
        #expect(waiting.text.contains("Logs           loading…"))
        let detail = TaskDetail(task: F.tasks[0], networkType: "vpc", taskStatus: "FAILED")
        let logs = MigrationLogs.page(
            total: 3,
            entries: [
                MigrationLogEntry(createdAt: "2026-01-01T01:00:00Z", level: "INFO", message: "started", code: "I1"),
                MigrationLogEntry(createdAt: "2026-01-01T01:05:00Z", level: "ERROR", message: "auth failed", code: "E1"),
                MigrationLogEntry(createdAt: "2026-01-01T01:06:00Z", level: "INFO", message: "stopped", code: "I2"),
            ])
        F.send(
            [
                .insightReceived(.statsReceived(failed, TaskStats(fullMigrationProgress: 12, offset: 5), at: F.now)),
                .insightReceived(.detailReceived(failed, detail, at: F.now)),
                .insightReceived(.logsReceived(failed, logs, at: F.now)),
            ], to: &state)
        let filled = DashboardView.render(state)
        #expect(filled.text.contains("Progress       12%"))
        #expect(filled.text.contains("Logs           2026-01-01 01:05 ERROR auth fai…"))
        #expect(Self.labels(filled) == Self.labels(waiting))
    }

    @Test func aCursorMoveRewritesValuesNotLabels() {
        var state = F.state(columns: 120, rows: 40)
        state.fetchesInsights = true
        F.send([.tick(F.now)], to: &state)
        // Through failed, running, stopped and succeeded tasks, online and import: same labels throughout.
        var previous = DashboardView.render(state)
        for _ in 1..<F.tasks.count {
            F.send([.keyPressed(.down)], to: &state)
            let next = DashboardView.render(state)
            #expect(Self.labels(next) == Self.labels(previous))
            previous = next
        }
    }

    @Test func aMoveChangesFewerCellsThanThePaneHolds() {
        var state = F.state(columns: 120, rows: 40)
        let before = DashboardView.render(state)
        F.send([.keyPressed(.down)], to: &state)
        let after = DashboardView.render(state)
        // t-001 → t-002: title, status, error, source, target, created differ (by hand: at most 48
        // value columns each, 8 rows), and the two bars (12 cells each) in the list. Nothing else.
        let pane = Self.changedCells(before, after, columns: 72..<120)
        let list = Self.changedCells(before, after, columns: 0..<72)
        #expect(list == 2 * 12)
        #expect(pane > 0 && pane <= 8 * 33)
        let labelChanges = Self.changedCells(before, after, columns: Self.labelColumns, rows: Self.fieldRows)
        #expect(labelChanges == 0)
    }
}
