import Foundation

extension String {
    /// `trimmingCharacters(in: set)`, without the Foundation call when the text starts and ends with
    /// printable ASCII (nearly every API field): decoding 100,000 tasks spent a sixth of its time in
    /// `NSString` trimming (issue 6). The set is an autoclosure: `CharacterSet.whitespaces` is a
    /// bridged lookup on every read (~5 % of a 100,000-task fetch when it was made for every field).
    package func trimmedFast(_ set: @autoclosure () -> CharacterSet) -> String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        if first > 0x20, first < 0x7F, last > 0x20, last < 0x7F { return self }
        return trimmingCharacters(in: set())
    }
}

extension String {
    /// `uppercased()`, returning `self` when there is no lowercase or non-ASCII character to change.
    func uppercasedASCIIFast() -> String {
        for byte in utf8 where byte >= 0x61 && byte <= 0x7A || byte >= 0x80 { return uppercased() }
        return self
    }
}
