import DCSKit
import FlyingFox
import Foundation
import Logging

/// The simulator on a real socket: FlyingFox bound to 127.0.0.1 in front of a `SimulatorRouter`.
///
/// `@unchecked Sendable`: `start`/`stop` may be called from different tasks; the server and its run
/// task are guarded by `lock`.
public final class SimulatorServer: @unchecked Sendable {
    /// The router answering every request (use it to inspect state or switch faults in-process).
    public let router: SimulatorRouter
    private let logger: Logger
    private let lock = NSLock()
    private var server: HTTPServer?
    private var runTask: Task<Void, Never>?
    private var stopping = false

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
    }

    /// Binds 127.0.0.1:`port` (0 picks a free port), starts serving, and returns `http://127.0.0.1:PORT`.
    public func start(port: UInt16 = 0) async throws -> URL {
        // The handler timeout must outlast a hang fault: FlyingFox answers 500 when it is exceeded.
        let bridge = FlyingFoxLogBridge(logger: logger)
        let configuration = HTTPServer.Configuration(
            address: try .inet(ip4: "127.0.0.1", port: port), timeout: 86_400,
            pool: NoDelaySocketPool(base: HTTPServer.defaultPool(logger: bridge)), logger: bridge)
        let server = HTTPServer(config: configuration, handler: SimulatorHTTPHandler(router: router, logger: logger))
        try lock.withLock {
            guard self.server == nil else { throw StartError.alreadyRunning }
            self.server = server
        }
        let logger = self.logger
        let task = Task {
            do {
                try await server.run()
            } catch {
                if self.lock.withLock({ !self.stopping }) { logger.error("simulator server failed: \(error)") }
            }
        }
        lock.withLock { runTask = task }
        try await server.waitUntilListening(timeout: 10)
        guard case .ip4(_, let boundPort)? = await server.listeningAddress,
            let url = URL(string: "http://127.0.0.1:\(boundPort)")
        else {
            await stop()
            throw StartError.noAddress
        }
        return url
    }

    /// Stops listening, cancels connections still open (a hanging request among them) and waits.
    public func stop() async {
        let (server, task) = lock.withLock {
            stopping = true
            defer {
                self.server = nil
                runTask = nil
            }
            return (self.server, runTask)
        }
        await server?.stop(timeout: 0)
        task?.cancel()
        await task?.value
    }
}
