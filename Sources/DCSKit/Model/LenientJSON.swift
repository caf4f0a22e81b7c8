import Foundation

/// The one JSON reader of DCSKit: Foundation's `JSONDecoder`, with the tolerant reads below.
///
/// The DCS API documents strings but returns numbers, `null` or other shapes in practice
/// (dcs-api-notes.md, "Fields and values"): models read every field through `lenient…(forKey:)`, so
/// that one odd field degrades to nil instead of failing a whole body.
package enum LenientJSON {
    /// Decodes `type` from `data`; throws `DecodingError.dataCorrupted` for text that is not JSON.
    /// Invalid UTF-8 is first repaired to U+FFFD: `JSONDecoder` would make the whole string unreadable,
    /// and a task name with one bad byte must still show (RELIABILITY.md, finding 4).
    package static func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        try JSONDecoder().decode(type, from: repairingUTF8(data))
    }

    /// `data` itself when it is valid UTF-8, else its bytes with each invalid sequence as U+FFFD.
    static func repairingUTF8(_ data: Data) -> Data {
        let text = String(decoding: data, as: UTF8.self)
        let same = data.withUnsafeBytes { bytes in
            text.utf8.withContiguousStorageIfAvailable { repaired in
                guard repaired.count == bytes.count else { return false }
                guard let left = repaired.baseAddress, let right = bytes.baseAddress else { return true }
                return memcmp(left, right, bytes.count) == 0
            }
        }
        return same == true ? data : Data(text.utf8)
    }

    /// The parser's error in a few words, with where it failed when `data` is given: on Linux
    /// `JSONDecoder` only says "The given data was not valid JSON.", so a document it refused is
    /// handed to `JSONSerialization` for the place ("Invalid value around line 3, column 7.").
    package static func describe(_ error: Error, in data: Data? = nil) -> String {
        guard case DecodingError.dataCorrupted(let context) = error else { return String(describing: error) }
        let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
        if let underlying { return underlying }
        if let data, context.codingPath.isEmpty {
            do {
                _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            } catch {
                if let place = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String { return place }
            }
        }
        return context.debugDescription
    }
}

/// A member name read from the document, for objects read member by member.
package struct JSONKey: CodingKey, Hashable {
    /// The name.
    package var stringValue: String
    /// Never an index: only objects are read with it.
    package var intValue: Int? { nil }

    /// The key `name`.
    package init(_ name: String) {
        stringValue = name
    }

    /// The key `stringValue`.
    package init(stringValue: String) {
        self.stringValue = stringValue
    }

    /// Not used: member names only.
    package init?(intValue: Int) {
        nil
    }
}

/// A JSON scalar read leniently: a string, a number or a bool; `other` for `null`, arrays and objects.
package enum LenientScalar: Decodable, Sendable, Hashable {
    /// A JSON string.
    case text(String)
    /// A number without fraction that fits in 64 bits.
    case integer(Int64)
    /// Any other number.
    case number(Double)
    /// `true` or `false`.
    case flag(Bool)
    /// `null`, an array or an object.
    case other

    /// Reads any value; never throws for a well-formed one.
    package init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .other
        } else if let text = try? container.decode(String.self) {
            self = .text(text)
        } else if let flag = try? container.decode(Bool.self) {
            self = .flag(flag)
        } else if let integer = try? container.decode(Int64.self) {
            self = .integer(integer)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .other
        }
    }

    /// A string, also from a number or bool; nil for `null`, arrays and objects. Empty stays empty.
    package var string: String? {
        switch self {
        case .text(let value): return value
        case .integer(let value): return String(value)
        case .number(let value):
            return value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .flag(let value): return value ? "true" : "false"
        case .other: return nil
        }
    }

    /// A finite number from a number or a numeric string (surrounding spaces allowed); nil otherwise.
    package var double: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .number(let value): return value.isFinite ? value : nil
        case .text(let text):
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else { return nil }
            return value
        case .flag, .other: return nil
        }
    }

    /// An integer from an integer, a whole number or a numeric string; nil otherwise.
    package var int: Int? {
        if case .integer(let value) = self { return Int(exactly: value) }
        guard let value = double, value.rounded() == value, abs(value) < 9.0e15 else { return nil }
        return Int(value)
    }

    /// A bool from `true`/`false`, the strings "true"/"false"/"yes"/"no"/"1"/"0" (any case) or 0/1.
    package var bool: Bool? {
        switch self {
        case .flag(let value): return value
        case .text(let text):
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true", "1", "yes": return true
            case "false", "0", "no": return false
            default: return nil
            }
        case .integer(let value): return value == 0 ? false : (value == 1 ? true : nil)
        default: return nil
        }
    }
}

extension KeyedDecodingContainer {
    /// The member as a scalar; nil when missing, `null`, an array or an object.
    package func lenientScalar(forKey key: Key) -> LenientScalar? {
        guard let scalar = try? decodeIfPresent(LenientScalar.self, forKey: key), scalar != .other else { return nil }
        return scalar
    }

    /// The member as text (see `LenientScalar.string`); a plain string takes one read, no error.
    package func lenientString(forKey key: Key) -> String? {
        if let text = try? decodeIfPresent(String.self, forKey: key) { return text }
        return lenientScalar(forKey: key)?.string
    }

    /// The member as a number (see `LenientScalar.double`).
    package func lenientDouble(forKey key: Key) -> Double? {
        lenientScalar(forKey: key)?.double
    }

    /// The member as an integer (see `LenientScalar.int`).
    package func lenientInt(forKey key: Key) -> Int? {
        lenientScalar(forKey: key)?.int
    }

    /// The member as a bool (see `LenientScalar.bool`).
    package func lenientBool(forKey key: Key) -> Bool? {
        lenientScalar(forKey: key)?.bool
    }

    /// The member as a list of texts: non-scalar elements are skipped; not an array gives [].
    package func lenientStrings(forKey key: Key) -> [String] {
        ((try? decodeIfPresent([LenientScalar].self, forKey: key)) ?? []).compactMap(\.string)
    }
}
