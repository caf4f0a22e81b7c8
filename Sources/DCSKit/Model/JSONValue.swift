import Foundation

/// Any JSON value, decoded without a schema so that one odd field never fails a whole page.
///
/// The DCS API documents strings but returns numbers, `null` or other shapes in practice
/// (dcs-api-notes.md, "Fields and values"); models read fields through the lenient accessors below.
public enum JSONValue: Sendable, Equatable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
}

extension JSONValue: Codable {
    /// Decodes any JSON value; integers stay exact when they fit in 64 bits.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Encodes the value back to the same JSON shape.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

extension JSONValue {
    /// Parses a JSON document; throws a `JSONSyntaxError` for text that is not JSON at all.
    public static func parse(_ data: Data) throws -> JSONValue {
        try JSONParser.parse(data)
    }

    /// The object's members, or nil for any other shape.
    public var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The array's elements, or nil for any other shape (`null` included).
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// A string, also from a number or bool (the API sometimes sends numbers for string fields);
    /// nil for `null`, arrays and objects. Empty strings stay empty: callers decide what blank means.
    public var lenientString: String? {
        switch self {
        case .string(let value): return value
        case .int(let value): return String(value)
        case .double(let value):
            return value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .bool(let value): return value ? "true" : "false"
        case .null, .array, .object: return nil
        }
    }

    /// A number from a number or a numeric string (surrounding spaces allowed); nil otherwise.
    public var lenientDouble: Double? {
        switch self {
        case .int(let value): return Double(value)
        case .double(let value): return value.isFinite ? value : nil
        case .string(let text):
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else { return nil }
            return value
        case .bool, .null, .array, .object: return nil
        }
    }

    /// An integer from an integer, a whole double or a numeric string; nil otherwise.
    public var lenientInt: Int? {
        switch self {
        case .int(let value): return Int(exactly: value)
        default:
            guard let value = lenientDouble, value.rounded() == value, abs(value) < 9.0e15 else { return nil }
            return Int(value)
        }
    }

    /// A bool from `true`/`false`, the strings "true"/"false" (any case) or 0/1; nil otherwise.
    public var lenientBool: Bool? {
        switch self {
        case .bool(let value): return value
        case .string(let text):
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true", "1", "yes": return true
            case "false", "0", "no": return false
            default: return nil
            }
        case .int(let value): return value == 0 ? false : (value == 1 ? true : nil)
        default: return nil
        }
    }

    /// Member access that yields `.null` for a missing key or a non-object.
    public subscript(key: String) -> JSONValue {
        objectValue?[key] ?? .null
    }
}
