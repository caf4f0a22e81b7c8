import FlyingSocks
import Logging

/// Sends FlyingFox's own log lines to the caller's swift-log `Logger`. FlyingFox prints to stdout by
/// default, which would write over the dashboard's screen; its chatter goes to debug level and its
/// errors to warning, so a request log at info stays readable.
struct FlyingFoxLogBridge: FlyingSocks.Logging {
    /// Where the lines go.
    let logger: Logger

    func logDebug(_ debug: @autoclosure () -> String) {
        logger.trace("\(debug())")
    }

    func logInfo(_ info: @autoclosure () -> String) {
        logger.debug("\(info())")
    }

    func logWarning(_ warning: @autoclosure () -> String) {
        logger.notice("\(warning())")
    }

    func logError(_ error: @autoclosure () -> String) {
        logger.warning("\(error())")
    }

    /// FlyingFox reports its own stop ("server error: Disconnected") as critical; real failures are
    /// thrown to `SimulatorServer`, which logs them, so this stays at debug.
    func logCritical(_ critical: @autoclosure () -> String) {
        logger.debug("\(critical())")
    }
}
