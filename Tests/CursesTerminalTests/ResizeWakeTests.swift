import CResizeWake
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Counts SIGWINCHs seen by the handler that stands in for curses' own.
nonisolated(unsafe) private var resizesSeenByThePreviousHandler: sig_atomic_t = 0

/// The chained SIGWINCH handler (session 6): the handler that was there (curses') still runs, and the
/// UI thread's pipe gets a byte, so a resize ends its wait at once.
@Suite(.serialized) struct ResizeWakeTests {
    @Test func aResizeRunsTheEarlierHandlerAndWakesThePipeUntilStopped() throws {
        var descriptors: [Int32] = [-1, -1]
        try #require(pipe(&descriptors) == 0)
        defer { descriptors.forEach { close($0) } }
        _ = fcntl(descriptors[0], F_SETFL, fcntl(descriptors[0], F_GETFL) | O_NONBLOCK)
        let earlier = signal(SIGWINCH) { _ in resizesSeenByThePreviousHandler += 1 }
        defer { signal(SIGWINCH, earlier) }
        resizesSeenByThePreviousHandler = 0

        #expect(dcs_wake_on_resize(descriptors[1]) == 0)
        // To the process, not this thread: test threads (Dispatch workers) block signals.
        kill(getpid(), SIGWINCH)
        var ready = pollfd(fd: descriptors[0], events: Int16(POLLIN), revents: 0)
        #expect(poll(&ready, 1, 10_000) == 1)
        var byte: UInt8 = 0
        #expect(read(descriptors[0], &byte, 1) == 1)
        #expect(resizesSeenByThePreviousHandler == 1)

        dcs_stop_waking_on_resize()
        kill(getpid(), SIGWINCH)
        // The restored handler counts the signal; the pipe stays empty.
        for _ in 0..<10_000 where resizesSeenByThePreviousHandler < 2 { usleep(1000) }
        #expect(resizesSeenByThePreviousHandler == 2)
        #expect(read(descriptors[0], &byte, 1) == -1)
    }
}
