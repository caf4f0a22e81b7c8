import DashboardUI

/// A `Screen` for tests: plays scripted inputs (keys, resizes, timeouts), records every frame drawn
/// and how many cells changed between frames; reports `.closed` when the script runs out.
public final class ScriptedScreen: Screen {
    /// Inputs still to play, in order.
    public private(set) var script: [ScreenInput]
    /// Every frame drawn, oldest first.
    public private(set) var frames: [ScreenBuffer] = []
    /// For each frame, how many cells differed from the frame before (all cells after `invalidate`).
    public private(set) var changedCells: [Int] = []
    /// How many times the bell rang.
    public private(set) var bells = 0
    /// Every escape sequence written, in order.
    public private(set) var escapes: [String] = []
    /// How many reads happened.
    public private(set) var reads = 0
    /// The size reported.
    public var size: TerminalSize
    /// The timeout of every read, in order.
    public private(set) var timeouts: [Int] = []
    /// What `Screen.wakesOnPost` reports (the live screen with a wake pipe says true).
    public var wakesOnPost = false
    private var previous: ScreenBuffer?
    private let onRead: (Int) -> Void

    /// Builds a screen of `size` that plays `script`; `onRead` runs before each read with its number
    /// (tests use it to post monitor events or move a clock between reads).
    public init(size: TerminalSize, script: [ScreenInput], onRead: @escaping (Int) -> Void = { _ in }) {
        self.size = size
        self.script = script
        self.onRead = onRead
    }

    /// Plays the next input.
    public func read(timeoutMilliseconds: Int) -> ScreenInput {
        reads += 1
        timeouts.append(timeoutMilliseconds)
        onRead(reads)
        guard !script.isEmpty else { return .closed }
        let input = script.removeFirst()
        if case .resized(let newSize) = input { size = newSize }
        return input
    }

    /// Records the frame.
    public func draw(_ buffer: ScreenBuffer) {
        var changed = 0
        if let previous, previous.width == buffer.width, previous.height == buffer.height {
            changed = zip(previous.cells, buffer.cells).filter { $0 != $1 }.count
        } else {
            changed = buffer.cells.count
        }
        previous = buffer
        frames.append(buffer)
        changedCells.append(changed)
    }

    /// Forgets the last frame.
    public func invalidate() {
        previous = nil
    }

    /// Counts the bell.
    public func bell() {
        bells += 1
    }

    /// Records the sequence.
    public func writeEscape(_ sequence: String) {
        escapes.append(sequence)
    }

    /// The last frame as text.
    public var lastText: String { frames.last?.text ?? "" }
}
