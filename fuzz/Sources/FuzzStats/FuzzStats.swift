import DCSKit
import Foundation

/// libFuzzer entry: any bytes as the stats, detail and logs responses.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStats(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    let data = Data(bytes: bytes, count: count)
    _ = try? TaskStats.decode(data)
    _ = try? TaskDetail.decode(data)
    _ = try? MigrationLogs.decode(data)
    return 0
}
