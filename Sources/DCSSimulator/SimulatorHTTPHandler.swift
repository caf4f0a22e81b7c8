import DCSKit
import FlyingFox
import Foundation
import Logging

/// Adapts FlyingFox requests to the router and the router's outcomes to the socket: responses are
/// written, resets and the end of a hang close the connection without a byte of response.
struct SimulatorHTTPHandler: FlyingFox.HTTPHandler {
    /// The router that decides.
    let router: SimulatorRouter
    /// Where the one-line request log goes.
    let logger: Logger

    /// Converts, asks the router, waits as told, answers or drops, and logs one line.
    func handleRequest(_ request: FlyingFox.HTTPRequest) async throws -> FlyingFox.HTTPResponse {
        let started = DispatchTime.now().uptimeNanoseconds
        let converted = try await SimulatorHTTPHandler.convert(request)
        let outcome = router.outcome(for: converted)
        await router.configuration.sleep(outcome.delay)
        let response: FlyingFox.HTTPResponse
        switch outcome.action {
        case .respond(let answer):
            response = SimulatorHTTPHandler.convert(answer)
        case .resetConnection:
            response = FlyingFox.HTTPResponse(webSocket: ConnectionDropper())
        case .hang(let seconds):
            await router.configuration.sleep(seconds)
            response = FlyingFox.HTTPResponse(webSocket: ConnectionDropper())
        }
        let milliseconds = (DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
        let status = outcome.logStatus == 0 ? "dropped" : String(outcome.logStatus)
        let target = SafeText.line(request.target.rawValue, limit: 200)
        logger.info("\(request.method.rawValue) \(target) \(status) \(milliseconds)ms")
        return response
    }

    /// The request as DCSKit sees it; the URL keeps the raw (percent-encoded) target the client sent,
    /// because the signature covers exactly that.
    static func convert(_ request: FlyingFox.HTTPRequest) async throws -> DCSKit.HTTPRequest {
        let host = request.headers[FlyingFox.HTTPHeader("Host")] ?? "127.0.0.1"
        let url = URL(string: "http://\(host)\(request.target.rawValue)") ?? URL(string: "http://127.0.0.1/")
        var headers = DCSKit.HTTPHeaders()
        for (name, value) in request.headers { headers[name.rawValue] = value }
        return DCSKit.HTTPRequest(
            method: request.method.rawValue, url: url ?? URL(fileURLWithPath: "/"), headers: headers,
            body: try await request.bodyData)
    }

    /// The router's response as FlyingFox writes it.
    static func convert(_ response: DCSKit.HTTPResponse) -> FlyingFox.HTTPResponse {
        var headers = FlyingFox.HTTPHeaders()
        for field in response.headers { headers.addValue(field.value, for: FlyingFox.HTTPHeader(field.name)) }
        let phrases = [
            200: "OK", 201: "Created", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
            405: "Method Not Allowed", 429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway",
        ]
        return FlyingFox.HTTPResponse(
            statusCode: FlyingFox.HTTPStatusCode(response.status, phrase: phrases[response.status] ?? "Status"),
            headers: headers,
            body: response.body)
    }
}
