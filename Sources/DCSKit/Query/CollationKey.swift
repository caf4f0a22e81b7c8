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
    /// Appends the key of `text` to `bytes`. A run of digits is written in place (its length byte
    /// filled in when the run ends), without a buffer per call: keys are built for every task on
    /// every sort (issue 6).
    static func append(_ text: String, to bytes: inout [UInt8]) {
        let lowered = text.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A || $0 >= 0x80 }) ? text.lowercased() : text
        var lengthAt = -1  // index of the open run's length byte, -1 outside a run
        var runLength = 0
        for byte in lowered.utf8 {
            if byte >= 0x30, byte <= 0x39 {
                if lengthAt < 0 {
                    bytes.append(0x30)
                    lengthAt = bytes.count
                    bytes.append(0)
                    runLength = 0
                }
                // Leading zeros are dropped (a run of zeros keeps one, when it ends).
                if runLength == 0, byte == 0x30 { continue }
                bytes.append(byte)
                runLength += 1
                continue
            }
            if lengthAt >= 0 { closeRun(at: lengthAt, length: runLength, in: &bytes) }
            lengthAt = -1
            bytes.append(byte)
        }
        if lengthAt >= 0 { closeRun(at: lengthAt, length: runLength, in: &bytes) }
    }

    /// Ends a run of digits: "0" for a run of zeros only, then its length byte.
    private static func closeRun(at lengthAt: Int, length: Int, in bytes: inout [UInt8]) {
        var length = length
        if length == 0 {
            bytes.append(0x30)
            length = 1
        }
        bytes[lengthAt] = UInt8(min(length, 255))
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
