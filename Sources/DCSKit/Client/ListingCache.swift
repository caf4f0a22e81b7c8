import Foundation

/// The last full listing of a target with a digest of every page body, so that a refresh whose pages
/// come back byte for byte the same skips decoding them (issue 6: decoding was half of the idle CPU),
/// and an unchanged listing returns the very same arrays (the dashboard then sees "same data" at once).
///
/// Only digests are kept, not the bodies (100,000 tasks are ~100 MB of JSON).
///
/// `@unchecked Sendable`: `last` is read and replaced under `lock`; one listing of a target runs at a
/// time (the monitor never overlaps fetches of a target), a concurrent one only loses the reuse.
final class ListingCache: @unchecked Sendable {
    /// One page as it was last received and where its tasks went in the collection.
    struct PageRecord: Sendable {
        /// Offset, limit and name filter of the request.
        let request: String
        /// Digest of the body (`ListingCache.digest`).
        let digest: [UInt8]
        /// The tasks this page added to the collection (after de-duplication).
        let range: Range<Int>
        /// The decoded page without its tasks (count, item count, issues).
        let page: TaskListPage
        /// How many tasks the page decoded to before de-duplication (when `range` holds them all, the
        /// page can be reused even after an earlier page changed).
        let taskCount: Int
    }

    /// A full listing.
    struct Listing: Sendable {
        /// Pages in request order.
        let pages: [PageRecord]
        /// What it returned.
        let collection: TaskCollection
        /// When its last request, past `count` after a full page, came back empty; nil when the listing
        /// did not end that way (see `ClientOptions.pastCountProbeReuse`).
        var probedAt: Date? = nil
    }

    private let lock = NSLock()
    private var last: Listing?

    /// The previous listing, if any.
    var previous: Listing? {
        lock.withLock { last }
    }

    /// Remembers a finished listing.
    func remember(_ listing: Listing) {
        lock.withLock { last = listing }
    }

    /// The request key of a page.
    static func requestKey(offset: Int, limit: Int, name: String?) -> String {
        "\(offset)/\(limit)/\(name ?? "")"
    }

    /// A digest as lowercase hex (a set key).
    static func hex(_ digest: [UInt8]) -> String {
        String(decoding: digest.flatMap { byte in [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]] }, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A digest of a body: its length and Swift's `Hasher` over its bytes (SipHash-1-3, keyed with a
    /// random seed per process). Equal digests are taken as equal bodies; the key is unknown to the
    /// server, so a body cannot be chosen to collide, and two different bodies share a digest with a
    /// chance of 2⁻⁶⁴. It replaced SHA-256 (session 6, issue 6): 0.30 against 0.69 ms for a 1.1 MB
    /// page, every page of every refresh (a tenth of the idle dashboard's CPU, 40 ms a refresh at
    /// 100,000 tasks); nothing here needs a hash that is the same in another process.
    static func digest(_ body: Data) -> [UInt8] {
        var hasher = Hasher()
        body.withUnsafeBytes { hasher.combine(bytes: $0) }
        let hash = UInt64(bitPattern: Int64(hasher.finalize()))
        let length = UInt64(body.count)
        return (0..<8).map { UInt8(truncatingIfNeeded: hash >> ($0 * 8)) }
            + (0..<8).map { UInt8(truncatingIfNeeded: length >> ($0 * 8)) }
    }
}
