import DCSKit
import Foundation

/// libFuzzer entry: any bytes as a list page. Decoding may fail, never trap; decoded tasks are
/// formatted the way `list` and the dashboard would, so their accessors run too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTaskPage(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    let data = Data(bytes: bytes, count: count)
    if let page = try? TaskListPage.decode(data) {
        for task in page.tasks {
            _ = SafeText.line(task.name, limit: 200)
            _ = DisplayWidth.truncate(SafeText.line(task.name), to: 30)
            _ = task.status.category
        }
    }
    return 0
}
