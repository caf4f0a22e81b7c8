import FlyingFox
import Foundation

/// Closes a connection without writing anything: FlyingFox asks a WebSocket handler for its frames
/// *before* it writes the 101 response, so throwing here makes it drop the connection with no
/// response at all (no other public hook closes a connection from a handler; a thrown handler error
/// becomes a 500). The client sees the server close the connection — an empty reply, not a TCP RST.
struct ConnectionDropper: WSHandler {
    /// The error that makes FlyingFox drop the connection.
    struct Dropped: LocalizedError {
        /// Shown in FlyingFox's connection log line.
        var errorDescription: String? { "connection dropped by a simulated reset or hang fault" }
    }

    /// Throws before any frame exists, so nothing is written.
    func makeFrames(for client: AsyncThrowingStream<WSFrame, any Error>) async throws -> AsyncStream<WSFrame> {
        throw Dropped()
    }
}
