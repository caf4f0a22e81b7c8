import Crypto
import DCSKit
import Foundation

/// Checks `SDK-HMAC-SHA256` signatures as the API gateway does: parse `Authorization`, rebuild the
/// canonical request over exactly the signed headers with DCSKit's `CanonicalRequest`, recompute the
/// HMAC with the SK, and require `X-Sdk-Date` within 15 minutes of the simulator's clock.
struct SignatureVerifier: Sendable {
    /// The accepted access key.
    let accessKey: String
    /// The secret key signatures are checked with.
    let secretKey: String
    /// Largest accepted clock difference (dcs-api-notes.md: 15 minutes).
    static let allowedSkew: TimeInterval = 15 * 60

    /// Why a signature was refused; `code` is the gateway's error code.
    struct Failure: Error, Sendable, Hashable {
        /// `APIGW.0301` or `APIGW.0303`.
        let code: String
        /// The gateway's message (with the canonical request, `|` for newlines, on a mismatch).
        let message: String
    }

    /// The parts of an `Authorization: SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…` header.
    struct Authorization: Sendable, Hashable {
        /// `Access=`: the AK the client claims.
        let accessKey: String
        /// `SignedHeaders=`: lowercase names, in the client's order.
        let signedHeaders: [String]
        /// `Signature=`: lowercase hex.
        let signature: String

        /// Parses the header; nil when it is not an SDK-HMAC-SHA256 header with all three parts.
        init?(_ header: String) {
            let prefix = RequestSigner.algorithm + " "
            guard header.hasPrefix(prefix) else { return nil }
            var parts: [String: String] = [:]
            for piece in header.dropFirst(prefix.count).split(separator: ",") {
                let pair = piece.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                if pair.count == 2 { parts[String(pair[0])] = String(pair[1]) }
            }
            guard let access = parts["Access"], let signed = parts["SignedHeaders"], let signature = parts["Signature"]
            else {
                return nil
            }
            accessKey = access
            signedHeaders = signed.split(separator: ";").map { $0.lowercased() }
            self.signature = signature.lowercased()
        }
    }

    /// Verifies `request` at `now`; returns the failure, or nil when the signature is good.
    func verify(_ request: HTTPRequest, now: Date) -> Failure? {
        guard let header = request.headers["Authorization"], let authorization = Authorization(header) else {
            return Failure(
                code: "APIGW.0301",
                message: "Incorrect IAM authentication information: Authorization header is missing or malformed")
        }
        guard authorization.accessKey == accessKey else {
            return Failure(
                code: "APIGW.0301",
                message:
                    "Incorrect IAM authentication information: ak \(SigningCredentials.masked(authorization.accessKey)) not found"
            )
        }
        guard authorization.signedHeaders.contains("x-sdk-date"), let dateText = request.headers["X-Sdk-Date"],
            let date = RequestSigner.parseSDKDate(dateText)
        else {
            return Failure(
                code: "APIGW.0301",
                message: "Incorrect IAM authentication information: x-sdk-date is missing, unsigned or malformed")
        }
        guard abs(date.timeIntervalSince(now)) <= SignatureVerifier.allowedSkew else {
            return Failure(
                code: "APIGW.0303",
                message:
                    "Incorrect IAM authentication information: signature expired, x-sdk-date \(dateText) is more than 15 minutes from the server time"
            )
        }
        let canonical = CanonicalRequest(
            method: request.method, url: request.url, headers: request.headers, body: request.body,
            signedHeaderNames: authorization.signedHeaders)
        var canonicalText = canonical.text
        // The official SDKs sign non-JSON bodies as `UNSIGNED-PAYLOAD` (header X-Sdk-Content-Sha256):
        // the canonical request then ends in that literal instead of the body hash.
        if request.headers["X-Sdk-Content-Sha256"] == "UNSIGNED-PAYLOAD", let cut = canonicalText.lastIndex(of: "\n") {
            canonicalText = String(canonicalText[...cut]) + "UNSIGNED-PAYLOAD"
        }
        let stringToSign = "\(RequestSigner.algorithm)\n\(dateText)\n\(Hex.sha256(Data(canonicalText.utf8)))"
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data(stringToSign.utf8), using: SymmetricKey(data: Data(secretKey.utf8)))
        // A signed header missing from the request drops out of the rebuilt canonical request, so the
        // HMAC cannot match: no separate check is needed.
        if Hex.encode(Data(mac)) == authorization.signature { return nil }
        let flattened = canonicalText.replacingOccurrences(of: "\n", with: "|")
        return Failure(
            code: "APIGW.0301",
            message:
                "Incorrect IAM authentication information: verify aksk signature fail, SignedHeaders: \(authorization.signedHeaders.joined(separator: ";")), CanonicalRequest: \(flattened)"
        )
    }
}
