import DCSKit
import DashboardUI
import Testing

/// Whole screens compared as text. Every expected screen was worked out by hand from the layout rules:
/// columns are separated by one space; STATUS is as wide as its longest entry ("■ TERMINATED", 12);
/// TYPE 16; CREATED 16; AGE 6; NAME and SOURCE → TARGET share the rest; the clock is 02:30 UTC.
@Suite("Dashboard views")
struct DashboardViewTests {
    func screen(_ state: DashboardState) -> String {
        DashboardView.render(state).text
    }

    @Test func listAt80x12() {
        let state = DashboardFixtures.state(columns: 80, rows: 12)
        // 80 = 13 (status) + 13 (name) + 17 (type) + 14 (route) + 17 (created) + 6 (age); too narrow
        // and short for a detail pane. Ages: 2h30m, 14h30m, unparsable, 1d18h30m shown as 1d18h.
        #expect(
            screen(state) == """
                dcswatch  prod  4 tasks  every 5s  updated 3s ago
                ▶ running 1  ✖ failed 1  ✔ succeeded 1  ■ stopped 1  0 of 1 online task in sync…
                STATUS▼      NAME         TYPE             SOURCE → TAR… CREATED          AGE
                ✖ FAILED     orders-cache online full+incr 10.0.0.1:637… 2026-01-01 00:00 2h30m
                ▶ MIGRATING  sessions     online full+incr redis-src → … 2025-12-31 12:00 14h30m
                ■ TERMINATED legacy       online full      10.0.0.9:637… garbage          -
                ✔ SUCCESS    catalog      backup full      bucket-a → d… 2025-12-30 08:00 1d18h




                Enter detail  / filter  s sort  r refresh  p pause  ? help  q quit
                """)
    }

    @Test func selectedRowIsReversedFromAfterTheStatusThroughTheNameColumn() {
        let buffer = DashboardView.render(DashboardFixtures.state(columns: 80, rows: 12))
        // "✖ FAILED     orders-cache": the status (12) and its gap keep their look; the name (12) is
        // reversed; type, route, created and age are not (a move rewrites 12 cells per row, not 80).
        #expect(!(0..<13).contains { buffer[$0, 3].style.selected })
        #expect((13..<25).allSatisfy { buffer[$0, 3].style.selected })
        #expect(!(25..<80).contains { buffer[$0, 3].style.selected })
        #expect(buffer.lines[3].hasPrefix("✖ FAILED     orders-cache "))
        #expect(!(0..<80).contains { buffer[$0, 4].style.selected })
        #expect(buffer[0, 3].style.role == .statusFailed)
        #expect(buffer[0, 4].style.role == .statusRunning)
        #expect(buffer[0, 5].style.role == .statusStopped)
        #expect(buffer[0, 6].style.role == .statusSucceeded)
    }

    @Test func detailToTheRightFrom120Columns() {
        let state = DashboardFixtures.state(columns: 120, rows: 16)
        // Detail 48 columns (2/5 of 120) after a separator at column 71; the list keeps 71 columns,
        // which drops CREATED first; name 12 and route 21 share the 33 flexible columns. The pane is the
        // summary (the name is its title; source and target are the labels the route is cut from); the
        // progress rows hold their place with dashes: no stats poller in this state.
        #expect(
            screen(state) == """
                dcswatch  prod  4 tasks  every 5s  updated 3s ago
                ▶ running 1  ✖ failed 1  ✔ succeeded 1  ■ stopped 1  0 of 1 online task in sync (1 not checked)
                STATUS▼      NAME         TYPE             SOURCE → TARGET       AGE   │ Detail: orders-cache
                ✖ FAILED     orders-cache online full+incr 10.0.0.1:6379 → dcs-… 2h30m │ Status         ✖ FAILED (failed)
                ▶ MIGRATING  sessions     online full+incr redis-src → dcs-sess… 14h30m│ Error          source auth failed
                ■ TERMINATED legacy       online full      10.0.0.9:6379 → dcs-… -     │ Source         10.0.0.1:6379
                ✔ SUCCESS    catalog      backup full      bucket-a → dcs-catal… 1d18h │ Target inst.   dcs-orders
                                                                                       │ Created        2026-01-01 00:00 (2h30m ago)
                                                                                       │ Progress       -
                                                                                       │ Sync           -
                                                                                       │ Lag (offset)   -
                                                                                       │ Keys src/tgt   -
                                                                                       │ History        -
                                                                                       │ Logs           -
                                                                                       │                Enter: every field, ids and mor…
                Enter detail  / filter  s sort  r refresh  p pause  ? help  q quit
                """)
    }

    @Test func detailBelowWhenNarrowAndTall() {
        var state = DashboardFixtures.state(columns: 80, rows: 24)
        DashboardFixtures.send([.keyPressed(.character("j"))], to: &state)
        // Body 21 rows: detail gets 8 (2/5), the list 13 (1 column header + 12 rows, 8 of them empty).
        #expect(
            screen(state) == """
                dcswatch  prod  4 tasks  every 5s  updated 3s ago
                ▶ running 1  ✖ failed 1  ✔ succeeded 1  ■ stopped 1  0 of 1 online task in sync…
                STATUS▼      NAME         TYPE             SOURCE → TAR… CREATED          AGE
                ✖ FAILED     orders-cache online full+incr 10.0.0.1:637… 2026-01-01 00:00 2h30m
                ▶ MIGRATING  sessions     online full+incr redis-src → … 2025-12-31 12:00 14h30m
                ■ TERMINATED legacy       online full      10.0.0.9:637… garbage          -
                ✔ SUCCESS    catalog      backup full      bucket-a → d… 2025-12-30 08:00 1d18h








                ── Detail: sessions ────────────────────────────────────────────────────────────
                Status         ▶ MIGRATING (running)
                Error          -
                Source         redis-src
                Target inst.   dcs-sessions
                Created        2025-12-31 12:00 (14h30m ago)
                Progress       -
                Sync           -
                Enter detail  / filter  s sort  r refresh  p pause  ? help  q quit
                """)
    }

    @Test func fullScreenDetailOnEnter() {
        var state = DashboardFixtures.state(columns: 60, rows: 14)
        DashboardFixtures.send([.keyPressed(.enter)], to: &state)
        #expect(
            screen(state) == """
                dcswatch  prod  4 tasks  every 5s  updated 3s ago
                ▶ running 1  ✖ failed 1  ✔ succeeded 1  ■ stopped 1  0 of 1…
                Detail: orders-cache
                Name           orders-cache
                Task ID        t-001
                Status         ✖ FAILED (failed)
                Type           online_migration
                Method         incremental_migration
                Resume mode    -
                Created        2026-01-01 00:00 (2h30m ago)
                Released       -
                Error          source auth failed
                Description    -
                Enter back  / filter  s sort  r refresh  p pause  ? help
                """)
    }

    @Test func filterPromptFiltersWhileTyping() {
        var state = DashboardFixtures.state(columns: 80, rows: 12)
        DashboardFixtures.send([.keyPressed(.character("/"))] + DashboardFixtures.keys("status:failed"), to: &state)
        // Only the failed task is left, so STATUS shrinks to its minimum of 8 and the route gets room.
        #expect(
            screen(state) == """
                dcswatch  prod  1 of 4  every 5s  updated 3s ago
                ▶ running 1  ✖ failed 1  ✔ succeeded 1  ■ stopped 1  0 of 1 online task in sync…
                STATUS▼  NAME         TYPE             SOURCE → TARGET   CREATED          AGE
                ✖ FAILED orders-cache online full+incr 10.0.0.1:6379 → … 2026-01-01 00:00 2h30m







                /status:failed
                """)
        // The cursor is a reversed cell after the text.
        #expect(DashboardView.render(state)[14, 11].style.role == .cursor)
    }

    @Test func badTokenShowsMessageInPrompt() {
        var state = DashboardFixtures.state(columns: 80, rows: 12)
        DashboardFixtures.send([.keyPressed(.character("/"))] + DashboardFixtures.keys("status:bogus"), to: &state)
        let lines = DashboardView.render(state).lines
        #expect(lines[11] == "/status:bogus   unknown status \"bogus\": use running, failed, succeeded, stopped…")
    }

    @Test func helpOverlayListsTheKeyTable() {
        var state = DashboardFixtures.state(columns: 70, rows: 32)
        DashboardFixtures.send([.keyPressed(.character("?"))], to: &state)
        let lines = DashboardView.render(state).lines
        // A 66×32 box (28 bindings + 4) centred at (2, 0), titled with whether writes are on; one row per binding, in table order. Left of
        // it the header, the counts line, the list, the detail summary below (Created, Progress, Sync,
        // Lag, Keys from row 24) and the bottom line show through.
        #expect(lines[0] == "dc┌─ Keys (read-only: start with --write to act) ──────────────────┐")
        #expect(lines[1] == "▶ │ ↑ k      select previous task                                  │a…")
        #expect(lines[8] == "  │ d        detail pane beside the list on/off                    │")
        #expect(lines[9] == "  │ /        filter: text, status:failed, type:online, target:NAME │")
        #expect(lines[26] == "Pr│ ^L       redraw the screen                                     │")
        #expect(lines[28] == "La│ q ^C     quit                                                  │")
        #expect(lines[30].hasSuffix("│ ? or Esc closes this help                                      │"))
        #expect(lines[31].hasSuffix("└────────────────────────────────────────────────────────────────┘"))
        for binding in KeyTable.bindings {
            #expect(lines.contains { $0.contains(binding.summary) }, "help lacks \(binding.summary)")
        }
    }

    @Test func staleBannerOverLastGoodData() {
        let failure = TargetFailure(
            message: "DCS API unreachable: check the network", since: DashboardFixtures.now.addingTimeInterval(-60),
            consecutiveFailures: 3, nextAttemptAt: DashboardFixtures.now.addingTimeInterval(20))
        let state = DashboardFixtures.state(
            columns: 80, rows: 10, snapshot: DashboardFixtures.snapshot(fetchedAgo: 125, failure: failure))
        #expect(
            screen(state) == """
                dcswatch  prod  4 tasks  every 5s  updated 2m05s ago
                ▶ running 1  ✖ failed 1  ✔ succeeded 1  ■ stopped 1  0 of 1 online task in sync…
                ⚠ STALE  data 2m05s old  DCS API unreachable: check the network  retry in 20s
                STATUS▼      NAME         TYPE             SOURCE → TAR… CREATED          AGE
                ✖ FAILED     orders-cache online full+incr 10.0.0.1:637… 2026-01-01 00:00 2h30m
                ▶ MIGRATING  sessions     online full+incr redis-src → … 2025-12-31 12:00 14h30m
                ■ TERMINATED legacy       online full      10.0.0.9:637… garbage          -
                ✔ SUCCESS    catalog      backup full      bucket-a → d… 2025-12-30 08:00 1d18h

                Enter detail  / filter  s sort  r refresh  p pause  ? help  q quit
                """)
        let buffer = DashboardView.render(state)
        #expect((0..<80).allSatisfy { buffer[$0, 2].style.role == .banner })
    }

    @Test func cjkNamesKeepColumnsAlignedWithAsciiSymbols() {
        let state = DashboardFixtures.state(
            columns: 70, rows: 8,
            snapshot: DashboardFixtures.snapshot([
                MigrationTask(
                    taskID: "c-1", name: "购物车缓存", status: "MIGRATING", migrationType: "online_migration",
                    migrationMethod: "full_amount_migration", sourceInstanceName: "源实例", targetInstanceName: "目标实例",
                    createdAt: "2026-01-01T02:00:00Z"),
                MigrationTask(
                    taskID: "c-2", name: "cart", status: "SUCCESS", migrationType: "online_migration",
                    migrationMethod: "full_amount_migration", sourceInstanceName: "src", targetInstanceName: "dst",
                    createdAt: "2026-01-01T01:00:00Z"),
            ]), symbols: .ascii)
        // 8 rows: one header line, no counts line. CREATED is dropped at 70 columns. The name column
        // gets what the route (17 columns: 源实例 is 6, 目标实例 8) leaves: 70-12-12-7-1-17 = 21.
        #expect(
            screen(state) == """
                dcswatch  prod  2 tasks  every 5s  updated 3s ago
                STATUSv     NAME                  TYPE        SOURCE > TARGET   AGE
                > MIGRATING 购物车缓存            online full 源实例 > 目标实例 30m
                + SUCCESS   cart                  online full src > dst         1h30m



                Enter detail  / filter  s sort  r refresh  p pause  ? help  q quit
                """)
        // Display widths, not character counts, line up: AGE starts at column 64 on both rows.
        let buffer = DashboardView.render(state)
        #expect(buffer[64, 2].text == "3" && buffer[64, 3].text == "1")
        #expect(buffer[12, 2].text == "购" && buffer[13, 2].isContinuation)
    }

    @Test func severalTargetsAddATargetColumn() {
        let snapshot = TaskSnapshot(targets: [
            TargetSnapshot(name: "eu-de", tasks: [DashboardFixtures.tasks[0]], fetchedAt: DashboardFixtures.now),
            TargetSnapshot(name: "eu-nl", tasks: [DashboardFixtures.tasks[2]], fetchedAt: DashboardFixtures.now),
        ])
        let state = DashboardFixtures.state(columns: 80, rows: 8, snapshot: snapshot)
        // 8 rows: one header line. STATUS is 9 wide ("✔ SUCCESS"), TARGET 6 (its minimum); CREATED is
        // dropped first at 80 columns: 10 + 7 + 17 + 7 leave 39, enough for name (12) and route (26).
        #expect(
            screen(state) == """
                dcswatch  eu-de, eu-nl  2 tasks  every 5s  updated 0s ago
                STATUS▼   TARGET NAME         TYPE             SOURCE → TARGET            AGE
                ✖ FAILED  eu-de  orders-cache online full+incr 10.0.0.1:6379 → dcs-orders 2h30m
                ✔ SUCCESS eu-nl  catalog      backup full      bucket-a → dcs-catalog     1d18h



                Enter detail  / filter  s sort  r refresh  p pause  ? help  q quit
                """)
    }

    @Test func smallest20x5ShowsReducedView() {
        let state = DashboardFixtures.state(columns: 20, rows: 5)
        #expect(
            screen(state) == """
                dcswatch  prod  4 t…
                ✖ FAILED     orders…
                ▶ MIGRATING  sessio…
                ■ TERMINATED legacy
                Enter detail
                """)
    }

    @Test func belowMinimumShowsNoticeAndNeverTraps() {
        #expect(screen(DashboardFixtures.state(columns: 19, rows: 5)) == "Terminal too small…\n\n\n\n")
        #expect(screen(DashboardFixtures.state(columns: 40, rows: 4)) == "Terminal too small (min 20×5)\n\n\n")
        for (columns, rows) in [(0, 0), (1, 1), (2, 40), (200, 1), (20, 5), (21, 6), (119, 200), (300, 9)] {
            let buffer = DashboardView.render(DashboardFixtures.state(columns: columns, rows: rows))
            #expect(buffer.lines.count == rows)
            #expect(buffer.lines.allSatisfy { DisplayWidth.of($0) <= columns })
        }
    }

    @Test func hostileTaskTextIsSanitisedBeforeTheGrid() {
        let state = DashboardFixtures.state(
            columns: 120, rows: 12,
            snapshot: DashboardFixtures.snapshot([
                MigrationTask(
                    taskID: "x\u{1B}]52;c;AAAA\u{07}", name: "evil\u{1B}[2J\u{1B}[31mname\u{202E}", status: "FAILED",
                    errorMessage: "line1\nline2\r\u{9B}31m")
            ]))
        let text = screen(state)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!text.unicodeScalars.contains { (0x7F...0x9F).contains($0.value) || $0.value == 0x202E })
        #expect(text.contains("evil��name�"))
    }
}
