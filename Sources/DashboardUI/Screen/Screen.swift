/// What the dashboard loop reads from a terminal.
public enum ScreenInput: Sendable, Hashable {
    /// A key.
    case key(Key)
    /// The terminal changed size.
    case resized(TerminalSize)
    /// Nothing arrived within the timeout.
    case timeout
    /// The terminal is gone (EOF, hang-up, I/O error): stop at once, do not spin.
    case closed
}

/// The terminal capability the loop needs (live: `CursesScreen`; tests: `ScriptedScreen`).
/// Used only from the UI thread.
public protocol Screen: AnyObject {
    /// The current size.
    var size: TerminalSize { get }
    /// Waits up to `timeoutMilliseconds` for input.
    func read(timeoutMilliseconds: Int) -> ScreenInput
    /// Shows `buffer`, writing only what differs from the last frame shown.
    func draw(_ buffer: ScreenBuffer)
    /// Forgets the last frame so the next `draw` repaints everything (Ctrl-L, resize).
    func invalidate()
    /// Rings the bell.
    func bell()
    /// Writes an escape sequence (`TerminalEscapes`) that moves no cursor and prints nothing.
    func writeEscape(_ sequence: String)
    /// True when posts to the loop's inboxes end a `read` at once (a self-pipe): the loop may then wait
    /// longer between reads without delaying what arrives.
    var wakesOnPost: Bool { get }
}

extension Screen {
    /// Screens without a wake-up (tests' scripted screens) are polled.
    public var wakesOnPost: Bool { false }
}
