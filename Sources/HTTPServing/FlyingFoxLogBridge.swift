import DCSKit
import FlyingSocks
import Logging

/// Sends FlyingFox's own log lines to the caller's swift-log `Logger`. FlyingFox prints to stdout by
/// default, which would write over the dashboard's screen; its chatter goes to debug level and its
/// errors to warning, so a request log at info stays readable. Its lines quote request paths, which
/// are untrusted, so every line goes through `SafeText.line`.
package struct FlyingFoxLogBridge: FlyingSocks.Logging {
    /// Where the lines go.
    package let logger: Logger

    /// A bridge into `logger`.
    package init(logger: Logger) {
        self.logger = logger
    }

    /// FlyingFox debug → trace.
    package func logDebug(_ debug: @autoclosure () -> String) {
        logger.trace("\(SafeText.line(debug(), limit: 500))")
    }

    /// FlyingFox info (connections opening and closing) → debug.
    package func logInfo(_ info: @autoclosure () -> String) {
        logger.debug("\(SafeText.line(info(), limit: 500))")
    }

    /// FlyingFox warning → notice.
    package func logWarning(_ warning: @autoclosure () -> String) {
        logger.notice("\(SafeText.line(warning(), limit: 500))")
    }

    /// FlyingFox error (e.g. a dropped connection) → warning.
    package func logError(_ error: @autoclosure () -> String) {
        logger.warning("\(SafeText.line(error(), limit: 500))")
    }

    /// FlyingFox reports its own stop ("server error: Disconnected") as critical; real failures are
    /// thrown to `SimulatorServer`, which logs them, so this stays at debug.
    package func logCritical(_ critical: @autoclosure () -> String) {
        logger.debug("\(SafeText.line(critical(), limit: 500))")
    }
}
