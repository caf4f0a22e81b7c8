import CNcursesw
import DashboardUI
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Why the terminal could not be set up.
public enum TerminalError: Error, Sendable, Hashable {
    /// `newterm` failed (unknown TERM, no terminal).
    case cannotInitialize(term: String)
}

/// The live `Screen` over ncursesw: the only code that touches curses (STYLE.md).
///
/// Set-up follows issue 4: locale first (wide characters), alternate screen, raw keys with keypad,
/// no echo, hidden cursor, a 25 ms ESCDELAY so Esc acts within 50 ms even over SSH, default colours.
/// Drawing writes only cells that differ from the previous frame into the virtual screen and lets
/// `wnoutrefresh`/`doupdate` send the minimal update.
public final class CursesScreen: Screen {
    /// True when the locale's codeset is UTF-8 (else ASCII symbols are used).
    public let isUTF8: Bool
    /// The palette in use (colour or monochrome).
    public var palette: Palette { colors.palette }
    private let colors: CursesColors
    private var previous: ScreenBuffer?
    private var ended = false
    private var earlyErrors = 0
    private let wakePipe: WakePipe?
    /// True after a key: curses may hold typeahead it read while matching an escape sequence, which
    /// poll(2) on the terminal no longer sees.
    private var mayHoldTypeahead = false

    /// True when a `WakePipe` ends reads early.
    public var wakesOnPost: Bool { wakePipe != nil }

    /// Sets the terminal up; `wantColor` false forces monochrome (`--no-color`, `NO_COLOR`). With a
    /// `wakePipe`, a read also ends when another thread wakes the pipe.
    public init(wantColor: Bool, wakePipe: WakePipe? = nil) throws {
        self.wakePipe = wakePipe
        setlocale(LC_ALL, "")
        isUTF8 = Self.localeIsUTF8()
        TerminalRestorer.saveModes()
        // Own FILE streams for the terminal descriptors: Swift 6 forbids touching the C globals.
        guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r"),
            newterm(nil, output, input) != nil
        else {
            throw TerminalError.cannotInitialize(term: ProcessInfo.processInfo.environment["TERM"] ?? "")
        }
        TerminalRestorer.prepareResetSequence()
        TerminalRestorer.installCrashHandlers()
        // raw(): Ctrl-C arrives as a key (quit through the normal path); SIGINT from `kill` is still
        // handled by the signal watcher.
        raw()
        noecho()
        nonl()
        let window = dcs_stdscr()
        keypad(window, true)
        intrflush(window, false)
        dcs_set_escdelay(25)
        curs_set(0)
        colors = CursesColors(wantColor: wantColor)
    }

    /// True when the current C locale (after `setlocale(LC_ALL, "")`) uses UTF-8.
    public static func localeIsUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    /// The terminal size.
    public var size: TerminalSize {
        TerminalSize(columns: Int(dcs_cols()), rows: Int(dcs_lines()))
    }

    /// Reads one key, a resize, a timeout or the end of the terminal.
    public func read(timeoutMilliseconds: Int) -> ScreenInput {
        guard let wakePipe else { return readCurses(timeoutMilliseconds: timeoutMilliseconds) }
        if mayHoldTypeahead {
            let pending = readCurses(timeoutMilliseconds: 0, countsEarlyErrors: false)
            if pending != .timeout { return pending }
            mayHoldTypeahead = false
        }
        var descriptors = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakePipe.readDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        let ready = poll(&descriptors, 2, Int32(max(timeoutMilliseconds, 0)))
        if descriptors[1].revents != 0 { wakePipe.drain() }
        let input = descriptors[0].revents
        if ready > 0, input & Int16(POLLIN) == 0, input & (Int16(POLLHUP) | Int16(POLLERR) | Int16(POLLNVAL)) != 0 {
            return .closed
        }
        // Input waiting: curses reads it, within the escape delay for a sequence. Otherwise a look
        // that does not wait: a resize (SIGWINCH, taken by curses' handler on any thread) shows as
        // KEY_RESIZE at the latest when the wait ends.
        let waiting = input & Int16(POLLIN) != 0
        return readCurses(timeoutMilliseconds: waiting ? 50 : 0, countsEarlyErrors: waiting)
    }

