import DCSKit
import Foundation

/// Any JSON value: the simulator's bodies (its faults rewrite members into other JSON types, which a
/// schema type cannot hold), read and written through `Codable`.
///
/// The DCS API documents strings but returns numbers, `null` or other shapes in practice
/// (dcs-api-notes.md, "Fields and values"); request bodies are read through the lenient accessors below.
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

    /// Encodes the value back to the same JSON shape; a non-finite number, which JSON cannot carry, as `null`.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try value.isFinite ? container.encode(value) : container.encodeNil()
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

extension JSONValue {
    /// Parses a JSON document (`JSONDecoder`); throws for text that is not JSON at all.
    public static func parse(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
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

    /// The value as a scalar, read by `LenientScalar`'s rules (the same as every `Codable` model's).
    var scalar: LenientScalar {
        switch self {
        case .string(let value): return .text(value)
        case .int(let value): return .integer(value)
        case .double(let value): return .number(value)
        case .bool(let value): return .flag(value)
        case .null, .array, .object: return .other
        }
    }

    /// A string, also from a number or bool; nil for `null`, arrays and objects (`LenientScalar.string`).
    public var lenientString: String? { scalar.string }

    /// An integer from an integer, a whole number or a numeric string (`LenientScalar.int`).
    public var lenientInt: Int? { scalar.int }

    /// Member access that yields `.null` for a missing key or a non-object.
    public subscript(key: String) -> JSONValue {
        objectValue?[key] ?? .null
    }
}
