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
            add("  task_status", detail.taskStatus)
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

    /// The report as one pretty JSON object: `task` (the `list` record), `detail`, `stats`, `logs`,
    /// each null with a `*_error` message when it could not be fetched.
    public func json() -> String {
        var members: [(String, String)] = [("task", TaskRecord(task).json(pretty: true, indent: "  "))]
        switch detail {
        case .success(let detail): members.append(("detail", Self.object(detailMembers(detail), indent: "  ")))
        case .failure(let error): members += [("detail", "null"), ("detail_error", JSONText.string(error.message))]
        }
        switch stats {
        case .success(let stats):
            let numbers: [(String, Double?)] = [
                ("full_migration_progress", stats.fullMigrationProgress), ("offset", stats.offset),
                ("source_dbsize", stats.sourceDBSize), ("target_dbsize", stats.targetDBSize),
                ("target_input_kbps", stats.targetInputKbps), ("target_ops", stats.targetOps),
            ]
            var fields = numbers.map { ($0.0, $0.1.map(Self.number) ?? "null") }
            fields.append(("is_migrating", stats.isMigrating.map { $0 ? "true" : "false" } ?? "null"))
            members.append(("stats", Self.object(fields.sorted { $0.0 < $1.0 }, indent: "  ")))
        case .failure(let error): members += [("stats", "null"), ("stats_error", JSONText.string(error.message))]
        }
        switch logs {
        case .success(.notOffered):
            members.append(("logs", Self.object([("entries", "[]"), ("offered", "false")], indent: "  ")))
        case .success(.page(let total, let entries)):
            let items = entries.map { entry in
                Self.object(
                    [
                        ("created_at", JSONText.string(entry.createdAt.raw)), ("log_code", JSONText.string(entry.code)),
                        ("log_level", JSONText.string(entry.level)), ("message", JSONText.string(entry.message)),
                    ], indent: nil)
            }
            members.append(
                (
                    "logs",
                    Self.object(
                        [
                            ("entries", "[" + items.joined(separator: ", ") + "]"), ("log_num", total.map(String.init) ?? "null"),
                            ("offered", "true"),
                        ],
                        indent: "  ")
                ))
        case .failure(let error): members += [("logs", "null"), ("logs_error", JSONText.string(error.message))]
        }
        return Self.object(members, indent: "") + "\n"
    }

    private func detailMembers(_ detail: TaskDetail) -> [(String, String)] {
        func endpoint(_ value: MigrationEndpoint) -> String {
            var fields = [("addrs", value.addresses), ("id", value.instanceID), ("name", value.name)]
            fields += value.otherFields.map { ($0.key, $0.value) }
            return Self.object(fields.sorted { $0.0 < $1.0 }.map { ($0.0, JSONText.string($0.1)) }, indent: nil)
        }
        return [
            ("bandwidth_limit_mb", detail.bandwidthLimitMB.map(Self.number) ?? "null"),
            ("network_type", JSONText.string(detail.networkType)), ("source_instance", endpoint(detail.sourceInstance)),
            ("target_instance", endpoint(detail.targetInstance)), ("task_status", JSONText.string(detail.taskStatus)),
            ("updated_at", JSONText.string(detail.updatedAt.raw)),
        ]
    }

    /// A JSON object from already-encoded member values: one line when `indent` is nil, else pretty.
    static func object(_ members: [(String, String)], indent: String?) -> String {
        guard let indent else { return "{" + members.map { JSONText.string($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}" }
        let inner = indent + "  "
        return "{\n" + members.map { inner + JSONText.string($0.0) + ": " + $0.1 }.joined(separator: ",\n") + "\n" + indent + "}"
    }

    /// A JSON number: whole values without a fraction.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
