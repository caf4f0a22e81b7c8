import Foundation

/// HTTP header fields in order, with case-insensitive lookup (names as sent are kept for display).
public struct HTTPHeaders: Sendable, Hashable, Sequence {
    /// The fields in insertion order.
    public private(set) var fields: [(name: String, value: String)]

    /// Builds headers from ordered pairs.
    public init(_ fields: [(String, String)] = []) {
        self.fields = fields.map { (name: $0.0, value: $0.1) }
    }

    /// The first value of a field, matched case-insensitively; setting replaces all fields of that name.
    public subscript(name: String) -> String? {
        get {
            let lowered = name.lowercased()
            return fields.first { $0.name.lowercased() == lowered }?.value
        }
        set {
            let lowered = name.lowercased()
            let position = fields.firstIndex { $0.name.lowercased() == lowered } ?? fields.count
            fields.removeAll { $0.name.lowercased() == lowered }
            if let newValue { fields.insert((name: name, value: newValue), at: Swift.min(position, fields.count)) }
        }
    }

    /// Iterates the fields in order.
    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        fields.makeIterator()
    }

    /// Equal when the same fields appear in the same order.
    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.count == rhs.fields.count
            && zip(lhs.fields, rhs.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    /// Hashes names and values in order.
    public func hash(into hasher: inout Hasher) {
        for field in fields {
            hasher.combine(field.name)
            hasher.combine(field.value)
        }
    }
}

/// A request as our client builds it and the transports send it.
public struct HTTPRequest: Sendable, Hashable {
    /// `GET`, `POST`, …
    public var method: String
    /// Absolute URL; its query is sent exactly as given (see `RequestSigner`).
    public var url: URL
    /// Request headers.
    public var headers: HTTPHeaders
    /// Request body; empty for GET.
    public var body: Data
    /// Whole-request timeout in seconds; nil means the transport's default.
    public var timeout: TimeInterval?

    /// Builds a request.
    public init(method: String, url: URL, headers: HTTPHeaders = HTTPHeaders(), body: Data = Data(), timeout: TimeInterval? = nil)
    {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}

/// A response as a transport returns it.
public struct HTTPResponse: Sendable, Hashable {
    /// HTTP status code.
    public var status: Int
    /// Response headers.
    public var headers: HTTPHeaders
    /// Response body.
    public var body: Data

    /// Builds a response.
    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// The one seam through which every request leaves the process (URLSession live; the simulator's
/// router in-process in tests).
public protocol HTTPTransport: Sendable {
    /// Sends a request; throws `TransportError` when no HTTP response arrives.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// Why no HTTP response arrived.
public enum TransportError: Error, Sendable, Hashable {
    /// The host name did not resolve.
    case dnsFailure(host: String)
    /// Nothing listens at the address, or it refused.
    case connectionRefused(host: String)
    /// The connection could not be made or the response did not finish in time.
    case timedOut(seconds: Double?)
    /// The TLS handshake or certificate check failed.
    case tls(String)
    /// The connection dropped mid-request (reset, closed).
    case connectionLost(String)
    /// The request was cancelled by us.
    case cancelled
    /// Anything else the transport reported.
    case other(String)
}
