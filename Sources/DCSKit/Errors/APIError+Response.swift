import Foundation

extension APIError {
    /// Builds the error for a non-2xx response: reads a DCS or gateway JSON body, else describes the body.
    /// The request id comes from the body, else from the `X-Request-Id` header.
    public static func from(_ response: HTTPResponse, host: String) -> APIError {
        let headerRequestID = response.headers["X-Request-Id"].map { SafeText.line($0, limit: 80) }
        let text = String(decoding: response.body, as: UTF8.self)
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return .emptyBody(status: response.status, requestID: headerRequestID, host: host)
        }
        guard let body = try? LenientJSON.decode(ErrorBody.self, from: response.body) else {
            return .nonJSONBody(
                status: response.status, snippet: snippet(text), requestID: headerRequestID, host: host)
        }
        let code = body.code.map { SafeText.line($0, limit: 40) }
        let bodyRequestID = body.requestID.map { SafeText.line($0, limit: 80) }
        return .http(
            status: response.status, code: code?.isEmpty == true ? nil : code,
            message: SafeText.line(body.message ?? "", limit: 400),
            requestID: bodyRequestID ?? headerRequestID, host: host)
    }

    /// The first 200 characters of a body, sanitised for one line.
    public static func snippet(_ text: String) -> String {
        let collapsed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return SafeText.line(String(collapsed.prefix(200)), limit: 200)
    }

    /// Builds the error for a 2xx body that could not be read as `what`: a body that is not JSON at all
    /// shows its start; JSON that is cut off or of the wrong shape says where.
    public static func unreadable(_ body: Data, what: String, detail: String, status: Int, host: String) -> APIError {
        let text = String(decoding: body, as: UTF8.self)
        let start = text.drop { $0.isWhitespace }.first
        if start != "{" && start != "[" {
            if text.isEmpty { return .undecodable(what: what, detail: "the body is empty", host: host) }
            return .nonJSONBody(status: status, snippet: snippet(text), requestID: nil, host: host)
        }
        return .undecodable(what: what, detail: SafeText.line(detail, limit: 200), host: host)
    }

    /// True for failures worth another attempt of an idempotent GET: 429 and 5xx.
    public static func isRetryable(status: Int) -> Bool {
        status == 429 || status == 500 || status == 502 || status == 503 || status == 504
    }
}

/// An error body of DCS (`error_code`, `error_msg`) or of the gateway, which sometimes nests it:
/// `{"error": {"code": …, "message": …}}`; every member read leniently. Not an object: no body.
private struct ErrorBody: Decodable {
    let code: String?
    let message: String?
    let requestID: String?

    private enum Field: String, CodingKey {
        case code = "error_code", message = "error_msg", requestID = "request_id", nested = "error"
        case nestedCode = "code", nestedMessage = "message"
    }

    init(from decoder: Decoder) throws {
        let object = try decoder.container(keyedBy: Field.self)
        let nested = try? object.nestedContainer(keyedBy: Field.self, forKey: .nested)
        code = object.lenientString(forKey: .code) ?? nested?.lenientString(forKey: .nestedCode)
        message = object.lenientString(forKey: .message) ?? nested?.lenientString(forKey: .nestedMessage)
        requestID = object.lenientString(forKey: .requestID)
    }
}
