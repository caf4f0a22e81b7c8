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
        task.name.utf8.count + task.taskID.utf8.count + task.dataSource.utf8.count + task.sourceInstanceName.utf8.count
            + task.targetInstanceName.utf8.count + task.targetInstanceAddrs.utf8.count + task.ecsTenantPrivateIP.utf8.count
            + task.description.utf8.count + task.errorMessage.utf8.count + task.sourceInstanceID.utf8.count
            + task.targetInstanceID.utf8.count + 10
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
