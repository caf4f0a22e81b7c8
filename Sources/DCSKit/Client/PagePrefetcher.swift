import Foundation

/// One list page as it arrived: the response, its digest, and the page decoded on the fetching task
/// (nil when the previous listing had a page with the same request and digest, which is then reused).
struct ReceivedPage: Sendable {
    /// The 2xx response; its body is dropped once the page is decoded.
    let response: HTTPResponse
    /// SHA-256 of the body (`ListingCache.digest`).
    let digest: [UInt8]
    /// The decoded page or why it could not be read; nil when not decoded yet.
    let decoded: Result<TaskListPage, APIError>?
}

/// What a page-fetching child task returns: its offset and what came of it.
struct FetchedPage: Sendable {
    /// The `offset` requested.
    let offset: Int
    /// The page, or the error the request ended with (reported only if the listing needs this page).
    let outcome: Result<ReceivedPage, any Error>
}

/// Requests list pages ahead of the listing loop inside a task group, at most `concurrency` at once,
/// and hands them out in the loop's order (issue 6).
///
/// The loop still decides every offset exactly as a sequential listing would (`count`, repeats, full
/// pages): it asks for the page at `offset`, and the prefetcher guesses that the following pages will
/// be at `offset + limit`, `offset + 2 × limit`, … below the last `count`. A guess that turns out wrong
/// (a page repeated rows, so the next offset moved) costs a request whose result is dropped; an error
/// of a page the loop never asks for is dropped with it. So the tasks, their order, the errors and the
/// retries are those of the sequential loop; only the wall time differs.
struct PagePrefetcher {
    /// Page size.
    let limit: Int
    /// Most requests in flight.
    let concurrency: Int
    /// The listing's gate: once it is throttled, no page is requested ahead.
    let gate: RequestGate
    /// Whether the probe past `count` (asked after a full last page) is requested ahead with the last
    /// pages: saves its round trip when nothing would skip it (no previous listing whose empty probe
    /// may be believed again, see `ClientOptions.pastCountProbeReuse`).
    let probesAhead: Bool
    /// Fetches (and, where useful, decodes) the page at an offset; runs on a child task.
    let fetch: @Sendable (Int) async -> FetchedPage
    /// Offsets requested and not yet handed out or dropped.
    private var requested: Set<Int> = []
    /// Pages that arrived before the loop asked for them.
    private var arrived: [Int: Result<ReceivedPage, any Error>] = [:]
    /// Requests whose results have not come back yet.
    private var inFlight = 0

    /// A prefetcher for pages of `limit` tasks.
    init(
        limit: Int, concurrency: Int, gate: RequestGate, probesAhead: Bool = false,
        fetch: @escaping @Sendable (Int) async -> FetchedPage
    ) {
        self.limit = limit
        self.probesAhead = probesAhead
        self.concurrency = max(concurrency, 1)
        self.gate = gate
        self.fetch = fetch
    }

    /// The page at `offset` (page number `pageNumber`), starting requests for up to `concurrency - 1`
    /// following pages below `count` and `maxPages` (none once the gate is throttled: they would only
    /// wait in it). Throws what the request of this page threw.
    mutating func page(
        at offset: Int, pageNumber: Int, count: Int?, maxPages: Int,
        group: inout ThrowingTaskGroup<FetchedPage, any Error>
    ) async throws -> ReceivedPage {
        // Earlier guesses the loop has moved past are of no use any more.
        for stale in arrived.keys where stale < offset {
            arrived[stale] = nil
            requested.remove(stale)
        }
        if !requested.contains(offset) { start(offset, in: &group) }
        if let count, concurrency > 1, !gate.isThrottled {
            for ahead in 1..<concurrency where inFlight < concurrency {
                let next = offset + ahead * limit
                let probe = probesAhead && next == count && count % limit == 0
                guard next < count || probe, pageNumber + ahead < maxPages else { break }
                if !requested.contains(next) { start(next, in: &group) }
            }
        }
        while arrived[offset] == nil {
            guard let item = try await group.next() else { throw CancellationError() }
            inFlight -= 1
            if item.offset < offset {
                requested.remove(item.offset)
            } else {
                arrived[item.offset] = item.outcome
            }
        }
        requested.remove(offset)
        guard let outcome = arrived.removeValue(forKey: offset) else { throw CancellationError() }
        return try outcome.get()
    }

    private mutating func start(_ offset: Int, in group: inout ThrowingTaskGroup<FetchedPage, any Error>) {
        requested.insert(offset)
        inFlight += 1
        let fetch = self.fetch
        group.addTask { await fetch(offset) }
    }
}
