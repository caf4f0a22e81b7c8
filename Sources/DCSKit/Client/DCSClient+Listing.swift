import Foundation

extension DCSClient {
    /// One page of the list call: `GET /v2/{project_id}/migration-tasks?offset=&limit=[&name=]`.
    public func listPage(offset: Int, limit: Int, name: String? = nil) async throws -> TaskListPage {
        try decodePage(await listPageResponse(offset: offset, limit: limit, name: name), offset: offset)
    }

    /// The raw 2xx response of one page of the list call.
    func listPageResponse(offset: Int, limit: Int, name: String?) async throws -> HTTPResponse {
        var query = [("offset", String(offset)), ("limit", String(limit))]
        if let name, !name.isEmpty { query.append(("name", name)) }
        return try await get(url(["migration-tasks"], query: query))
    }

    /// Decodes a list page response; an unreadable body is `APIError.unreadable`.
    func decodePage(_ response: HTTPResponse, offset: Int) throws -> TaskListPage {
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
    ///
    /// A page whose body is byte for byte the one of the previous listing is not decoded again: its
    /// tasks are taken from the previous collection (issue 6). When every page is unchanged the
    /// previous collection itself comes back, arrays and all.
    public func listAllTasks(name: String?) async throws -> TaskCollection {
        let limit = options.pageSize
        var offset = 0
        var seen = Set<String>()
        var collection = TaskCollection(tasks: [])
        let previous = listingCache.previous
        var records: [ListingCache.PageRecord] = []
        var unchangedSoFar = previous != nil
        for pageNumber in 0..<options.maxPages {
            let request = ListingCache.requestKey(offset: offset, limit: limit, name: name)
            let response = try await listPageResponse(offset: offset, limit: limit, name: name)
            let digest = ListingCache.digest(response.body)
            var start = collection.tasks.count
            var page: TaskListPage
            var taskCount: Int
            let same =
                previous.map {
                    pageNumber < $0.pages.count && $0.pages[pageNumber].request == request
                        && $0.pages[pageNumber].digest == digest
                } ?? false
            if same, unchangedSoFar, let previous {
                // Everything so far is as before: nothing to copy or hash until a page differs.
                let record = previous.pages[pageNumber]
                records.append(record)
                offset += Self.advance(itemCount: record.page.itemCount, repeated: record.taskCount - record.range.count)
                if record.page.itemCount == 0 || record.page.count.map({ offset >= $0 }) == true {
                    if previous.pages.count == records.count { return previous.collection }
                    let tasks = Array(previous.collection.tasks[..<record.range.upperBound])
                    collection = TaskCollection(tasks: tasks, issues: previous.collection.issues.filter { $0.index < offset })
                    listingCache.remember(ListingCache.Listing(pages: records, collection: collection))
                    return collection
                }
                continue
            } else if same, let previous, previous.pages[pageNumber].range.count == previous.pages[pageNumber].taskCount {
                let record = previous.pages[pageNumber]
                page = record.page
                taskCount = record.taskCount
                for task in previous.collection.tasks[record.range] where seen.insert(task.taskID).inserted {
                    collection.tasks.append(task)
                }
            } else {
                if unchangedSoFar, let previous, pageNumber > 0 {
                    // The first changed page: take the unchanged pages' tasks from the previous listing.
                    let prefix = previous.collection.tasks[..<previous.pages[pageNumber - 1].range.upperBound]
                    collection.tasks = Array(prefix)
                    seen = Set(prefix.map(\.taskID))
                    collection.issues = previous.collection.issues.filter { $0.index < offset }
                    start = collection.tasks.count
                }
                unchangedSoFar = false
                page = try decodePage(response, offset: offset)
                taskCount = page.tasks.count
                for task in page.tasks where seen.insert(task.taskID).inserted {
                    collection.tasks.append(task)
                }
                page.tasks = []
            }
            records.append(
                ListingCache.PageRecord(
                    request: request, digest: digest, range: start..<collection.tasks.count, page: page,
                    taskCount: taskCount))
            collection.issues += page.issues.map {
                TaskDecodingIssue(index: offset + $0.index, reason: $0.reason)
            }
            offset += Self.advance(itemCount: page.itemCount, repeated: taskCount - (collection.tasks.count - start))
            // An empty first page while `count` says there are tasks is a broken answer, not an empty
            // project: report it so front ends keep the last good data (issue 7, `emptypage` fault).
            if page.itemCount == 0, pageNumber == 0, let count = page.count, count > 0 {
                throw APIError.undecodable(
                    what: "the task list", detail: "the first page is empty although count is \(count)", host: target.host)
            }
            // `count` is read on every page: it is the server's current total, which may change.
            if page.itemCount == 0 || page.count.map({ offset >= $0 }) == true {
                listingCache.remember(ListingCache.Listing(pages: records, collection: collection))
                return collection
            }
        }
        throw APIError.pageCapExceeded(pages: options.maxPages, pageSize: limit, host: target.host)
    }

    /// How far the next page's offset moves: past this page's new rows only. A page that repeats rows
    /// of earlier pages would otherwise lose as many rows at the end (issue 7, `duplicates` fault);
    /// re-reading a few rows costs a request at most, and a page of nothing but repeats still advances.
    static func advance(itemCount: Int, repeated: Int) -> Int {
        repeated > 0 && repeated < itemCount ? itemCount - repeated : itemCount
    }
}
