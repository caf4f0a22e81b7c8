import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Byte strings for many tasks in one buffer (no per-task allocation, no reference counting in the
/// hot loops): entry `i` is `bytes[starts[i]..<starts[i + 1]]`.
struct KeyColumn: Sendable {
    /// The entries back to back.
    private(set) var bytes: [UInt8] = []
    /// Where each entry starts; one more element than entries.
    private(set) var starts: [Int32] = [0]

    /// Builds a column of `count` entries, each written by `write(index, &bytes)`; `capacity`, when
    /// known, is reserved up front (a 25 MB column grown by doubling held up to 1.5 times that while
    /// copying, and kept up to twice its size).
    init(count: Int, capacity: Int = 0, write: (Int, inout [UInt8]) -> Void) {
        starts.reserveCapacity(count + 1)
        bytes.reserveCapacity(capacity)
        for index in 0..<count {
            write(index, &bytes)
            starts.append(Int32(bytes.count))
        }
    }

    /// How often each byte value occurs over all entries (to anchor searches on a needle's rarest byte).
    func byteFrequencies() -> [Int] {
        var counts = [Int](repeating: 0, count: 256)
        for byte in bytes { counts[Int(byte)] += 1 }
        return counts
    }

    /// True when entry `index` contains `needle` (see `Needle`).
    func contains(_ needle: Needle, in index: Int) -> Bool {
        if needle.bytes.isEmpty { return true }
        let start = Int(starts[index])
        let length = Int(starts[index + 1]) - start
        guard length >= needle.bytes.count else { return false }
        return bytes.withUnsafeBufferPointer { haystack in
            needle.bytes.withUnsafeBufferPointer { wanted in
                guard let base = haystack.baseAddress, let pattern = wanted.baseAddress else { return false }
                return Self.search(base + start, length, pattern, wanted.count, anchor: needle.anchor)
            }
        }
    }

    /// The members of `candidates` whose entry contains `needle`, in order: `contains(_:in:)` with the
    /// buffers opened once for all candidates, not once per candidate. Many candidates are split across
    /// the cores (`parallelSlices`): a narrowed filter at 100,000 tasks searched 40,000 entries in
    /// 12–15 ms on one core, most of a frame's 16 (issue 6).
    func entries(_ candidates: [Int32], containing needle: Needle) -> [Int32] {
        if needle.bytes.isEmpty { return candidates }
        let slices = Self.parallelSlices(candidates.count)
        guard slices.count > 1 else { return entries(candidates[...], containingSerially: needle) }
        let results = SharedSlots<[Int32]>(count: slices.count, initial: [])
        DispatchQueue.concurrentPerform(iterations: slices.count) { slice in
            results.slots[slice] = entries(candidates[slices[slice]], containingSerially: needle)
        }
        return Array(results.slots.joined())
    }

    /// `entries(_:containing:)` on one thread.
    private func entries(_ candidates: ArraySlice<Int32>, containingSerially needle: Needle) -> [Int32] {
        bytes.withUnsafeBufferPointer { haystack in
            starts.withUnsafeBufferPointer { starts in
                needle.bytes.withUnsafeBufferPointer { wanted in
                    guard let base = haystack.baseAddress, let pattern = wanted.baseAddress else { return [] }
                    let count = wanted.count
                    let anchor = needle.anchor
                    return candidates.filter { candidate in
                        let start = Int(starts[Int(candidate)])
                        let length = Int(starts[Int(candidate) + 1]) - start
                        return length >= count && Self.search(base + start, length, pattern, count, anchor: anchor)
                    }
                }
            }
        }
    }

    /// `0..<count` in one range per core when there is enough work to share (`minimum` items, 20,000
    /// entries by default), else in one: splitting costs a thread hand-off, worth it only past a
    /// millisecond or so of work.
    static func parallelSlices(_ count: Int, minimum: Int = 20_000) -> [Range<Int>] {
        let cores = min(ProcessInfo.processInfo.activeProcessorCount, 8)
        guard count >= minimum, cores > 1 else { return [0..<count] }
        let size = (count + cores - 1) / cores
        return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }

    /// True when `pattern` occurs in `haystack`: `memchr` for the pattern's byte at `anchor` (its rarest
    /// byte, so common first letters do not stop the scan at every word), then `memcmp`. Glibc's
    /// `memmem` is not visible to Swift without `_GNU_SOURCE`.
    private static func search(
        _ haystack: UnsafePointer<UInt8>, _ length: Int, _ pattern: UnsafePointer<UInt8>, _ count: Int, anchor: Int
    ) -> Bool {
        let anchorByte = Int32(pattern[anchor])
        // Candidate anchor positions run from `anchor` to `length - count + anchor`.
        var position = anchor
        let last = length - count + anchor
        while position <= last {
            guard let found = memchr(haystack + position, anchorByte, last - position + 1) else { return false }
            let hit = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - haystack
            if memcmp(haystack + hit - anchor, pattern, count) == 0 { return true }
            position = hit + 1
        }
        return false
    }

    /// The number of entries.
    var count: Int { starts.count - 1 }

    /// Which entries contain `needle`, as a bit set (bit `i % 64` of word `i / 64`), found in one pass
    /// over the whole buffer: `memchr` for the needle's rarest byte runs across entry boundaries, and
    /// after a match the scan jumps to the next entry. Per-entry searching paid a call and a pointer
    /// set-up per task, ~250 ns × 100,000 per keystroke (issue 6). The pass is split across the cores
    /// at whole words of the bit set, so no two threads write the same word.
    func entriesContaining(_ needle: Needle) -> [UInt64] {
        let count = self.count
        let words = (count + 63) / 64
        if needle.bytes.isEmpty {
            var bits = [UInt64](repeating: 0, count: words)
            for index in 0..<count { bits[index >> 6] |= 1 << UInt64(index & 63) }
            return bits
        }
        let slices = Self.parallelSlices(words, minimum: 20_000 / 64).map {
            ($0.lowerBound * 64)..<min($0.upperBound * 64, count)
        }
        let bits = SharedSlots<UInt64>(count: words, initial: 0)
        DispatchQueue.concurrentPerform(iterations: slices.count) { slice in
            markEntries(containing: needle, in: slices[slice], into: bits.slots)
        }
        return Array(bits.slots)
    }

    /// `entriesContaining` over the entries `range` (starting at a multiple of 64), on one thread.
    private func markEntries(containing needle: Needle, in range: Range<Int>, into bits: UnsafeMutableBufferPointer<UInt64>) {
        let length = needle.bytes.count
        let anchor = needle.anchor
        bytes.withUnsafeBufferPointer { all in
            starts.withUnsafeBufferPointer { starts in
                needle.bytes.withUnsafeBufferPointer { wanted in
                    guard let base = all.baseAddress, let pattern = wanted.baseAddress, !range.isEmpty else { return }
                    let limit = Int(starts[range.upperBound])
                    let anchorByte = Int32(pattern[anchor])
                    var position = Int(starts[range.lowerBound])
                    var entry = range.lowerBound
                    while position + anchor < limit {
                        guard let found = memchr(base + position + anchor, anchorByte, limit - position - anchor) else { return }
                        let start = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base - anchor
                        while Int(starts[entry + 1]) <= start { entry += 1 }
                        let end = Int(starts[entry + 1])
                        if start + length <= end, memcmp(base + start, pattern, length) == 0 {
                            bits[entry >> 6] |= 1 << UInt64(entry & 63)
                            position = end
                        } else {
                            position = start + 1
                        }
                    }
                }
            }
        }
    }

    /// Runs `body` with a function giving entry `index` as a buffer (valid only inside `body`).
    func withEntries<Result>(_ body: ((Int) -> UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { all in
            starts.withUnsafeBufferPointer { starts in
                body { index in
                    let start = Int(starts[index])
                    return UnsafeBufferPointer(rebasing: all[start..<Int(starts[index + 1])])
                }
            }
        }
    }
}

/// A free-text word prepared for searching a `KeyColumn`: its bytes and the index of its rarest byte.
struct Needle: Sendable {
    /// The word's UTF-8 bytes.
    let bytes: [UInt8]
    /// Index in `bytes` of the byte that occurs least often in the column.
    let anchor: Int

    /// Prepares `word` for a column whose byte counts are `frequencies`.
    init(_ word: String, frequencies: [Int]) {
        let bytes = Array(word.utf8)
        self.bytes = bytes
        anchor = bytes.indices.min { frequencies[Int(bytes[$0])] < frequencies[Int(bytes[$1])] } ?? 0
    }
}

/// What free-text and status filters and the selection need, built once per catalog.
struct TaskCatalogKeys: Sendable {
    /// The lowercased searched fields of each task, joined by U+001F (as `TaskQuery.searchText`).
    let search: KeyColumn
    /// Each task's status as an index into `statuses`.
    let statusIDs: [Int32]
    /// The distinct raw statuses, trimmed and uppercased, with their category.
    let statuses: [(raw: String, category: StatusCategory)]
    /// Flat index of each task key.
    let positions: [TaskKey: Int32]
    /// How often each byte occurs in `search`.
    let frequencies: [Int]

    /// Builds the keys of every task of `catalog`.
    init(_ catalog: TaskCatalog) {
        let count = catalog.count
        // The size before lowercasing: equal for ASCII, close otherwise.
        var size = 0
        for index in 0..<count { size += TaskQuery.searchTextSize(of: catalog.task(at: index)) }
        search = KeyColumn(count: count, capacity: size + size / 64) { index, bytes in
            TaskQuery.appendSearchText(of: catalog.task(at: index), to: &bytes)
        }
        var ids: [Int32] = []
        ids.reserveCapacity(count)
        var known: [String: Int32] = [:]
        var statuses: [(raw: String, category: StatusCategory)] = []
        var positions: [TaskKey: Int32] = [:]
        positions.reserveCapacity(count)
        for index in 0..<count {
            let task = catalog.task(at: index)
            if let id = known[task.status.raw] {
                ids.append(id)
            } else {
                let id = Int32(statuses.count)
                known[task.status.raw] = id
                statuses.append((task.status.raw.trimmingCharacters(in: .whitespaces).uppercased(), task.status.category))
                ids.append(id)
            }
            let key = TaskKey(target: catalog.targetNames[Int(catalog.targetOf[index])], taskID: task.taskID)
            if positions[key] == nil { positions[key] = Int32(index) }
        }
        statusIDs = ids
        frequencies = search.byteFrequencies()
        self.statuses = statuses
        self.positions = positions
    }
}

extension TaskQuery {
    /// For each distinct status of `keys`, whether the status part of this query accepts it.
    func acceptedStatuses(in keys: TaskCatalogKeys) -> [Bool] {
        keys.statuses.map { status in
            (categories.isEmpty && rawStatuses.isEmpty) || categories.contains(status.category)
                || rawStatuses.contains(status.raw)
        }
    }
}

/// One slot per slice of a parallel search (or per word of a bit set); each slice writes only its
/// own slots, and the slots are read after `concurrentPerform` returns.
final class SharedSlots<Element>: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<Element>

    init(count: Int, initial: Element) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: initial)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }
}
