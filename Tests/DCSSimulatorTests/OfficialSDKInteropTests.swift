import DCSKit
import DCSSimulator
import DCSTestSupport
import Foundation
import Logging
import Testing

/// The official Huawei Cloud Python SDK (huaweicloudsdkdcs) against the simulator: it must list,
/// read detail and stats with its own AK/SK signer, and get a 401 with a wrong SK. CI installs the
/// SDK (`scripts/install-test-deps`); when it is missing this test fails and says how to install it.
@Suite("Official SDK interop", .serialized)
struct OfficialSDKInteropTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Python/official_sdk_interop.py")

    /// Runs the script and returns (exit code, stdout, stderr); output goes to files, not pipes, so a
    /// large output cannot block the child while we wait for it.
    static func runScript(arguments: [String]) async throws -> (Int32, Data, String) {
        var environment = ProcessInfo.processInfo.environment
        environment["NO_PROXY"] = "127.0.0.1"
        let run = try await ChildProcess.captureOffPool(
            ["python3", script.path] + arguments, environment: environment, searchPath: true)
        return (run.status, run.stdout, run.err)
    }

    @Test func officialSDKListsEveryTaskAndIsRefusedWithAWrongSecretKey() async throws {
        // A clock frozen at the test's start keeps the state still while the SDK pages, and stays well
        // inside the 15-minute signature window of the SDK's wall-clock X-Sdk-Date.
        let frozen = Date()
        let configuration = SimulatorConfiguration(taskCount: 33, seed: 4, now: { frozen })
        let server = SimulatorServer(
            configuration: configuration, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        let url = try await server.start(port: 0)
        let result = try await Self.runScript(arguments: [
            url.absoluteString, configuration.projectID, configuration.accessKey, configuration.secretKey,
        ])
        await server.stop()
        let (status, output, errors) = result
        if status == 3 {
            Issue.record(
                "The official Huawei Cloud SDK is not importable: run `python3 -m pip install huaweicloudsdkcore huaweicloudsdkdcs` (CI does this in scripts/install-test-deps). \(errors)"
            )
            return
        }
        if status == 127 {
            Issue.record(
                "python3 is not on PATH: the official-SDK interop test needs Python 3 with huaweicloudsdkdcs (see scripts/install-test-deps)."
            )
            return
        }
        try #require(status == 0, "interop script failed (exit \(status)): \(errors)")
        let document = try JSONValue.parse(output)
        let expected = server.router.snapshots()
        let listed = document["tasks"].arrayValue ?? []
        #expect(listed.map { $0["id"].lenientString ?? "" } == expected.map(\.task.id))
        #expect(listed.map { $0["status"].lenientString ?? "" } == expected.map(\.status))
        #expect(listed.map { $0["name"].lenientString ?? "" } == expected.map(\.task.name))
        #expect(document["count"].lenientInt == expected.count)
        let details = try #require(document["details"].objectValue)
        #expect(details.count == 5)
        for (id, detail) in details {
            let snapshot = try #require(expected.first { $0.task.id == id })
            #expect(detail["status"].lenientString == snapshot.status)
            #expect(detail["has_target_password"] == .bool(true))
            let stats = document["stats"][id]
            #expect(stats["is_migrating"] == .bool(snapshot.isMigrating))
            #expect(stats["progress"].lenientString.flatMap(Double.init) == snapshot.statistics(seed: 4).progressPercent)
        }
        let filtered = try #require(document["name_filter"]["id"].lenientString, "no non-ASCII task name was listed")
        #expect(document["name_filter"]["ids"].arrayValue?.compactMap(\.lenientString).contains(filtered) == true)
        #expect(document["wrong_sk"]["status"].lenientInt == 401)
        #expect(document["wrong_sk"]["code"].lenientString == "APIGW.0301")
        #expect(document["missing_task"]["status"].lenientInt == 400)
        #expect(document["missing_task"]["code"].lenientString == "DCS.4133")
    }
}
