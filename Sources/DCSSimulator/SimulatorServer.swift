import DCSKit
import FlyingFox
import FlyingSocks
import Foundation
import HTTPServing
import Logging

/// The simulator on a real socket: FlyingFox bound to 127.0.0.1 in front of a `SimulatorRouter`.
///
/// `@unchecked Sendable`: the one stored runner is itself thread-safe.
public final class SimulatorServer: @unchecked Sendable {
    /// The router answering every request (use it to inspect state or switch faults in-process).
    public let router: SimulatorRouter
    private let logger: Logger
    private let runner: HTTPServerRunner

    /// Errors of starting the server.
    public enum StartError: Error, UserFacingError {
        /// The server did not report a bound IPv4 address.
        case noAddress
        /// Already started.
        case alreadyRunning

        /// One line saying what to do.
        public var userMessage: String {
            switch self {
            case .noAddress: return "The simulator could not bind 127.0.0.1; try another --port."
            case .alreadyRunning: return "The simulator is already running."
            }
        }
    }

    /// Builds a server; FlyingFox's own logs and the one-line request log go to `logger` (never stdout).
    public init(configuration: SimulatorConfiguration, logger: Logger) {
        router = SimulatorRouter(configuration: configuration)
        self.logger = logger
        runner = HTTPServerRunner(name: "simulator", logger: logger)
    }

    /// Binds 127.0.0.1:`port` (0 picks a free port), starts serving, and returns `http://127.0.0.1:PORT`.
    public func start(port: UInt16 = 0) async throws -> URL {
        // The handler timeout must outlast a hang fault: FlyingFox answers 500 when it is exceeded.
        let configuration = HTTPServer.Configuration.logged(
            address: try sockaddr_in.inet(ip4: "127.0.0.1", port: port), timeout: 86_400, logger: logger)
        let address: Socket.Address?
        do {
            address = try await runner.start(configuration, handler: SimulatorHTTPHandler(router: router, logger: logger))
        } catch HTTPServerRunner.StartError.alreadyRunning {
            throw StartError.alreadyRunning
        }
        guard case .ip4(_, let boundPort)? = address, let url = URL(string: "http://127.0.0.1:\(boundPort)") else {
            await stop()
            throw StartError.noAddress
        }
        return url
    }

    /// Stops listening, cancels connections still open (a hanging request among them) and waits.
    public func stop() async {
        await runner.stop()
    }
}
