import Foundation

extension DCSClient {
    /// One page of the list call: `GET /v2/{project_id}/migration-tasks?offset=&limit=[&name=]`.
    public func listPage(offset: Int, limit: Int, name: String? = nil) async throws -> TaskListPage {
        try decodePage(await listPageResponse(offset: offset, limit: limit, name: name), offset: offset)
    }

    /// The raw 2xx response of one page of the list call.
    func listPageResponse(offset: Int, limit: Int, name: String?, gate: RequestGate? = nil) async throws -> HTTPResponse {
        var query = [("offset", String(offset)), ("limit", String(limit))]
        if let name, !name.isEmpty { query.append(("name", name)) }
        return try await get(url(["migration-tasks"], query: query), call: .list, gate: gate)
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

    /// Every task of the target: pages of `options.pageSize` by offset until an empty page, or until
    /// `count` is reached by a page that is not full; tasks are de-duplicated by `task_id` (tasks appear
    /// and vanish between pages), and listing stops with `APIError.pageCapExceeded` after
    /// `options.maxPages` pages. Up to `options.pageConcurrency` pages are in flight at once, one once
    /// the API has throttled the listing (`RequestGate`).
    public func listAllTasks() async throws -> TaskCollection {
        try await listAllTasks(name: nil)
    }

    /// `listAllTasks()` restricted to the server's `name` filter.
    ///
    /// A page whose body is byte for byte the one of the previous listing is not decoded again: its
    /// tasks are taken from the previous collection (issue 6). When every page is unchanged the
    /// previous collection itself comes back, arrays and all.
    ///
    /// The end: an empty page, or a page that is not full once the offset has reached `count`. A full
    /// page is always followed by another request, even past `count`: a server whose `count`
    /// under-reports would otherwise lose the tasks beyond it (DECISIONS.md, 2026-11-29). That request
    /// is skipped while every page before it is unchanged and it came back empty less than
    /// `options.pastCountProbeReuse` ago.
    public func listAllTasks(name: String?) async throws -> TaskCollection {
        let limit = options.pageSize
        let remembers = options.remembersListings
        let previous = remembers ? listingCache.previous : nil
        let known = Set((previous?.pages ?? []).map { $0.request + "#" + ListingCache.hex($0.digest) })
        let gate = RequestGate(limit: options.pageConcurrency)
        let fetchPage: @Sendable (Int) async -> FetchedPage = { [self] offset in
            do {
                let response = try await listPageResponse(offset: offset, limit: limit, name: name, gate: gate)
                let digest = remembers ? ListingCache.digest(response.body) : []
                let request = ListingCache.requestKey(offset: offset, limit: limit, name: name)
                guard !known.contains(request + "#" + ListingCache.hex(digest)) else {
                    return FetchedPage(
                        offset: offset, outcome: .success(ReceivedPage(response: response, digest: digest, decoded: nil)))
                }
                // Decoded here, on the fetching task, so pages decode in parallel with each other.
                let decoded: Result<TaskListPage, APIError>
                do {
                    decoded = .success(try decodePage(response, offset: offset))
                } catch let error as APIError {
                    decoded = .failure(error)
                }
                let bodiless = HTTPResponse(status: response.status, headers: response.headers, body: Data())
                return FetchedPage(
                    offset: offset, outcome: .success(ReceivedPage(response: bodiless, digest: digest, decoded: decoded)))
            } catch {
                return FetchedPage(offset: offset, outcome: .failure(error))
            }
        }
        return try await withThrowingTaskGroup(of: FetchedPage.self) { group in
            defer { group.cancelAll() }
            var prefetcher = PagePrefetcher(
                limit: limit, concurrency: options.pageConcurrency, gate: gate, probesAhead: previous == nil, fetch: fetchPage)
            return try await collect(name: name, previous: previous, prefetcher: &prefetcher, group: &group)
        }
    }

    /// The listing loop of `listAllTasks(name:)`: asks `prefetcher` for each page in turn.
    private func collect(
        name: String?, previous: ListingCache.Listing?, prefetcher: inout PagePrefetcher,
        group: inout ThrowingTaskGroup<FetchedPage, any Error>
    ) async throws -> TaskCollection {
        let limit = options.pageSize
        var offset = 0
        var seen = Set<String>()
        var collection = TaskCollection(tasks: [])
        var records: [ListingCache.PageRecord] = []
        var unchangedSoFar = previous != nil
        var count: Int?
        for pageNumber in 0..<options.maxPages {
            let request = ListingCache.requestKey(offset: offset, limit: limit, name: name)
            let received = try await prefetcher.page(
                at: offset, pageNumber: pageNumber, count: count, maxPages: options.maxPages, group: &group)
            let digest = received.digest
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
                count = record.page.count
                offset += Self.advance(itemCount: record.page.itemCount, repeated: record.taskCount - record.range.count)
                if Self.isLast(record.page, offset: offset, limit: limit, added: record.range.count) {
                    if previous.pages.count == records.count {
                        if previous.probedAt != nil {
                            // The probe past `count` was asked again and is still empty: believed anew.
                            var renewed = previous
                            renewed.probedAt = now()
                            remember(renewed)
                        }
                        return previous.collection
                    }
                    let tasks = Array(previous.collection.tasks[..<record.range.upperBound])
                    collection = TaskCollection(tasks: tasks, issues: previous.collection.issues.filter { $0.index < offset })
                    remember(ListingCache.Listing(pages: records, collection: collection))
                    return collection
                }
                if reusesProbe(
                    of: previous, after: pageNumber,
                    nextRequest: ListingCache.requestKey(offset: offset, limit: limit, name: name))
                {
                    return previous.collection
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
                page = try received.decoded?.get() ?? decodePage(received.response, offset: offset)
                taskCount = page.tasks.count
                // Sized once from `count` rather than grown, but `count` is the server's word, not a size:
                // an absurd one (10^12) crashed the allocation. Past the cap the arrays simply grow.
                let expected = min(page.count ?? 0, options.maxPages * limit, Self.largestReservation)
                collection.tasks.reserveCapacity(max(collection.tasks.count + taskCount, expected))
                seen.reserveCapacity(max(collection.tasks.count + taskCount, expected))
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
            count = page.count
            offset += Self.advance(itemCount: page.itemCount, repeated: taskCount - (collection.tasks.count - start))
            // An empty first page while `count` says there are tasks is a broken answer, not an empty
            // project: report it so front ends keep the last good data (issue 7, `emptypage` fault).
            if page.itemCount == 0, pageNumber == 0, let count = page.count, count > 0 {
                throw APIError.undecodable(
                    what: "the task list", detail: "the first page is empty although count is \(count)", host: target.host)
            }
            if Self.isLast(page, offset: offset, limit: limit, added: collection.tasks.count - start) {
                let probed = page.itemCount == 0 && records.count > 1 && records[records.count - 2].page.itemCount >= limit
                remember(ListingCache.Listing(pages: records, collection: collection, probedAt: probed ? now() : nil))
                return collection
            }
        }
        throw APIError.pageCapExceeded(pages: options.maxPages, pageSize: limit, host: target.host)
    }

    /// True when the request after page `pageNumber` is the previous listing's empty probe past `count`,
    /// every page so far came back unchanged, and that probe is recent enough to believe again
    /// (`ClientOptions.pastCountProbeReuse`): the listing is then the previous one, with no request.
    private func reusesProbe(of previous: ListingCache.Listing, after pageNumber: Int, nextRequest: String) -> Bool {
        guard let probedAt = previous.probedAt, options.pastCountProbeReuse > 0,
            previous.pages.count == pageNumber + 2, previous.pages[pageNumber + 1].request == nextRequest
        else { return false }
        let age = now().timeIntervalSince(probedAt)
        return age >= 0 && age < options.pastCountProbeReuse
    }

    /// The most tasks a listing reserves room for up front from `count` (about 110 MB of tasks).
    static let largestReservation = 250_000

    /// Keeps `listing` for the next listing's reuse, unless `options.remembersListings` is off.
    private func remember(_ listing: ListingCache.Listing) {
        if options.remembersListings { listingCache.remember(listing) }
    }

    /// Whether `page`, which added `added` new tasks, ends the listing, the next offset being `offset`:
    /// it is empty, or `offset` has reached its `count` (read on every page: the server's current
    /// total, which may change) and the page is not full. A full page goes on past `count` (the next
    /// page shows whether `count` under-reported), unless it brought nothing new (a server repeating
    /// its last page would otherwise be read until the page cap).
    static func isLast(_ page: TaskListPage, offset: Int, limit: Int, added: Int) -> Bool {
        guard page.itemCount > 0 else { return true }
        guard let count = page.count, offset >= count else { return false }
        return page.itemCount < limit || added == 0
    }

    /// How far the next page's offset moves: past this page's new rows only. A page that repeats rows
    /// of earlier pages would otherwise lose as many rows at the end (issue 7, `duplicates` fault);
    /// re-reading a few rows costs a request at most, and a page of nothing but repeats still advances.
    static func advance(itemCount: Int, repeated: Int) -> Int {
        repeated > 0 && repeated < itemCount ? itemCount - repeated : itemCount
    }
}
