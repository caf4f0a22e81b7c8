import DCSKit
import Foundation

/// Builds the simulator's responses in the shapes the real services use (dcs-api-notes.md, "Errors").
enum SimulatorResponses {
    /// JSON bytes with sorted keys, so the same state always gives the same bytes; slashes as they are.
    /// `JSONValue` writes non-finite numbers as `null`, so encoding cannot fail; were it to, the client
    /// would see an empty body and say so.
    static func encode(_ value: JSONValue) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data()
    }

    /// A JSON response.
    static func json(_ value: JSONValue, status: Int = 200, headers: [(String, String)] = []) -> HTTPResponse {
        HTTPResponse(
            status: status, headers: HTTPHeaders([("Content-Type", "application/json;charset=UTF-8")] + headers),
            body: encode(value))
    }

    /// A DCS error body: `{"error_code","error_msg","error_ext_msg"}`.
    static func dcsError(status: Int, code: String, message: String) -> HTTPResponse {
        json(
            .object(["error_code": .string(code), "error_msg": .string(message), "error_ext_msg": .null]),
            status: status)
    }

    /// An API gateway error body: `{"error_code","error_msg","request_id"}`.
    static func gatewayError(
        status: Int, code: String, message: String, requestID: String, headers: [(String, String)] = []
    )
        -> HTTPResponse
    {
        json(
            .object(["error_code": .string(code), "error_msg": .string(message), "request_id": .string(requestID)]),
            status: status, headers: headers)
    }

    /// The error an `httpError` fault sends: gateway-shaped for `APIGW.` codes, DCS-shaped otherwise.
    static func faultError(status: Int, code: String?, requestID: String) -> HTTPResponse {
        let defaults: [Int: (String, String)] = [
            400: ("DCS.4957", "The task status does not allow this operation (simulated fault)"),
            401: (
                "APIGW.0301", "Incorrect IAM authentication information: verify aksk signature fail (simulated fault)"
            ),
            403: ("DCS.2003", "No permission to perform this operation: dcs:migrationTask:list (simulated fault)"),
            404: ("DCS.4001", "The requested resource does not exist (simulated fault)"),
            500: ("DCS.5000", "Internal service error (simulated fault)"),
        ]
        let (defaultCode, message) = defaults[status] ?? ("DCS.5000", "Simulated error")
        let chosen = code ?? defaultCode
        if chosen.hasPrefix("APIGW.") {
            return gatewayError(status: status, code: chosen, message: message, requestID: requestID)
        }
        return dcsError(status: status, code: chosen, message: message)
    }

    /// An nginx-style 502 page, as a proxy in front of the API sends it.
    static func html502() -> HTTPResponse {
        let page = """
            <html>\r
            <head><title>502 Bad Gateway</title></head>\r
            <body>\r
            <center><h1>502 Bad Gateway</h1></center>\r
            <hr><center>nginx</center>\r
            </body>\r
            </html>\r

            """
        return HTTPResponse(status: 502, headers: HTTPHeaders([("Content-Type", "text/html")]), body: Data(page.utf8))
    }
}
