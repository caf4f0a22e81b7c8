import DCSKit
import Foundation

/// libFuzzer entry: any bytes as the config file, and as clouds.yaml text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    let data = Data(bytes: bytes, count: count)
    _ = try? ConfigLoader.parse(data, path: "fuzz.json")
    _ = SimpleYAML.parse(String(decoding: data, as: UTF8.self))
    return 0
}
