import DCSKit
import Foundation

/// Every field of the selected task, one per line, long values wrapped (issue 4: detail pane).
enum DetailView {
    /// Columns of the field labels.
    static let labelWidth = 14

    /// Draws the detail of the selected task into `area` (title, then one field per row).
    static func draw(
        _ state: DashboardState, area: DashboardLayout.Area, placement: DashboardLayout.DetailPlacement,
        into buffer: inout ScreenBuffer
    ) {
        guard area.height > 0, area.width > 0 else { return }
        var y = area.y
        let x = placement == .right ? area.x + 1 : area.x
        let width = placement == .right ? area.width - 1 : area.width
        // "Detail:" bold, the name plain: the name changes on every cursor move, and plain text needs
        // no attribute change around it (issue 15: bytes per cursor move).
        let name = state.selectedTask.map { SafeText.line($0.task.name.isEmpty ? $0.task.taskID : $0.task.name, limit: 200) }
        let heading = name == nil ? "Detail" : "Detail: "
        if placement == .below {
            let rule = String(repeating: state.symbols.horizontal, count: area.width)
            buffer.put(rule, x: area.x, y: y, style: CellStyle(.separator))
            let room = max(area.width - 2, 0)
            let used = buffer.put(DisplayWidth.truncate(" " + heading, to: room), x: area.x + 2, y: y, style: CellStyle(.header))
            if let name, room > used {
                buffer.put(
                    DisplayWidth.truncate(name + " ", to: room - used), x: area.x + 2 + used, y: y, style: CellStyle(.normal))
            }
        } else {
            let used = buffer.put(DisplayWidth.truncate(heading, to: width), x: x, y: y, style: CellStyle(.header))
            if let name, width > used {
                buffer.put(DisplayWidth.truncate(name, to: width - used), x: x + used, y: y, style: CellStyle(.normal))
            }
        }
        y += 1
        guard let watched = state.selectedTask else {
            if y < area.y + area.height {
                buffer.put(DisplayWidth.truncate("No task selected", to: width), x: x, y: y, style: CellStyle(.dim))
            }
            return
        }
        let valueWidth = max(width - labelWidth - 1, 1)
        for (label, value, role) in fields(watched, state: state, compact: placement != .full) {
            // Beside or below the list every field keeps its row (one line, cut with …), so moving the
            // selection rewrites only the values that differ; the full-screen detail wraps long values.
            let lines = placement == .full ? wrap(value, width: valueWidth) : [DisplayWidth.truncate(value, to: valueWidth)]
            for (index, line) in lines.enumerated() {
                guard y < area.y + area.height else { return }
                if index == 0 {
                    buffer.put(DisplayWidth.truncate(label, to: min(labelWidth, width)), x: x, y: y, style: CellStyle(.label))
                }
                if width > labelWidth + 1 {
                    buffer.put(line, x: x + labelWidth + 1, y: y, style: CellStyle(role), limit: valueWidth)
                }
                y += 1
            }
        }
    }

    /// Label, sanitised value and role of the fields shown: every field in the full-screen detail, a
    /// summary beside or below the list (`compact`). The summary's rows depend only on the task's list
    /// fields, never on whether its stats, detail or logs have arrived (placeholders hold their rows),
    /// so nothing shifts when they arrive and a cursor move rewrites only the values that differ
    /// (issue 6: bytes per cursor move).
    static func fields(_ watched: WatchedTask, state: DashboardState, compact: Bool = false) -> [(String, String, StyleRole)] {
        compact ? summaryFields(watched, state: state) : allFields(watched, state: state)
    }

    /// The full-screen detail: every field the list, detail, stats and logs calls return.
    static func allFields(_ watched: WatchedTask, state: DashboardState) -> [(String, String, StyleRole)] {
        let task = watched.task
        let category = task.status.category
        var rows: [(String, String, StyleRole)] = [
            ("Name", safe(task.name), .normal),
            ("Task ID", safe(task.taskID), .normal),
            ("Status", TaskListView.statusText(task, symbols: state.symbols) + " (\(category.rawValue))", .status(category)),
        ]
        if state.showsTargetColumn { rows.append(("Target", safe(watched.target), .normal)) }
        rows += progressRows(watched, state: state) + detailRows(watched, state: state)
        rows += [
            ("Type", safe(task.migrationType.rawValue), .normal),
            ("Method", safe(task.migrationMethod.rawValue), .normal),
            ("Resume mode", safe(task.resumeMode.rawValue), .normal),
            ("Created", time(task.createdAt, state: state), .normal),
            ("Released", time(task.releasedAt, state: state), .normal),
            ("Error", safe(task.errorMessage), task.errorMessage.isEmpty ? .normal : .error),
        ]
        rows += logRows(watched, state: state)
        rows += [
            ("Description", safe(task.description), .normal),
            ("Data source", safe(task.dataSource), .normal),
            ("Source", safe(task.sourceInstanceName), .normal),
            ("Source ID", safe(task.sourceInstanceID), .normal),
            ("Source status", safe(task.sourceInstanceStatus), .normal),
            ("Source spec", safe(task.sourceInstanceSpecCode), .normal),
            ("Source subnet", safe(task.sourceInstanceSubnetID), .normal),
            ("Target inst.", safe(task.targetInstanceName), .normal),
            ("Target ID", safe(task.targetInstanceID), .normal),
            ("Target addrs", safe(task.targetInstanceAddrs), .normal),
            ("Target status", safe(task.targetInstanceStatus), .normal),
            ("Target spec", safe(task.targetInstanceSpecCode), .normal),
            ("Target subnet", safe(task.targetInstanceSubnetID), .normal),
            ("ECS IP", safe(task.ecsTenantPrivateIP), .normal),
            ("Version", safe(task.version), .normal),
            ("Features", task.supportedFeatures.isEmpty ? "-" : safe(task.supportedFeatures.joined(separator: ", ")), .normal),
        ]
        return rows
    }

    /// A sanitised one-line value, "-" when empty.
    static func safe(_ text: String) -> String {
        let clean = SafeText.line(text, limit: 2000)
        return clean.isEmpty ? "-" : clean
    }

    /// "2026-01-01 02:00 (30m ago)", the raw text when unparsable, "-" when empty.
    static func time(_ stamp: APITimestamp, state: DashboardState) -> String {
        guard !stamp.raw.isEmpty else { return "-" }
        guard let date = stamp.date else { return safe(stamp.raw) }
        return AgeFormat.dateTime(date, timeZone: state.timeZone) + " (" + AgeFormat.duration(state.now.timeIntervalSince(date))
            + " ago)"
    }

    /// Splits text into lines of at most `width` columns (by character; wide characters never split).
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [text] }
        var lines: [String] = []
        var current = ""
        var used = 0
        for character in text {
            let columns = DisplayWidth.of(character)
            if used + columns > width, !current.isEmpty {
                lines.append(current)
                current = ""
                used = 0
            }
            current.append(character)
            used += columns
        }
        lines.append(current)
        return lines
    }
}
