import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Calls a handler on SIGINT or SIGTERM instead of dying, so `wait` and `events` can flush their
/// output and exit with their own status (DispatchSource signal sources; the default actions are
/// switched off first).
///
/// `@unchecked Sendable`: the sources are created once in `init` and only cancelled afterwards.
final class StopSignals: @unchecked Sendable {
    private var sources: [any DispatchSourceSignal] = []

    /// Starts watching; `handler` gets the signal number, on a private queue.
    init(_ handler: @escaping @Sendable (Int32) -> Void) {
        let queue = DispatchQueue(label: "dcswatch.stop-signals")
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { handler(number) }
            source.resume()
            sources.append(source)
        }
    }

    /// Stops watching (the signals stay ignored until the process ends).
    func cancel() {
        for source in sources { source.cancel() }
    }
}
