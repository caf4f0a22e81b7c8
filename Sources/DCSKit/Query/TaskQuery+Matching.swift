extension TaskQuery {
    /// True when the task passes every part of the query.
    public func matches(_ watched: WatchedTask) -> Bool {
        let task = watched.task
        if !categories.isEmpty || !rawStatuses.isEmpty {
            let raw = task.status.raw.trimmingCharacters(in: .whitespaces).uppercased()
            guard categories.contains(task.status.category) || rawStatuses.contains(raw) else { return false }
        }
        if !types.isEmpty, !types.contains(where: { $0.matches(task) }) { return false }
        if !targets.isEmpty {
            let name = watched.target.lowercased()
            guard targets.contains(where: { name.contains($0) }) else { return false }
        }
        if !terms.isEmpty {
            let haystack = TaskQuery.searchText(of: task)
            guard terms.allSatisfy({ haystack.contains($0) }) else { return false }
        }
        return true
    }

    /// The lowercased fields free text searches, joined by a separator no term contains.
    static func searchText(of task: MigrationTask) -> String {
        [
            task.name, task.taskID, task.dataSource, task.sourceInstanceName, task.targetInstanceName,
            task.targetInstanceAddrs, task.ecsTenantPrivateIP, task.description, task.errorMessage,
            task.sourceInstanceID, task.targetInstanceID,
        ].joined(separator: "\u{1F}").lowercased()
    }
}

extension TaskQuery {
    /// The UTF-8 size of `searchText(of:)` before lowercasing.
    static func searchTextSize(of task: MigrationTask) -> Int {
        task.$name.utf8Count + task.taskID.utf8.count + task.$dataSource.utf8Count + task.$sourceInstanceName.utf8Count
            + task.$targetInstanceName.utf8Count + task.$targetInstanceAddrs.utf8Count
            + task.ecsTenantPrivateIP.utf8.count + task.description.utf8.count + task.errorMessage.utf8.count
            + task.$sourceInstanceID.utf8Count + task.$targetInstanceID.utf8Count + 10
    }

    /// Appends exactly the bytes of `searchText(of:)`, without a `String` per field or per task: the
    /// catalog builds it for every task of every new snapshot (issue 6). ASCII is lowercased byte by
    /// byte; a field with other characters goes through `lowercased()` (which maps scalar by scalar,
    /// so field by field gives the same text as the joined whole).
    static func appendSearchText(of task: MigrationTask, to bytes: inout [UInt8]) {
        var first = true
        func append(_ field: UnsafeBufferPointer<UInt8>) {
            if !first { bytes.append(0x1F) }
            first = false
            if field.allSatisfy({ $0 < 0x80 }) {
                for byte in field { bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) }
            } else {
                bytes.append(contentsOf: String(decoding: field, as: UTF8.self).lowercased().utf8)
            }
        }
        func append(_ field: String) {
            var field = field
            field.withUTF8 { append($0) }
        }
        func append(_ field: CompactText) {
            field.withUTF8 { append($0) }
        }
        // The order of `searchText(of:)`.
        append(task.$name)
        append(task.taskID)
        append(task.$dataSource)
        append(task.$sourceInstanceName)
        append(task.$targetInstanceName)
        append(task.$targetInstanceAddrs)
        append(task.ecsTenantPrivateIP)
        append(task.description)
        append(task.errorMessage)
        append(task.$sourceInstanceID)
        append(task.$targetInstanceID)
    }
}

extension TaskQuery.TypeMatch {
    /// True when the task's type or method is this one.
    func matches(_ task: MigrationTask) -> Bool {
        switch self {
        case .online: return task.migrationType == .onlineMigration
        case .backup: return task.migrationType == .backupFileImport
        case .full: return task.migrationMethod == .fullAmount
        case .incremental: return task.migrationMethod == .incremental
        }
    }
}

extension TaskQuery {
    /// True when every task this query matches is also matched by `previous`: the same status, type
    /// and target parts, and every free-text word of `previous` inside one of ours ("pay" → "paym").
    /// The dashboard then filters only the previous rows (issue 6).
    public func narrows(_ previous: TaskQuery) -> Bool {
        guard categories == previous.categories, rawStatuses == previous.rawStatuses, types == previous.types,
            targets == previous.targets
        else { return false }
        return previous.terms.allSatisfy { old in terms.contains { $0.contains(old) } }
    }
}
