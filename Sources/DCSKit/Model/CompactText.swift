/// Text of a task field in 32 bytes, without a heap allocation for what most fields hold: up to 30
/// UTF-8 bytes inline (names, addresses), or a lowercase UUID packed into 16 bytes (instance and
/// subnet ids); anything else is an ordinary `String`.
///
/// Why (issue 6, 100,000 tasks within 150 MiB): a Swift `String` keeps up to 15 bytes inline and puts
/// anything longer in a heap object of 48–80 bytes. The API's ids are 36 bytes and its names and
/// `ip:port` addresses 16–30, and in a listing most of them are distinct, so each cost 16 bytes in the
/// task plus one allocation. Here they cost 32 bytes and none.
///
/// Equality and hashing are by UTF-8 bytes (the text exactly as received), and every text has exactly
/// one representation (the most compact that holds it), so equal texts are always stored alike.
public struct CompactText: Sendable, Hashable, CustomStringConvertible {
    /// Up to 30 bytes and their count, in 31 bytes (the enum's tag makes 32).
    struct Inline: Sendable {
        var words: (UInt64, UInt64, UInt64, UInt32, UInt16)
        var count: UInt8
    }

    enum Storage: Sendable {
        case inline(Inline)
        /// The 32 hex digits of `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, high and low half.
        case uuid(UInt64, UInt64)
        case string(String)
    }

    /// The most bytes kept inline.
    static let inlineCapacity = 30

    let storage: Storage

    /// The empty text.
    public static let empty = CompactText(bytes: UnsafeBufferPointer(start: nil, count: 0))

    /// Stores `text` in the most compact form that holds it.
    public init(_ text: String) {
        if text.isEmpty {
            self = .empty
            return
        }
        var text = text
        let compact = text.withUTF8 { CompactText(validUTF8: $0) }
        storage = compact?.storage ?? .string(text)
    }

