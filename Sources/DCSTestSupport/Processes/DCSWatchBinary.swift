import Foundation

/// The built `dcswatch` executable that the subprocess tests run: beside the test bundle (SwiftPM
/// puts products and the `.xctest` bundle in one folder), beside the test runner, else the package's
/// default debug build folder.
public enum DCSWatchBinary {
    /// The executable, or nil when it is not built.
    public static func locate(filePath: String = #filePath) -> URL? {
        var candidates: [URL] = []
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("dcswatch"))
        }
        for runner in [Bundle.main.executableURL, URL(fileURLWithPath: CommandLine.arguments[0])].compactMap({ $0 }) {
            var directory = runner.deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(directory.appendingPathComponent("dcswatch"))
                directory = directory.deletingLastPathComponent()
            }
        }
        // This file is Sources/DCSTestSupport/Processes/DCSWatchBinary.swift: four levels below the root.
        var root = URL(fileURLWithPath: filePath)
        for _ in 0..<4 { root = root.deletingLastPathComponent() }
        candidates.append(root.appendingPathComponent(".build/debug/dcswatch"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// The executable's path; throws, with what to do, when it is not built. Suites marked
    /// `.requires(.dcswatch)` run in CI even without it, so this is where CI fails.
    public static func path() throws -> String {
        guard let url = locate() else { throw TestFailure(Prerequisite.dcswatch.missingMessage) }
        return url.path
    }
}
