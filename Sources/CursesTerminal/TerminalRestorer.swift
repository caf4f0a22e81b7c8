import CNcursesw
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

// State the crash handler reads. A signal handler can only use async-signal-safe calls and must not
// allocate, so the reset bytes and the original termios are prepared before the screen starts.
// `nonisolated(unsafe)`: written once on the UI thread before any handler is installed, then only read.
nonisolated(unsafe) private var crashResetBytes: UnsafeMutablePointer<UInt8>?
nonisolated(unsafe) private var crashResetLength = 0
nonisolated(unsafe) private var savedTermios = termios()
nonisolated(unsafe) private var hasSavedTermios = false

/// Restores the terminal on a crash (issue 4: "the terminal is left clean however the program ends"):
/// for SIGSEGV, SIGBUS, SIGABRT, SIGILL and SIGFPE a handler writes the saved reset sequence (leave the
/// alternate screen, show the cursor, reset attributes), restores the original terminal modes, and
/// re-raises the signal with its default action so the crash is still reported.
enum TerminalRestorer {
    /// The signals treated as crashes.
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGFPE]

    /// Saves the terminal modes; call before `initscr`/`newterm`.
    static func saveModes() {
        if tcgetattr(STDIN_FILENO, &savedTermios) == 0 { hasSavedTermios = true }
    }

    /// Prepares the reset sequence from terminfo; call after the screen is set up (terminfo loaded).
    static func prepareResetSequence() {
        var bytes: [UInt8] = []
        for capability in ["rmcup", "cnorm", "sgr0"] {
            if let value = capabilityString(capability) { bytes += Array(value.utf8) }
        }
        if bytes.isEmpty { bytes = Array("\u{1B}[?1049l\u{1B}[?25h\u{1B}[0m".utf8) }
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
        buffer.initialize(from: bytes, count: bytes.count)
        crashResetBytes = buffer
        crashResetLength = bytes.count
    }

    /// Installs the crash handlers.
    static func installCrashHandlers() {
        for signalNumber in crashSignals {
            signal(signalNumber, crashHandler)
        }
    }

    /// Puts the crash signals back to their default action (after a clean `endwin`).
    static func removeCrashHandlers() {
        for signalNumber in crashSignals {
            signal(signalNumber, SIG_DFL)
        }
    }

    /// The original terminal modes, re-applied after `endwin` as a belt-and-braces measure.
    static func restoreModes() {
        if hasSavedTermios { _ = tcsetattr(STDIN_FILENO, TCSANOW, &savedTermios) }
    }

    /// A terminfo string capability, or nil when absent.
    private static func capabilityString(_ name: String) -> String? {
        guard let pointer = tigetstr(name) else { return nil }
        // tigetstr returns (char *)-1 for "not a string capability".
        if Int(bitPattern: pointer) == -1 { return nil }
        return String(cString: pointer)
    }
}

/// Async-signal-safe: write(2), tcsetattr(3), signal(2) and raise(3) only.
private func crashHandler(_ signalNumber: Int32) {
    if let bytes = crashResetBytes {
        _ = write(STDOUT_FILENO, bytes, crashResetLength)
    }
    if hasSavedTermios {
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &savedTermios)
    }
    signal(signalNumber, SIG_DFL)
    raise(signalNumber)
}
