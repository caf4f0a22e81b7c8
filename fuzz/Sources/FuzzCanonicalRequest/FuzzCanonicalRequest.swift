import DCSKit
import Foundation

/// libFuzzer entry: the first line as a URL, the rest as header lines, through the signer's
/// canonicalisation (path, query, headers, the signed URL) and the signer itself.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCanonicalRequest(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let first = lines.first else { return 0 }
    _ = CanonicalRequest.canonicalPath(first)
    _ = CanonicalRequest.canonicalQuery(first)
    _ = PercentEncoding.encode(first)
    guard let url = URL(string: first) else { return 0 }
    var fields: [(String, String)] = []
    for line in lines.dropFirst() {
        guard let colon = line.firstIndex(of: ":") else { continue }
        fields.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
    }
    let request = CanonicalRequest(method: "GET", url: url, headers: HTTPHeaders(fields), body: Data(lines.last?.utf8 ?? "".utf8))
    _ = request.urlWithCanonicalQuery(url)
    let signer = RequestSigner(credentials: SigningCredentials(accessKey: "FUZZAK", secretKey: "FUZZSK"))
    _ = signer.sign(HTTPRequest(method: "GET", url: url, headers: HTTPHeaders(fields)), date: Date(timeIntervalSince1970: 0))
    return 0
}
