import FlyingFox
import FlyingSocks
import Foundation
import HTTPServing
import Logging

/// `serve`'s listener: FlyingFox on the `--listen` address in front of `MetricsHTTPHandler`, its own
/// logs to the caller's logger (never stdout).
package final class MetricsServer: Sendable {
    private let metrics: MigrationMetrics
    private let logger: Logger
    private let runner: HTTPServerRunner

    /// A server exporting `metrics`; nothing listens until `start`.
    package init(metrics: MigrationMetrics, logger: Logger) {
        self.metrics = metrics
        self.logger = logger
        runner = HTTPServerRunner(name: "metrics", logger: logger)
    }

    /// Binds `address` and serves; returns the address bound (with the chosen port for port 0).
    /// Throws what binding threw (the address is in use, or not one of this machine's).
    package func start(_ address: ListenAddress) async throws -> ListenAddress {
        // A scrape is answered from memory in microseconds; 30 s only bounds a client that stalls.
        let configuration = HTTPServer.Configuration.logged(
            address: try address.socketAddress(), timeout: 30, logger: logger)
        let bound = try await runner.start(configuration, handler: MetricsHTTPHandler(metrics: metrics, logger: logger))
        switch bound {
        case .ip4(_, let port)?, .ip6(_, let port)?: return address.with(port: port)
        default: return address
        }
    }

    /// Stops listening and closes open connections.
    package func stop() async {
        await runner.stop()
    }
}
