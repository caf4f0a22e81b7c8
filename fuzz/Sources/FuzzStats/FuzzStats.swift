import DCSKit
import Foundation

/// libFuzzer entry: any bytes as the stats, detail and logs responses.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStats(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    let data = Data(bytes: bytes, count: count)
    guard let value = try? JSONValue.parse(data) else { return 0 }
    _ = TaskStats.decode(value)
    _ = TaskDetail.decode(value)
    _ = MigrationLogs.decode(value)
    return 0
}
