import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The one signal-handling path of the process: stop signals are watched with Dispatch signal sources
/// (not async handlers, so the reaction runs as ordinary code on a private queue) and reported to a
/// handler instead of killing the process, so that `wait` and `events` flush their output and exit
/// with their own status and the dashboard ends its loop and restores the terminal on the normal path.
/// Crash signals (SIGSEGV, ...) cannot wait for a queue: `CursesTerminal`'s terminal restorer handles
/// those synchronously.
///
/// `@unchecked Sendable`: the sources are created once in `init` and only cancelled afterwards.
final class StopSignals: @unchecked Sendable {
    /// What `wait` and `events` stop on.
    static let script: [Int32] = [SIGINT, SIGTERM]
    /// What the dashboard stops on: also a lost terminal (SIGHUP) and SIGQUIT (in raw mode Ctrl-C and
    /// Ctrl-\ arrive as keys; these signals come from `kill` or the system).
    static let dashboard: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    private let signals: [Int32]
    private var sources: [any DispatchSourceSignal] = []

    /// Starts watching `signals` (their default actions switched off first); `handler` gets the
    /// signal number, on a private queue.
    init(_ signals: [Int32] = StopSignals.script, handler: @escaping @Sendable (Int32) -> Void) {
        self.signals = signals
        let queue = DispatchQueue(label: "dcswatch.stop-signals")
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { handler(number) }
            source.resume()
            sources.append(source)
        }
    }

    /// Stops watching and puts the default actions back.
    func cancel() {
        for source in sources { source.cancel() }
        sources.removeAll()
        for number in signals { signal(number, SIG_DFL) }
    }
}
