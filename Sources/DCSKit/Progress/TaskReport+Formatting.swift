import Foundation

extension TaskReport {
    /// The report for people: `label: value` lines in sections, every value sanitised.
    public func tableText() -> String {
        // Label/value rows; a nil value is a heading or a log line written as is.
        var rows: [(String, String?)] = []
        func line(_ text: String) { rows.append((text, nil)) }
        func add(_ label: String, _ value: String) {
            let clean = SafeText.line(value, limit: 2_000)
            rows.append((label, clean.isEmpty ? "-" : clean))
        }
        let record = TaskRecord(task)
        line("Task")
        for field in TaskRecord.fieldNames { add("  " + field, record.text(field)) }
        line("Detail")
        switch detail {
        case .success(let detail):
            add("  task_status", DetailTaskStatus.describe(detail.taskStatus))
            add("  network_type", detail.networkType)
            add("  bandwidth_limit_mb", detail.bandwidthLimitMB.map(Self.number) ?? "")
            add("  updated_at", detail.updatedAt.raw)
            for (name, endpoint) in [("source_instance", detail.sourceInstance), ("target_instance", detail.targetInstance)] {
                add("  \(name).addrs", endpoint.addresses)
                add("  \(name).id", endpoint.instanceID)
                add("  \(name).name", endpoint.name)
                for key in endpoint.otherFields.keys.sorted() { add("  \(name).\(key)", endpoint.otherFields[key] ?? "") }
            }
        case .failure(let error): add("  unavailable", error.message)
        }
        line("Stats")
        switch stats {
        case .success(let stats):
            add("  full_migration_progress", stats.fullMigrationProgress.map { Self.number($0) + " %" } ?? "")
            add("  offset", stats.offset.map(Self.number) ?? "")
            add("  source_dbsize", stats.sourceDBSize.map(Self.number) ?? "")
            add("  target_dbsize", stats.targetDBSize.map(Self.number) ?? "")
            add("  target_input_kbps", stats.targetInputKbps.map(Self.number) ?? "")
            add("  target_ops", stats.targetOps.map(Self.number) ?? "")
            add("  is_migrating", stats.isMigrating.map { $0 ? "true" : "false" } ?? "")
        case .failure(let error): add("  unavailable", error.message)
        }
        if let sync {
            line("Sync")
            switch sync {
            case .success(let sync): for (label, value) in sync.rows { add("  " + label, value) }
            case .failure(let error): add("  unavailable", error.message)
            }
        }
        line("Logs")
        switch logs {
        case .success(.notOffered): line("  logs not offered by this cloud")
        case .success(.page(_, let entries)) where entries.isEmpty: line("  none")
        case .success(.page(_, let entries)):
            for entry in entries {
                line(
                    "  "
                        + [entry.createdAt.raw, entry.level, entry.code, entry.message].map { SafeText.line($0, limit: 1_000) }
                        .filter { !$0.isEmpty }.joined(separator: "  "))
            }
        case .failure(let error): add("  unavailable", error.message)
        }
        let width = (rows.filter { $0.1 != nil }.map { $0.0.count }.max() ?? 0) + 2
        return rows.map { row in row.1.map { row.0.padding(toLength: width, withPad: " ", startingAt: 0) + $0 } ?? row.0 }
            .joined(separator: "\n") + "\n"
    }

    /// The report as one pretty JSON object (`JSONOutput`): `task` (the `list` record), `detail`,
    /// `stats`, `logs`, each null with a `*_error` message when it could not be fetched.
    public func json() throws -> String {
        try JSONOutput.text(ReportDocument(self), pretty: true) + "\n"
    }

    /// A JSON number: whole values without a fraction.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
