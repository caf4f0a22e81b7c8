import Foundation

/// The byte scanning of `PlainPageReader`: whitespace, punctuation, plain strings, and the scalars of
/// members it does not read. Each returns nil or false, leaving the page to `JSONDecoder`, for what it
/// does not take.
extension PlainPageReader {
    /// The bytes of `range`.
    func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[range])
    }

    /// Whether the bytes of `range` are `known`: `memcmp`, as the generic `elementsEqual` walked them
    /// one by one (6 % of a 100,000-task fetch, issue 6).
    func same(_ range: Range<Int>, _ known: [UInt8]) -> Bool {
        guard known.count == range.count else { return false }
        return known.withUnsafeBufferPointer { stored in
            guard let storedBase = stored.baseAddress, let base = bytes.baseAddress else { return range.isEmpty }
            return memcmp(storedBase, base + range.lowerBound, range.count) == 0
        }
    }

    /// Moves past JSON whitespace.
    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// Takes `byte` after any whitespace.
    mutating func take(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Takes the literal `word` after any whitespace.
    mutating func takeLiteral(_ word: StaticString) -> Bool {
        skipWhitespace()
        let count = word.utf8CodeUnitCount
        // The first byte alone rules out nearly every value (a string where `null` may be): no call then.
        guard bytes.count - index >= count, bytes[index] == word.utf8Start.pointee, let base = bytes.baseAddress,
            memcmp(word.utf8Start, base + index, count) == 0
        else { return false }
        index += count
        return true
    }

    /// The byte range of a string without escapes or control characters, after any whitespace.
    mutating func plainString() -> Range<Int>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return start..<(index - 1)
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            index += 1
        }
        return nil
    }

    /// An array of plain strings.
    mutating func plainStrings() -> [String]? {
        guard take(UInt8(ascii: "[")) else { return nil }
        var strings: [String] = []
        if take(UInt8(ascii: "]")) { return strings }
        repeat {
            guard let range = plainString() else { return nil }
            strings.append(interner.string(slice(range)))
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]")) ? strings : nil
    }

    /// A non-negative integer as JSON writes it (no leading zero), of at most 18 digits.
    mutating func integer() -> Int? {
        skipWhitespace()
        let start = index
        var value = 0
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]), index - start < 18 {
            value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            index += 1
        }
        guard index > start, bytes[start] != UInt8(ascii: "0") || index == start + 1, !continuesNumber() else { return nil }
        return value
    }

    /// Skips a plain string, a literal or a number (JSON's number grammar).
    mutating func skipScalar() -> Bool {
        if plainString() != nil || takeLiteral("null") || takeLiteral("true") || takeLiteral("false") { return true }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integral = digits()
        guard integral > 0, integral == 1 || bytes[index - integral] != UInt8(ascii: "0") else { return false }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { return false }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { return false }
        }
        return true
    }

    /// Skips digits; how many.
    private mutating func digits() -> Int {
        let start = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        return index - start
    }

    /// Whether the byte after an integer would make it another number (a fraction, an exponent, more digits).
    private func continuesNumber() -> Bool {
        guard index < bytes.count else { return false }
        let byte = bytes[index]
        return byte == UInt8(ascii: ".") || byte | 0x20 == UInt8(ascii: "e")
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
