import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Watches SIGINT, SIGTERM, SIGHUP and SIGQUIT with Dispatch signal sources (not async handlers, so
/// the reaction runs as ordinary code) and reports the first one; the dashboard loop then ends within
/// one read timeout and the terminal is restored on the normal path. SIGPIPE is ignored so a write
/// to a closed terminal is an error, not a silent death.
public final class TerminalSignals: @unchecked Sendable {
    // `@unchecked Sendable`: `sources` is set once in init and only cancelled in `cancel()`.
    private var sources: [any DispatchSourceSignal] = []

    /// The watched signals.
    public static let watched: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// Starts watching; `handler` runs on a background queue.
    public init(handler: @escaping @Sendable (Int32) -> Void) {
        signal(SIGPIPE, SIG_IGN)
        let queue = DispatchQueue(label: "dcswatch.signals")
        for signalNumber in Self.watched {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler { handler(signalNumber) }
            source.resume()
            sources.append(source)
        }
    }

    /// Stops watching and restores the default actions.
    public func cancel() {
        for source in sources { source.cancel() }
        sources.removeAll()
        for signalNumber in Self.watched { signal(signalNumber, SIG_DFL) }
    }
}
