import Foundation

/// The one writer of the commands' standard output (issue 15). As a `TextOutputStream` it buffers in
/// 64 KiB chunks: `list` streams its output through it instead of building one string of the whole
/// result. `write(_:)` and `writeLine(_:)` on the type write at once, unbuffered: `wait`, `events`,
/// `debug fetch` and the simulator's banner feed pipes that readers follow live.
struct StandardOutput: TextOutputStream {
    private var buffer = Data()

    /// Appends text, writing the buffer out once it is large.
    mutating func write(_ string: String) {
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= 65_536 { flush() }
    }

    /// Writes out whatever is buffered.
    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes `text` at once.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes `line` and a newline at once.
    static func writeLine(_ line: String) {
        write(line + "\n")
    }
}
