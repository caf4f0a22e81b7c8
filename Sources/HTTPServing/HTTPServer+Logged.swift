import FlyingFox
import FlyingSocks
import Foundation
import Logging

extension HTTPServer.Configuration {
    /// The set-up of every FlyingFox server of dcswatch (the simulator, `serve`): FlyingFox's own lines
    /// go to `logger` through `FlyingFoxLogBridge` (its default logger prints to stdout) and sockets
    /// wait in a `NoDelaySocketPool` (no 40-ms stall on a small answer of a kept-alive connection).
    package static func logged(address: some SocketAddress, timeout: TimeInterval, logger: Logger) -> Self {
        let bridge = FlyingFoxLogBridge(logger: logger)
        return HTTPServer.Configuration(
            address: address, timeout: timeout, pool: NoDelaySocketPool(base: HTTPServer.defaultPool(logger: bridge)),
            logger: bridge)
    }
}
