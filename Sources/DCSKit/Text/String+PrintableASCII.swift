extension String {
    /// True when every byte is printable ASCII (space through `~`): one byte per character and per
    /// column, nothing to sanitise, no grapheme clusters. Views take their fast paths on it (issue 6: a
    /// frame of 120×40 spent most of its millisecond walking graphemes of plain ASCII text).
    public var isPrintableASCII: Bool {
        if let answer = utf8.withContiguousStorageIfAvailable({ Self.printableASCII($0) }) { return answer }
        for byte in utf8 where byte < 0x20 || byte > 0x7E { return false }
        return true
    }

    private static func printableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte < 0x20 || byte > 0x7E { return false }
        return true
    }
}