    /// Stores UTF-8 `bytes` (from a JSON page); invalid UTF-8 is repaired as `String(decoding:as:)` does.
    public init(bytes: UnsafeBufferPointer<UInt8>) {
        if Self.isValidUTF8(bytes), let compact = CompactText(validUTF8: bytes) {
            self = compact
        } else {
            self.init(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// The compact forms of bytes known to be valid UTF-8; nil when neither fits.
    private init?(validUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        if let (high, low) = Self.packedUUID(bytes) {
            storage = .uuid(high, low)
            return
        }
        guard bytes.count <= Self.inlineCapacity else { return nil }
        var inline = Inline(words: (0, 0, 0, 0, 0), count: UInt8(bytes.count))
        withUnsafeMutableBytes(of: &inline.words) { words in
            if let base = bytes.baseAddress { words.baseAddress?.copyMemory(from: base, byteCount: bytes.count) }
        }
        storage = .inline(inline)
    }

    /// The text as a `String` (allocates for 16 bytes and more: read it where it is used, not in loops
    /// over every task; see `withUTF8`).
    public var string: String {
        switch storage {
        case .inline(let inline):
            return withUnsafeBytes(of: inline.words) { words in
                String(decoding: UnsafeRawBufferPointer(rebasing: words[..<Int(inline.count)]), as: UTF8.self)
            }
        case .uuid(let high, let low):
            return String(unsafeUninitializedCapacity: 36) { buffer in
                Self.writeUUID(high, low, into: buffer)
                return 36
            }
        case .string(let text): return text
        }
    }

    /// Calls `body` with the text's UTF-8 bytes, without making a `String` for inline text.
    public func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        switch storage {
        case .inline(let inline):
            return try withUnsafeBytes(of: inline.words) { words in
                try body(UnsafeBufferPointer(rebasing: words.bindMemory(to: UInt8.self)[..<Int(inline.count)]))
            }
        case .uuid(let high, let low):
            return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 36) { buffer in
                Self.writeUUID(high, low, into: buffer)
                return try body(UnsafeBufferPointer(buffer))
            }
        case .string(var text):
            return try text.withUTF8(body)
        }
    }

    /// The number of UTF-8 bytes.
    public var utf8Count: Int {
        switch storage {
        case .inline(let inline): return Int(inline.count)
        case .uuid: return 36
        case .string(let text): return text.utf8.count
        }
    }

    /// True when the text is empty.
    public var isEmpty: Bool {
        if case .inline(let inline) = storage { return inline.count == 0 }
        return false
    }

    /// The text itself.
    public var description: String { string }

    /// True when both hold the same bytes.
    public static func == (left: CompactText, right: CompactText) -> Bool {
        switch (left.storage, right.storage) {
        case (.inline(let a), .inline(let b)):
            return a.count == b.count && a.words.0 == b.words.0 && a.words.1 == b.words.1 && a.words.2 == b.words.2
                && a.words.3 == b.words.3 && a.words.4 == b.words.4
        case (.uuid(let aHigh, let aLow), .uuid(let bHigh, let bLow)): return aHigh == bHigh && aLow == bLow
        case (.string(let a), .string(let b)): return a.utf8.elementsEqual(b.utf8)
        default: return false
        }
    }

    /// Hashes the bytes (with the form, which equal texts share).
    public func hash(into hasher: inout Hasher) {
        switch storage {
        case .inline(let inline):
            hasher.combine(0 as UInt8)
            hasher.combine(inline.count)
            withUnsafeBytes(of: inline.words) { hasher.combine(bytes: $0) }
        case .uuid(let high, let low):
            hasher.combine(1 as UInt8)
            hasher.combine(high)
            hasher.combine(low)
        case .string(var text):
            hasher.combine(2 as UInt8)
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }
}

extension CompactText {
    /// The two halves of a lowercase `8-4-4-4-12` hex UUID; nil for anything else (uppercase keeps its
    /// case by staying text).
    static func packedUUID(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64)? {
        // Called for every id, name and address of every task (issue 6): dashes first, then the digits
        // straight from the buffer, one check for all of them at the end.
        guard bytes.count == 36, let base = bytes.baseAddress, base[8] == 0x2D, base[13] == 0x2D, base[18] == 0x2D,
            base[23] == 0x2D
        else { return nil }
        var invalid: UInt8 = 0
        func digits(_ range: Range<Int>, into value: inout UInt64) {
            for index in range {
                let byte = base[index]
                let decimal = byte &- 0x30
                let letter = byte &- 0x61
                let nibble: UInt8 = decimal < 10 ? decimal : (letter < 6 ? letter + 10 : 0x80)
                invalid |= nibble
                value = value << 4 | UInt64(nibble & 0xF)
            }
        }
        var high: UInt64 = 0
        var low: UInt64 = 0
        digits(0..<8, into: &high)
        digits(9..<13, into: &high)
        digits(14..<18, into: &high)
        digits(19..<23, into: &low)
        digits(24..<36, into: &low)
        return invalid & 0x80 == 0 ? (high, low) : nil
    }

    /// Writes the 36 characters of a packed UUID into `buffer` (at least 36 bytes).
    static func writeUUID(_ high: UInt64, _ low: UInt64, into buffer: UnsafeMutableBufferPointer<UInt8>) {
        var position = 0
        for digit in 0..<32 {
            if digit == 8 || digit == 12 || digit == 16 || digit == 20 {
                buffer[position] = UInt8(ascii: "-")
                position += 1
            }
            let half = digit < 16 ? high : low
            let shift = UInt64(60 - (digit % 16) * 4)
            let nibble = UInt8((half >> shift) & 0xF)
            buffer[position] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
            position += 1
        }
    }

    /// True when `bytes` are valid UTF-8 (all ASCII, the common case, is checked first).
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.allSatisfy({ $0 < 0x80 }) { return true }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}

/// A `String` property stored as `CompactText` (see there): reads and writes as a `String`; its
/// projected value (`task.$name`) is the storage, for code that reads every task without making
/// strings, and for the list decoder, which builds it from the page's bytes.
@propertyWrapper
public struct CompactStored: Sendable, Hashable {
    /// The stored text.
    public var projectedValue: CompactText

    /// Stores `wrappedValue`.
    public init(wrappedValue: String) {
        projectedValue = CompactText(wrappedValue)
    }

    /// The text as a `String`.
    public var wrappedValue: String {
        get { projectedValue.string }
        set { projectedValue = CompactText(newValue) }
    }
}
