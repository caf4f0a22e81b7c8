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
            var repeated = 0
            for task in page.tasks {
                if seen.insert(task.taskID).inserted { collection.tasks.append(task) } else { repeated += 1 }
            }
            collection.issues += page.issues.map {
                TaskDecodingIssue(index: offset + $0.index, reason: $0.reason)
            }
            // A page that repeats rows of earlier pages advances only past its new rows: skipping by the
            // whole page would lose as many rows at the end (issue 7, `duplicates` fault). Re-reading a
            // few rows costs a request at most; a page of nothing but repeats still advances.
            offset += repeated < page.itemCount ? page.itemCount - repeated : page.itemCount
            // `count` is read on every page: it is the server's current total, which may change.
            if page.itemCount == 0 {
                // An empty first page while `count` says there are tasks is a broken answer, not an empty
                // project: report it so front ends keep the last good data (issue 7, `emptypage` fault).
                if offset == 0, let count = page.count, count > 0 {
                    throw APIError.undecodable(
                        what: "the task list", detail: "the first page is empty although count is \(count)",
                        host: target.host)
                }
                return collection
            }
            if let count = page.count, offset >= count { return collection }
        }
        throw APIError.pageCapExceeded(pages: options.maxPages, pageSize: limit, host: target.host)
    }
}
