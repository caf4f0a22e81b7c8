import DCSKit

/// The header: what is watched, how many tasks (and how many the filter shows), the refresh
/// interval, the data's age and a spinner; then the counts per status category and of the online
/// tasks in sync; and the stale banner.
enum HeaderView {
    /// Category order of the counts line: the quick-toggle categories, then the rare ones.
    static let countOrder: [StatusCategory] = [.running, .failed, .succeeded, .stopped, .stopping, .unknown]

    /// Draws the title line and, when there is room, the counts line.
    static func draw(_ state: DashboardState, area: DashboardLayout.Area, into buffer: inout ScreenBuffer) {
        buffer.put(DisplayWidth.truncate(titleLine(state), to: area.width), x: area.x, y: area.y, style: CellStyle(.header))
        guard area.height > 1 else { return }
        var parts: [(String, CellStyle)] = []
        // Counted once per snapshot by the catalog, not on every frame.
        let counts = state.rows.catalog.categoryCounts
        for category in countOrder {
            let count = counts[category] ?? 0
            let hidden = state.hiddenCategories.contains(category)
            if count == 0, !hidden, category == .stopping || category == .unknown { continue }
            let text = "\(state.symbols.symbol(for: category)) \(category.rawValue) \(count)" + (hidden ? " (hidden)" : "")
            parts.append((text, CellStyle(hidden ? .dim : .status(category))))
        }
        // Issue 16: how many of the running online migrations are ready to cut over.
        let sync = state.syncCount
        if sync.online > 0 {
            let noun = sync.online == 1 ? "online task" : "online tasks"
            // Tasks never on screen are not polled (issue 6): say so rather than count them as behind.
            let unchecked = sync.online - sync.checked
            let note = unchecked > 0 ? " (\(unchecked) not checked)" : ""
            parts.append(("\(sync.inSync) of \(sync.online) \(noun) in sync" + note, CellStyle(.normal)))
        }
        DashboardView.drawParts(parts, x: area.x, y: area.y + 1, width: area.width, into: &buffer)
    }

    /// "dcswatch  prod, staging  12 of 340  every 5s  updated 3s ago ⠋".
    static func titleLine(_ state: DashboardState) -> String {
        let names = state.snapshot.targets.map { SafeText.line($0.name, limit: 40) }.joined(separator: ", ")
        let filtered = !state.query.isEmpty || !state.hiddenCategories.isEmpty
        let count = filtered ? "\(state.rows.count) of \(state.totalCount)" : "\(state.totalCount) tasks"
        let refresh = state.paused ? "PAUSED" : "every " + AgeFormat.interval(state.interval)
        var age = "loading"
        if let fetched = state.snapshot.oldestFetch {
            age = "updated " + AgeFormat.dataAge(state.now.timeIntervalSince(fetched)) + " ago"
        }
        var parts = ["dcswatch", names, count, refresh, age]
        // Items the API sent that could not be read are never fatal, but the user should know.
        let skipped = state.snapshot.targets.reduce(0) { $0 + $1.issues.count }
        if skipped > 0 { parts.append("\(skipped) unreadable") }
        // Issue 17: writes on says so; the marked count shows only while something is marked.
        if state.writeAccess.writesOn { parts.append("WRITES ON") }
        if !state.marked.isEmpty { parts.append("\(state.marked.count) marked") }
        var line = parts.joined(separator: "  ")
        if state.showsSpinner, !state.symbols.spinner.isEmpty {
            line += " " + state.symbols.spinner[state.spinnerPhase % state.symbols.spinner.count]
        }
        return line
    }

    /// "⚠ STALE  data 2m05s old  prod: message  retry in 20s" over the last good data.
    static func drawBanner(_ state: DashboardState, area: DashboardLayout.Area, into buffer: inout ScreenBuffer) {
        let failing = state.snapshot.failingTargets
        guard let first = failing.first, let failure = first.failure else { return }
        var text = state.symbols.warning + " "
        if let fetched = first.fetchedAt {
            text += "STALE  data " + AgeFormat.dataAge(state.now.timeIntervalSince(fetched)) + " old  "
        } else {
            text += "NO DATA  "
        }
        let source = state.snapshot.targets.count > 1 ? SafeText.line(first.name, limit: 40) + ": " : ""
        text += source + SafeText.line(failure.message, limit: 400)
        if failing.count > 1 { text += "  (+\(failing.count - 1) more failing)" }
        let retry = failure.nextAttemptAt.timeIntervalSince(state.now)
        text += state.paused ? "  (paused)" : "  retry in " + AgeFormat.dataAge(max(retry, 0))
        buffer.fill(x: area.x, y: area.y, count: area.width, style: CellStyle(.banner))
        buffer.put(DisplayWidth.truncate(text, to: area.width), x: area.x, y: area.y, style: CellStyle(.banner))
    }
}
