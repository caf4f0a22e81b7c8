import Foundation

/// The canonical request of `SDK-HMAC-SHA256` (dcs-api-notes.md, "Authentication"), built from the
/// method, URL, the headers to be sent and the body. Shared by the signer and the simulator's verifier.
public struct CanonicalRequest: Sendable, Hashable {
    /// The full canonical request text.
    public let text: String
    /// `;`-joined lowercase signed header names.
    public let signedHeaders: String
    /// The canonical query (also what goes on the wire).
    public let canonicalQuery: String

    /// Builds the canonical request. `signedHeaderNames`, when given (the verifier's case), limits the
    /// headers to those the client said it signed; otherwise every header without `_` is signed.
    public init(method: String, url: URL, headers: HTTPHeaders, body: Data, signedHeaderNames: [String]? = nil) {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        let path = CanonicalRequest.canonicalPath(components?.percentEncodedPath ?? url.path)
        let query = CanonicalRequest.canonicalQuery(components?.percentEncodedQuery)

        var byName: [String: String] = [:]
        for field in headers {
            let name = field.name.lowercased()
            // The official signer skips names with "_" (proxies drop them) and does not sign Authorization.
            guard !name.contains("_"), name != "authorization" else { continue }
            if let wanted = signedHeaderNames, !wanted.contains(name) { continue }
            let value = field.value.trimmingCharacters(in: .whitespaces)
            byName[name] = byName[name].map { "\($0),\(value)" } ?? value
        }
        let names = byName.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let headerLines = names.map { "\($0):\(byName[$0] ?? "")\n" }.joined()
        let signedHeaders = names.joined(separator: ";")

        self.signedHeaders = signedHeaders
        self.canonicalQuery = query
        self.text = [method.uppercased(), path, query, headerLines, signedHeaders, Hex.sha256(body)]
            .joined(separator: "\n")
    }

    /// Percent-decodes the path, splits on `/`, encodes each segment, and ends it with `/`.
    public static func canonicalPath(_ percentEncodedPath: String) -> String {
        let decoded = percentEncodedPath.removingPercentEncoding ?? percentEncodedPath
        let encoded = decoded.split(separator: "/", omittingEmptySubsequences: false)
            .map { PercentEncoding.encode(String($0)) }
            .joined(separator: "/")
        let rooted = encoded.hasPrefix("/") ? encoded : "/" + encoded
        return rooted.hasSuffix("/") ? rooted : rooted + "/"
    }

    /// Sorts the query's pairs by key then value (byte order), each decoded and re-encoded.
    public static func canonicalQuery(_ percentEncodedQuery: String?) -> String {
        guard let query = percentEncodedQuery, !query.isEmpty else { return "" }
        let pairs: [(String, String)] = query.split(separator: "&", omittingEmptySubsequences: true).map { part in
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(pieces[0]).removingPercentEncoding ?? String(pieces[0])
            let value = pieces.count > 1 ? (String(pieces[1]).removingPercentEncoding ?? String(pieces[1])) : ""
            return (PercentEncoding.encode(key), PercentEncoding.encode(value))
        }
        return pairs.sorted { lhs, rhs in
            lhs.0 == rhs.0
                ? Array(lhs.1.utf8).lexicographicallyPrecedes(Array(rhs.1.utf8))
                : Array(lhs.0.utf8).lexicographicallyPrecedes(Array(rhs.0.utf8))
        }
        .map { "\($0.0)=\($0.1)" }
        .joined(separator: "&")
    }

    /// The URL with its query replaced by the canonical query (none when empty).
    public func urlWithCanonicalQuery(_ url: URL) -> URL {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url }
        components.percentEncodedQuery = canonicalQuery.isEmpty ? nil : canonicalQuery
        return components.url ?? url
    }
}

/// Percent-encoding with the unreserved set `A-Z a-z 0-9 - _ . ~` and uppercase hex — the set the
/// signer uses. Foundation's `urlQueryAllowed` is wrong for this (it leaves `* / + = &`).
public enum PercentEncoding {
    /// Encodes every byte of the UTF-8 form outside the unreserved set.
    public static func encode(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "~"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                output += "%"
                output.unicodeScalars.append(hexDigit(byte >> 4))
                output.unicodeScalars.append(hexDigit(byte & 0x0F))
            }
        }
        return output
    }

    private static func hexDigit(_ nibble: UInt8) -> Unicode.Scalar {
        Unicode.Scalar(nibble < 10 ? 48 + nibble : 55 + nibble)
    }
}
