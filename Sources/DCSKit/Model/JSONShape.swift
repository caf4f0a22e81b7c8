import Foundation

/// The JSON type of a value, read without keeping the value: for messages ("the body is an array").
package enum JSONShape: Decodable, Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool
    /// A number.
    case number
    /// A string.
    case string
    /// An array.
    case array
    /// An object.
    case object

    /// Reads the value's type.
    package init(from decoder: Decoder) throws {
        if (try? decoder.container(keyedBy: JSONKey.self)) != nil {
            self = .object
            return
        }
        if (try? decoder.unkeyedContainer()) != nil {
            self = .array
            return
        }
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if (try? container.decode(Bool.self)) != nil {
            self = .bool
        } else if (try? container.decode(String.self)) != nil {
            self = .string
        } else {
            self = .number
        }
    }

    /// A word for the type, for messages: "null", "a boolean", "a number", "a string", "an array", "an object".
    package var name: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// A value that must be a JSON object: decoded as `Value`, or the shape that came instead.
package enum ObjectOrShape<Value: Decodable>: Decodable {
    /// The object, decoded.
    case object(Value)
    /// Not an object: what it was.
    case other(JSONShape)

    /// Decodes `Value` when the value is an object, else records its shape.
    package init(from decoder: Decoder) throws {
        if (try? decoder.container(keyedBy: JSONKey.self)) != nil {
            self = .object(try Value(from: decoder))
        } else {
            self = .other(try JSONShape(from: decoder))
        }
    }
}
