import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A self-pipe that lets other threads wake the UI thread out of its wait for a key: the monitor and
/// the stats poller when they post, the signal watcher when it asks the loop to stop. With it the loop
/// waits up to a quarter second instead of polling every 100 ms (issue 6: idle CPU), and still shows
/// what arrives at once.
///
/// `@unchecked Sendable`: the two descriptors are fixed at init; `wake` and `drain` are single
/// non-blocking system calls, safe from any thread.
public final class WakePipe: @unchecked Sendable {
    /// The end the UI thread polls.
    let readDescriptor: Int32
    /// The end `wake` writes to (also given to the resize handler, which cannot call Swift).
    let writeDescriptor: Int32

    /// Opens the pipe (both ends non-blocking, closed on exec); nil when the system refuses.
    public init?() {
        var descriptors: [Int32] = [-1, -1]
        guard pipe(&descriptors) == 0 else { return nil }
        for descriptor in descriptors {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
        readDescriptor = descriptors[0]
        writeDescriptor = descriptors[1]
    }

    deinit {
        close(readDescriptor)
        close(writeDescriptor)
    }

    /// Wakes the reader; callable from any thread. A full pipe already wakes it, so a failed write is fine.
    public func wake() {
        var byte: UInt8 = 1
        _ = write(writeDescriptor, &byte, 1)
    }

    /// Empties the pipe (after a wake-up, before the next wait).
    func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readDescriptor, &buffer, buffer.count) > 0 {}
    }
}
