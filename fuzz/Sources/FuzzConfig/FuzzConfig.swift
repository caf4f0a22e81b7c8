import DCSKit
import Foundation

/// libFuzzer entry: any bytes as the config file. (clouds.yaml is read by Yams since issue 15: the
/// hand `SimpleYAML` this target also fed is gone.)
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    let data = Data(bytes: bytes, count: count)
    _ = try? ConfigLoader.parse(data, path: "fuzz.json")
    return 0
}
