import Crypto
import Foundation

/// The `SDK-HMAC-SHA256` signer of Huawei Cloud and T Cloud Public, as dcs-api-notes.md describes it
/// and as the official SDKs compute it (checked against `shared/fixtures/signing-vectors.json`).
///
/// Pure: the date is a parameter, so the same input always gives the same bytes.
public struct RequestSigner: Sendable {
    /// The key pair and optional security token.
    public let credentials: SigningCredentials
    /// Sent as `X-Project-Id` (and signed) when set.
    public let projectID: String?

    /// The algorithm name that starts the string to sign and the Authorization header.
    public static let algorithm = "SDK-HMAC-SHA256"

    /// Builds a signer.
    public init(credentials: SigningCredentials, projectID: String? = nil) {
        self.credentials = credentials
        self.projectID = projectID
    }

    /// Signs `request` as of `date`: adds `X-Sdk-Date`, `Host`, `X-Project-Id`, `X-Security-Token`,
    /// `Authorization`, and rewrites the URL's query to the canonical query that was signed.
    public func sign(_ request: HTTPRequest, date: Date) -> SigningResult {
        var headers = request.headers
        let sdkDate = RequestSigner.sdkDate(date)
        headers["X-Sdk-Date"] = sdkDate
        if let projectID, !projectID.isEmpty { headers["X-Project-Id"] = projectID }
        if let token = credentials.securityToken, !token.isEmpty { headers["X-Security-Token"] = token }
        headers["Host"] = RequestSigner.hostHeader(for: request.url)
        headers["Authorization"] = nil

        let canonical = CanonicalRequest(method: request.method, url: request.url, headers: headers, body: request.body)
        let stringToSign = "\(RequestSigner.algorithm)\n\(sdkDate)\n\(Hex.sha256(Data(canonical.text.utf8)))"
        let key = SymmetricKey(data: Data(credentials.secretKey.utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: key)
        let signature = Hex.encode(Data(mac))
        let authorization =
            "\(RequestSigner.algorithm) Access=\(credentials.accessKey), SignedHeaders=\(canonical.signedHeaders), Signature=\(signature)"
        headers["Authorization"] = authorization

        var signed = request
        signed.headers = headers
        signed.url = canonical.urlWithCanonicalQuery(request.url)
        return SigningResult(
            request: signed, canonicalRequest: canonical.text, stringToSign: stringToSign,
            signedHeaders: canonical.signedHeaders, authorization: authorization)
    }

    /// `X-Sdk-Date` format: UTC `YYYYMMDDTHHMMSSZ`.
    public static func sdkDate(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let civil = CivilDate.from(daysSinceEpoch: days)
        let (year, month, day) = (Int(civil.year), Int(civil.month), Int(civil.day))
        return String(
            format: "%04d%02d%02dT%02d%02d%02dZ", year, month, day, Int(secondOfDay / 3600),
            Int(secondOfDay % 3600 / 60), Int(secondOfDay % 60))
    }

    /// Parses an `X-Sdk-Date`; nil when malformed.
    public static func parseSDKDate(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z") else { return nil }
        let digits = bytes[0..<8] + bytes[9..<15]
        guard digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return APITimestamp.parse(String(decoding: digits, as: UTF8.self))
    }

    /// `Host`: the host, with `:port` only when the URL names a port explicitly.
    public static func hostHeader(for url: URL) -> String {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        var host = components?.percentEncodedHost ?? url.host ?? ""
        if host.contains(":") && !host.hasPrefix("[") { host = "[\(host)]" }
        if let port = components?.port { return "\(host):\(port)" }
        return host
    }

}
