import Foundation

/// Standard output as a `TextOutputStream`, buffered in 64 KiB chunks: `list` streams its output
/// through it instead of building one string of the whole result.
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
}
