import FlyingSocks
import Testing

@testable import HTTPServing

#if canImport(Glibc)
    import Glibc
#endif

/// FlyingFox's sockets (the simulator's and `serve`'s) answer without Nagle's 40-ms stall (see `NoDelaySocketPool`).
@Suite struct NoDelaySocketPoolTests {
    /// A pool whose sockets are always ready.
    struct ReadyPool: AsyncSocketPool {
        func prepare() async throws {}
        func run() async throws {}
        func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {}
    }

    static func noDelay(_ socket: Socket) -> Int32 {
        var value: Int32 = -1
        var size = socklen_t(MemoryLayout<Int32>.size)
        _ = getsockopt(socket.file.rawValue, Int32(IPPROTO_TCP), TCP_NODELAY, &value, &size)
        return value
    }

    @Test func aSocketWaitedForHasNagleTurnedOff() async throws {
        let socket = try Socket(domain: AF_INET, type: .stream)
        defer { try? socket.close() }
        #expect(Self.noDelay(socket) == 0)
        try await NoDelaySocketPool(base: ReadyPool()).suspendSocket(socket, untilReadyFor: .read)
        #expect(Self.noDelay(socket) == 1)
    }
}
