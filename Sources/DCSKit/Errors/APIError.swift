import Foundation

/// Why a call to the DCS (or IAM) API failed, with enough context to tell the user what to do.
///
/// Every text that came from the server is sanitised (`SafeText.line`) when the error is built, so
/// `userMessage` is always safe for a terminal. No case ever carries a secret.
public enum APIError: UserFacingError, Hashable {
    /// The server answered with an error status and a DCS (`DCS.xxxx`, legacy `1114xxxxx`) or gateway
    /// (`APIGW.xxxx`) body, or a JSON body without a code.
    case http(status: Int, code: String?, message: String, requestID: String?, host: String)
    /// The server answered with a body that is not JSON (HTML from a proxy, plain text);
    /// `snippet` is its first 200 characters, sanitised.
    case nonJSONBody(status: Int, snippet: String, requestID: String?, host: String)
    /// The server answered with an error status and an empty body.
    case emptyBody(status: Int, requestID: String?, host: String)
    /// A 2xx body that is JSON-like but could not be read: `what` we were reading, `detail` where and why.
    case undecodable(what: String, detail: String, host: String)
    /// Listing stopped after `pages` pages of `pageSize` without reaching the end.
    case pageCapExceeded(pages: Int, pageSize: Int, host: String)
    /// No HTTP response arrived.
    case transport(TransportError, host: String, attempts: Int)
    /// The IAM token request did not return a token.
    case tokenUnavailable(reason: String, host: String)

    /// The HTTP status, when a response arrived.
    public var status: Int? {
        switch self {
        case .http(let status, _, _, _, _), .nonJSONBody(let status, _, _, _), .emptyBody(let status, _, _):
            return status
        default: return nil
        }
    }

    /// The API error code (`DCS.4133`, `APIGW.0301`, …), when the body had one.
    public var code: String? {
        if case .http(_, let code, _, _, _) = self { return code }
        return nil
    }

    /// One line: what happened, then what to do.
    public var userMessage: String {
        switch self {
        case .http(let status, let code, let message, let requestID, let host):
            let head =
                "\(host) answered HTTP \(status)\(code.map { " \($0)" } ?? "")"
                + (message.isEmpty ? "" : ": \(message)")
            return head + " — " + APIError.advice(status: status, code: code) + APIError.requestSuffix(requestID)
        case .nonJSONBody(let status, let snippet, let requestID, let host):
            return "\(host) answered HTTP \(status) with a non-JSON body (\"\(snippet)\") — "
                + APIError.advice(status: status, code: nil) + APIError.requestSuffix(requestID)
        case .emptyBody(let status, let requestID, let host):
            return "\(host) answered HTTP \(status) with an empty body — "
                + APIError.advice(status: status, code: nil) + APIError.requestSuffix(requestID)
        case .undecodable(let what, let detail, let host):
            return "could not read \(what) from \(host): \(detail) — the endpoint may not be a DCS API; "
                + "check --endpoint, or report the response with --output json"
        case .pageCapExceeded(let pages, let pageSize, let host):
            return "\(host) kept returning tasks after \(pages) pages of \(pageSize) — the server's paging looks "
                + "broken; raise page_size in the config or report it"
        case .transport(let error, let host, let attempts):
            let tries = attempts > 1 ? " (after \(attempts) attempts)" : ""
            return APIError.describe(error, host: host) + tries
        case .tokenUnavailable(let reason, let host):
            return "IAM at \(host) gave no token: \(reason) — check the IAM user, password, domain and iam_endpoint"
        }
    }

    private static func requestSuffix(_ requestID: String?) -> String {
        guard let requestID, !requestID.isEmpty else { return "" }
        return " (request id \(requestID))"
    }

    /// What the user should do about an error status (dcs-api-notes.md, "Errors").
    static func advice(status: Int, code: String?) -> String {
        switch code ?? "" {
        case "APIGW.0301":
            return "the AK/SK signature was rejected: check the AK/SK pair, and compare the server's canonical "
                + "request above with `dcswatch debug sign --method GET --url URL`"
        case "APIGW.0303":
            return "the signature expired: this machine's clock is more than 15 minutes off; sync it (NTP)"
        case "APIGW.0308":
            return "throttled by the gateway: wait and retry less often (raise refresh_interval_seconds)"
        case "DCS.1001", "DCS.1003":
            return "the token is missing or invalid: check DCSWATCH_AUTH_TOKEN or the IAM password settings"
        case "DCS.1002":
            return "the token expired: get a new one (unset DCSWATCH_AUTH_TOKEN to use AK/SK or IAM password)"
        case "DCS.1004":
            return "the token belongs to another project: check project_id"
        case "DCS.2003", "DCS.2007":
            return "no permission: grant the IAM actions dcs:migrationTask:list and dcs:migrationTask:get"
        case "DCS.4133":
            return "no such migration task in this project (deleted, or another project/region)"
        default: break
        }
        switch status {
        case 401: return "authentication failed: check the AK/SK or token, and compare with `dcswatch debug sign`"
        case 403:
            return "access denied: grant the IAM actions dcs:migrationTask:list and dcs:migrationTask:get, and "
                + "check the project id"
        case 404: return "not found: check the endpoint and project id (region and project must match)"
        case 429: return "throttled: wait and retry less often (raise refresh_interval_seconds)"
        case 500...599: return "the service or a proxy failed; retry later, or check the endpoint and any proxy"
        case 300...399: return "redirected: the endpoint is probably wrong; use the API host, not a console URL"
        default: return "check the endpoint, project id and credentials"
        }
    }

    /// A transport failure, said the way a user can act on it.
    static func describe(_ error: TransportError, host: String) -> String {
        switch error {
        case .dnsFailure:
            return "cannot resolve \(host) — check the region or --endpoint, and this machine's DNS"
        case .connectionRefused:
            return "connection to \(host) refused — is the endpoint right (region, --endpoint, port)?"
        case .timedOut(let seconds):
            let limit = seconds.map { " within \(APIError.format(seconds: $0))" } ?? ""
            return "no response from \(host)\(limit) — check the network, a proxy (HTTPS_PROXY) or the endpoint"
        case .tls(let detail):
            return "TLS with \(host) failed (\(SafeText.line(detail, limit: 120))) — check the endpoint, the "
                + "system CA certificates, the clock, or an intercepting proxy"
        case .connectionLost(let detail):
            return "connection to \(host) dropped (\(SafeText.line(detail, limit: 120))) — a proxy or the "
                + "network cut it; try again"
        case .cancelled:
            return "request to \(host) cancelled"
        case .other(let detail):
            return "request to \(host) failed: \(SafeText.line(detail, limit: 160)) — check the endpoint and network"
        }
    }

    /// "0.5 s", "3 s".
    static func format(seconds: Double) -> String {
        seconds.rounded() == seconds ? "\(Int(seconds)) s" : String(format: "%.1f s", seconds)
    }
}
