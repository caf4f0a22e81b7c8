import DCSKit
import Foundation

/// libFuzzer entry: any text as the dashboard's filter (typed by the user, key by key), then every
/// prefix of it, as the dashboard parses on every keystroke.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    var prefix = ""
    for character in text.prefix(200) {
        prefix.append(character)
        if case .failure(let error) = TaskQuery.parse(prefix) { _ = error.userMessage }
    }
    return 0
}
