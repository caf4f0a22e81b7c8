import Foundation
import Testing

/// Something a test needs from outside the package: the built binary, tmux, Python, the official
/// SDK and Prometheus. Locally a test without it is skipped with the reason printed; in CI (`CI=true`, as .ci/run
/// runs) it runs anyway and fails where it first needs the missing thing, since CI installs all of
/// them and a silent skip there would hide a broken install step (issue 15).
public enum Prerequisite: Sendable, CaseIterable {
    /// The built `dcswatch` executable.
    case dcswatch
    /// tmux, for the tests that drive the dashboard in a terminal.
    case tmux
    /// `/usr/bin/python3`, for the pty probe.
    case python3
    /// The official Huawei Cloud Python SDK (huaweicloudsdkcore, huaweicloudsdkdcs).
    case officialSDK
    /// Debian's `prometheus` package: the server and `promtool` (issue 18's exposition and scrape tests).
    case prometheus

    /// True when running under CI (`CI=true`), where nothing may be skipped for being missing.
    public static var isCI: Bool {
        ProcessInfo.processInfo.environment["CI"]?.lowercased() == "true"
    }

    /// True when it is there; looked up once a process.
    public var isAvailable: Bool { Self.availability[self] ?? false }

    /// What is missing and how to get it.
    public var missingMessage: String {
        switch self {
        case .dcswatch: "dcswatch is not built: run `swift build` (or `swift build --build-tests`) first"
        case .tmux: "tmux is not installed: run scripts/install-test-deps (apt-get install tmux)"
        case .python3: "/usr/bin/python3 is missing: install Python 3"
        case .officialSDK:
            "the official Huawei Cloud SDK is not importable: run scripts/install-test-deps "
                + "(python3 -m pip install huaweicloudsdkcore huaweicloudsdkdcs)"
        case .prometheus:
            "prometheus and promtool are not installed: run scripts/install-test-deps (apt-get install prometheus)"
        }
    }

    private static let availability: [Prerequisite: Bool] = Dictionary(
        uniqueKeysWithValues: allCases.map { ($0, $0.probe()) })

    private func probe() -> Bool {
        switch self {
        case .dcswatch: DCSWatchBinary.locate() != nil
        case .tmux: (try? ChildProcess.run(["tmux", "-V"]).status) == 0
        case .python3: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
        case .officialSDK:
            (try? ChildProcess.run(["python3", "-c", "import huaweicloudsdkcore, huaweicloudsdkdcs.v2"]).status) == 0
        case .prometheus:
            (try? ChildProcess.run(["prometheus", "--version"]).status) == 0
                && (try? ChildProcess.run(["promtool", "--version"]).status) == 0
        }
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test or suite only where `prerequisites` are all available, or in CI, where a missing
    /// one fails the test (its helpers throw `TestFailure` with `missingMessage`); elsewhere the
    /// test is skipped with the missing ones' messages as the printed reason.
    public static func requires(_ prerequisites: Prerequisite...) -> Self {
        let missing = prerequisites.filter { !$0.isAvailable }
        let reason = missing.map(\.missingMessage).joined(separator: "; ")
        return .enabled(if: missing.isEmpty || Prerequisite.isCI, Comment(rawValue: reason))
    }
}
