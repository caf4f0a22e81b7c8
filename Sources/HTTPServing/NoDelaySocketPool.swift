import FlyingSocks

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// FlyingFox's socket pool with Nagle's algorithm turned off on every socket it waits for.
///
/// FlyingFox writes a response's header and its body with two `write` calls. With Nagle on, a small
/// body waits until the client acknowledges the header, and clients delay that acknowledgement up to
/// 40 ms: every small answer of a kept-alive connection (the last, empty page of a listing, stats,
/// logs, control calls) took 44 ms instead of well under one (measured: 12 requests on one
/// connection, 4.9 ms then 43–44 ms each). Real API gateways answer without that stall, so the
/// simulator must too, or every latency it serves (the benchmarks' first frame among them) measures
/// the simulator. The listening socket is among those waited for, and accepted sockets inherit the
/// option from it on Linux; connections get it again when they wait.
package struct NoDelaySocketPool: AsyncSocketPool {
    /// The pool doing the work (FlyingFox's default for the platform).
    package let base: any AsyncSocketPool

    /// Wraps `base`.
    package init(base: any AsyncSocketPool) {
        self.base = base
    }

    package func prepare() async throws {
        try await base.prepare()
    }

    package func run() async throws {
        try await base.run()
    }

    package func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {
        var on: Int32 = 1
        // Fails harmlessly on a socket that is not TCP; nothing to report.
        _ = setsockopt(
            socket.file.rawValue, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        try await base.suspendSocket(socket, untilReadyFor: events)
    }
}
