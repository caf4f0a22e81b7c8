import DCSKit
import FlyingFox
import Foundation
import Logging

/// Answers `serve`'s two paths: `GET /metrics` with the exposition of what is already known (no API
/// call), `GET /healthz` with `ok` while the process serves. `HEAD` as `GET` without the body.
///
/// The exposition is the text format 0.0.4, or OpenMetrics 1.0 when `Accept` asks for it
/// (`OpenMetricsText`: swift-prometheus writes only the text format; DECISIONS.md, 2026-12-04).
struct MetricsHTTPHandler: FlyingFox.HTTPHandler {
    /// The `Content-Type` of the exposition.
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// What is exported.
    let metrics: MigrationMetrics
    /// Where a line per request goes, at debug level.
    let logger: Logger

    /// Routes by path; other paths are 404, other methods 405.
    func handleRequest(_ request: FlyingFox.HTTPRequest) async throws -> FlyingFox.HTTPResponse {
        let response = Self.answer(
            method: request.method, path: request.path, metrics: metrics,
            openMetrics: OpenMetricsText.isWanted(byAccept: request.headers[HTTPHeader("Accept")]))
        logger.debug(
            "\(request.method.rawValue) \(SafeText.line(request.path, limit: 200)) \(response.statusCode.code)")
        return response
    }

    /// The answer to `method path`.
    static func answer(
        method: HTTPMethod, path: String, metrics: MigrationMetrics, openMetrics: Bool = false
    ) -> FlyingFox.HTTPResponse {
        let body: Data
        let type: String
        switch path {
        case "/metrics":
            body = Data(openMetrics ? OpenMetricsText.convert(metrics.exposition()) : metrics.exposition())
            type = openMetrics ? OpenMetricsText.contentType : contentType
        case "/healthz":
            body = Data("ok\n".utf8)
            type = "text/plain; charset=utf-8"
        default:
            return text(.notFound, "not found: try /metrics or /healthz\n")
        }
        switch method {
        case .GET: return FlyingFox.HTTPResponse(statusCode: .ok, headers: [.contentType: type], body: body)
        case .HEAD:
            return FlyingFox.HTTPResponse(
                statusCode: .ok, headers: [.contentType: type, .contentLength: String(body.count)], body: Data())
        default:
            var response = text(.methodNotAllowed, "only GET and HEAD\n")
            response.headers[HTTPHeader("Allow")] = "GET, HEAD"
            return response
        }
    }

    private static func text(_ status: HTTPStatusCode, _ message: String) -> FlyingFox.HTTPResponse {
        FlyingFox.HTTPResponse(
            statusCode: status, headers: [.contentType: "text/plain; charset=utf-8"], body: Data(message.utf8))
    }
}