    /// One `wget_wch` with the given timeout. An early error counts towards "the input is gone" only
    /// when input was there to read (`countsEarlyErrors`).
    private func readCurses(timeoutMilliseconds: Int, countsEarlyErrors: Bool = true) -> ScreenInput {
        let result = readCursesInput(timeoutMilliseconds: timeoutMilliseconds, countsEarlyErrors: countsEarlyErrors)
        if case .key = result { mayHoldTypeahead = true }
        return result
    }

    private func readCursesInput(timeoutMilliseconds: Int, countsEarlyErrors: Bool) -> ScreenInput {
        let window = dcs_stdscr()
        wtimeout(window, Int32(timeoutMilliseconds))
        var character: wint_t = 0
        let started = DispatchTime.now().uptimeNanoseconds
        let result = wget_wch(window, &character)
        if result == dcs_err() {
            guard countsEarlyErrors else { return .timeout }
            let elapsed = DispatchTime.now().uptimeNanoseconds - started
            return inputEnded(afterEarlyError: elapsed < UInt64(timeoutMilliseconds) * 500_000) ? .closed : .timeout
        }
        earlyErrors = 0
        if result == dcs_key_code_yes() {
            if Int32(character) == dcs_key_resize() { return .resized(size) }
            return CursesKeys.decode(functionKey: Int32(character)).map(ScreenInput.key) ?? .timeout
        }
        return CursesKeys.decode(character: UInt32(character)).map(ScreenInput.key) ?? .timeout
    }

    /// A read error that came back well before the timeout means the input is at EOF or broken (an
    /// SSH drop): confirm with poll(2) so the loop stops instead of spinning on a dead terminal.
    private func inputEnded(afterEarlyError early: Bool) -> Bool {
        guard early else {
            earlyErrors = 0
            return false
        }
        earlyErrors += 1
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, 0)
        if ready < 0 { return true }
        let hangUp = Int16(POLLHUP) | Int16(POLLERR) | Int16(POLLNVAL)
        if descriptor.revents & hangUp != 0 { return true }
        // Readable yet nothing decoded, several times in a row: read(2) returns 0, i.e. EOF.
        return earlyErrors >= 3
    }

    /// Writes the cells that differ from the last frame, then one `doupdate`.
    public func draw(_ buffer: ScreenBuffer) {
        guard !ended else { return }
        let window = dcs_stdscr()
        let full = previous.map { $0.width != buffer.width || $0.height != buffer.height } ?? true
        if full { werase(window) }
        var changed = full
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if !full, let previous, previous[x, y] == cell { continue }
                changed = true
                if cell.isContinuation {
                    // Without UTF-8 the wide character's lead became "?": fill its second column too.
                    if !isUTF8 { put(Cell(text: "?", width: 1, style: cell.style), x: x, y: y) }
                    continue
                }
                put(cell, x: x, y: y)
            }
        }
        previous = buffer
        guard changed else { return }
        wnoutrefresh(window)
        doupdate()
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        let (attributes, pair) = colors.attributes(for: cell.style)
        // A non-UTF-8 terminal cannot show other scripts: "?" keeps the columns the layout measured.
        let text = isUTF8 || cell.text.unicodeScalars.allSatisfy(\.isASCII) ? cell.text : "?"
        var characters: [wchar_t] = text.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) }
        if characters.isEmpty { characters = [wchar_t(32)] }
        characters.append(0)
        _ = dcs_mvadd_wch_str(Int32(y), Int32(x), characters, attributes, pair)
    }

    /// Forgets the last frame and makes the next refresh repaint the whole terminal.
    public func invalidate() {
        guard !ended else { return }
        previous = nil
        clearok(dcs_stdscr(), true)
    }

    /// Writes an escape sequence (built by `TerminalEscapes`) straight to the terminal, after curses
    /// has flushed its own output; it moves no cursor and prints nothing, so curses' idea of the screen
    /// stays true.
    public func writeEscape(_ sequence: String) {
        guard !ended else { return }
        let bytes = Array(sequence.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written <= 0 { return }
            offset += written
        }
    }

    /// Rings the bell.
    public func bell() {
        guard !ended else { return }
        beep()
    }

    /// Leaves curses: main screen back, cursor and modes restored. Safe to call twice.
    public func end() {
        guard !ended else { return }
        ended = true
        curs_set(1)
        endwin()
        TerminalRestorer.restoreModes()
        TerminalRestorer.removeCrashHandlers()
    }

    deinit {
        end()
    }
}
