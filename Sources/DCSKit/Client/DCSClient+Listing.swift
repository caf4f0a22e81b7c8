import Foundation

extension DCSClient {
    /// One page of the list call: `GET /v2/{project_id}/migration-tasks?offset=&limit=[&name=]`.
    public func listPage(offset: Int, limit: Int, name: String? = nil) async throws -> TaskListPage {
        var query = [("offset", String(offset)), ("limit", String(limit))]
        if let name, !name.isEmpty { query.append(("name", name)) }
        let response = try await get(url(["migration-tasks"], query: query))
        do {
            return try TaskListPage.decode(response.body)
        } catch {
            let detail: String
            switch error {
            case .notJSON(let message): detail = "cut off or malformed JSON (\(message))"
            case .unexpectedShape(let message): detail = message
            }
            throw APIError.unreadable(
                response.body, what: "the task list page at offset \(offset)", detail: detail,
                status: response.status, host: target.host)
        }
    }

    /// Every task of the target: pages of `options.pageSize` by offset until an empty page or `count`
    /// is reached; tasks are de-duplicated by `task_id` (tasks appear and vanish between pages), and
    /// listing stops with `APIError.pageCapExceeded` after `options.maxPages` pages.
    public func listAllTasks() async throws -> TaskCollection {
        try await listAllTasks(name: nil)
    }

    /// `listAllTasks()` restricted to the server's `name` filter.
    public func listAllTasks(name: String?) async throws -> TaskCollection {
        let limit = options.pageSize
        var offset = 0
        var seen = Set<String>()
        var collection = TaskCollection(tasks: [])
        for _ in 0..<options.maxPages {
            let page = try await listPage(offset: offset, limit: limit, name: name)
            for task in page.tasks where seen.insert(task.taskID).inserted {
                collection.tasks.append(task)
            }
            collection.issues += page.issues.map {
                TaskDecodingIssue(index: offset + $0.index, reason: $0.reason)
            }
            offset += page.itemCount
            // `count` is read on every page: it is the server's current total, which may change.
            if page.itemCount == 0 { return collection }
            if let count = page.count, offset >= count { return collection }
        }
        throw APIError.pageCapExceeded(pages: options.maxPages, pageSize: limit, host: target.host)
    }
}
