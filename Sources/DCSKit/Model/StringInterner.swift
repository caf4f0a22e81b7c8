#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Hands out one `String` per distinct byte sequence, so that the values a page repeats on every task
/// (statuses, types, spec codes, versions, subnet and instance ids, descriptions) share one heap
/// buffer instead of one each (issue 6: 100,000 tasks were ~140 MiB, much of it repeated text).
///
/// A direct-mapped table of `slots` strings indexed by a hash of the bytes: no growth, no rehashing;
/// a value that was not seen recently (or collides) is simply made anew and takes the slot. Strings
/// of up to 15 UTF-8 bytes are stored inline by Swift and never allocate: they are made directly.
struct StringInterner {
    private var table: [String?]
    private let mask: Int

    /// An interner remembering up to `slots` (rounded up to a power of two) strings.
    init(slots: Int = 1024) {
        var size = 1
        while size < slots { size <<= 1 }
        table = [String?](repeating: nil, count: size)
        mask = size - 1
    }

    /// The string of `bytes` (valid UTF-8 or repaired, as `String(decoding:as:)`).
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count > 15, let base = bytes.baseAddress else { return String(decoding: bytes, as: UTF8.self) }
        // FNV-1a, 64-bit: fast on short text; a collision only costs the sharing.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        if var known = table[slot] {
            let same = known.withUTF8 { stored in
                guard stored.count == bytes.count, let storedBase = stored.baseAddress else { return false }
                return memcmp(storedBase, base, bytes.count) == 0
            }
            if same { return known }
        }
        let made = String(decoding: bytes, as: UTF8.self)
        table[slot] = made
        return made
    }
}
