import Foundation
import Testing

@testable import DCSKit

/// The one-pass word search over a whole key column (issue 6) finds exactly the entries the per-entry
/// search finds, and the catalog's filter gives the same rows whichever path it takes.
@Suite struct KeyColumnSearchTests {
    /// Entries of 0–11 bytes from a small alphabet with the separator byte, so words often straddle two.
    static func randomColumn(entries count: Int, seed: UInt64) -> ([[UInt8]], KeyColumn) {
        var generator = SplitMix(seed: seed)
        let alphabet = Array("abcab\u{1F}".utf8)
        let entries = (0..<count).map { _ in
            (0..<Int(generator.next() % 12)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
        }
        return (entries, KeyColumn(count: entries.count) { index, bytes in bytes.append(contentsOf: entries[index]) })
    }

    @Test func onePassSearchFindsWhatPerEntrySearchFinds() {
        let (entries, column) = Self.randomColumn(entries: 500, seed: 3)
        let frequencies = column.byteFrequencies()
        // Words that often straddle two entries once the entries are back to back: only whole entries count.
        for word in ["a", "b", "c", "ab", "ba", "abc", "cab", "aaa", "bcab", "abcabc", "\u{1F}a", "zz", ""] {
            let needle = Needle(word, frequencies: frequencies)
            let bits = column.entriesContaining(needle)
            for index in entries.indices {
                let found = bits[index >> 6] & (1 << UInt64(index & 63)) != 0
                #expect(found == column.contains(needle, in: index), "\(word) in entry \(index)")
            }
        }
    }

    /// Past 20,000 entries both searches split the work across the cores: the same entries, in order.
    @Test func searchesSplitAcrossCoresFindWhatOneEntryAtATimeFinds() {
        #expect(KeyColumn.parallelSlices(50_000).count == min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let (entries, column) = Self.randomColumn(entries: 50_017, seed: 11)
        let frequencies = column.byteFrequencies()
        let candidates = (0..<Int32(entries.count)).filter { $0 % 3 != 1 }
        for word in ["a", "bca", "cab", "abcabc", "\u{1F}a"] {
            let needle = Needle(word, frequencies: frequencies)
            let expected = entries.indices.filter { column.contains(needle, in: $0) }
            let bits = column.entriesContaining(needle)
            #expect(entries.indices.filter { bits[$0 >> 6] & (1 << UInt64($0 & 63)) != 0 } == expected, "\(word)")
            #expect(
                column.entries(candidates, containing: needle) == candidates.filter { column.contains(needle, in: Int($0)) },
                "\(word)")
        }
    }

    @Test func emptyEntriesAndTheLastEntryAreHandled() {
        let entries: [[UInt8]] = [[], Array("xy".utf8), [], [], Array("y".utf8), Array("xyx".utf8)]
        let column = KeyColumn(count: entries.count) { index, bytes in bytes.append(contentsOf: entries[index]) }
        let bits = column.entriesContaining(Needle("yx", frequencies: column.byteFrequencies()))
        #expect(bits == [0b100000])
    }

    @Test func filterGivesTheSameRowsFromAllCandidatesFewCandidatesAndTheWordCache() throws {
        let tasks = (0..<300).map { index in
            MigrationTask(
                taskID: "id-\(index)", name: ["orders", "payments", "cache-\(index % 7)", "Pay Orders"][index % 4],
                status: ["MIGRATING", "SUCCESS", "FAILED"][index % 3], dataSource: "10.0.\(index % 9).1:6379")
        }
        let snapshot = TaskSnapshot(targets: [TargetSnapshot(name: "t", tasks: tasks)])
        let catalog = TaskCatalog(snapshot: snapshot)
        let all = catalog.sortedIndices(TaskSort(column: .name))
        for text in ["pay", "or", "ord", "10.0.3", "cache-1", "pay ord", "zzz", "pa"] {
            let query = try TaskQuery.parse(text).get()
            let expected = all.filter { query.matches(catalog[Int($0)]) }
            #expect(catalog.filter(all, query: query, hiding: []) == expected, "\(text), all")
            // Again: now from the word cache.
            #expect(catalog.filter(all, query: query, hiding: []) == expected, "\(text), cached")
            // A few candidates (a narrowed filter): searched one by one unless cached.
            let few = Array(all.prefix(20))
            #expect(catalog.filter(few, query: query, hiding: []) == few.filter { query.matches(catalog[Int($0)]) })
        }
    }
}

/// Collation keys, byte for byte (worked out by hand from the format in `CollationKey`).
@Suite struct CollationKeyBytesTests {
    static func key(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        CollationKey.append(text, to: &bytes)
        return bytes
    }

    @Test func digitRunsBecomeLengthPrefixedWithoutLeadingZeros() {
        let a = UInt8(ascii: "a"), b = UInt8(ascii: "b"), x = UInt8(ascii: "x")
        let zero = UInt8(ascii: "0"), one = UInt8(ascii: "1"), seven = UInt8(ascii: "7")
        #expect(Self.key("a007b") == [a, zero, 1, seven, b])
        #expect(Self.key("x000") == [x, zero, 1, zero])
        #expect(Self.key("10") == [zero, 2, one, zero])
        #expect(Self.key("A1b0") == [a, zero, 1, one, b, zero, 1, zero])
        #expect(Self.key("") == [])
        #expect(Self.key("ab") == [a, b])
        let long = String(repeating: "9", count: 300)
        #expect(Self.key(long) == [zero, 255] + Array(repeating: UInt8(ascii: "9"), count: 300))
    }

    @Test func keysOrderNumbersByValueAndIgnoreCase() {
        let names = ["task10", "Task9", "task009", "TASK1", "task", "task0"]
        let sorted = names.sorted { Self.key($0).lexicographicallyPrecedes(Self.key($1)) }
        #expect(sorted == ["task", "task0", "TASK1", "Task9", "task009", "task10"])
    }
}
