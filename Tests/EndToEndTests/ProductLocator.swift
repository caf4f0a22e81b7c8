import Foundation

/// Finds the built `dcswatch` executable: next to the test bundle (SwiftPM puts products and the
/// `.xctest` bundle in the same directory), else in the package's default debug build directory.
enum ProductLocator {
    static func dcswatch(filePath: String = #filePath) -> URL? {
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL {
            var directory = executable.deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(directory.appendingPathComponent("dcswatch"))
                directory = directory.deletingLastPathComponent()
            }
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("dcswatch"))
        }
        let packageRoot = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(packageRoot.appendingPathComponent(".build/debug/dcswatch"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
