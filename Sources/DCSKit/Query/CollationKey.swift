#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Byte keys that order text the way the task list wants it — case-insensitive, numbers by value
/// ("task9" before "task10") — so that sorting 100,000 tasks compares bytes instead of calling
/// Foundation's `compare(options:)` in the hot loop (issue 6).
///
/// A key is the lowercased UTF-8 text in which every run of ASCII digits becomes `0x30`, the run's
/// length without leading zeros (one byte), then those digits: a longer number sorts after a shorter
/// one, digits still sort where `0` sorts among other characters.
enum CollationKey {
    /// Appends the key of `text` to `bytes`.
    static func append(_ text: String, to bytes: inout [UInt8]) {
        let lowered = text.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A || $0 >= 0x80 }) ? text.lowercased() : text
        var digits: [UInt8] = []
        for byte in lowered.utf8 {
            if byte >= 0x30, byte <= 0x39 {
                digits.append(byte)
                continue
            }
            flush(&digits, into: &bytes)
            bytes.append(byte)
        }
        flush(&digits, into: &bytes)
    }

    /// Writes a pending run of digits (leading zeros dropped, "0" kept as one zero).
    private static func flush(_ digits: inout [UInt8], into bytes: inout [UInt8]) {
        guard !digits.isEmpty else { return }
        var first = 0
        while first < digits.count - 1, digits[first] == 0x30 { first += 1 }
        bytes.append(0x30)
        bytes.append(UInt8(min(digits.count - first, 255)))
        bytes.append(contentsOf: digits[first...])
        digits.removeAll(keepingCapacity: true)
    }

    /// Three-way comparison of two byte ranges: negative, zero or positive.
    static func compare(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(lhs.count, rhs.count)
        if common > 0, let left = lhs.baseAddress, let right = rhs.baseAddress {
            let order = memcmp(left, right, common)
            if order != 0 { return Int(order) }
        }
        return lhs.count - rhs.count
    }
}
