import DCSSimulator
import DCSTestSupport
import Foundation

extension SimulatorProcess {
    /// The simulator with the demo keys (seed 1, 40 tasks) at `speed` times real time.
    static func demo(speed: Double) async throws -> SimulatorProcess {
        try await start(
            accessKey: SimulatorConfiguration.demoAccessKey, secretKey: SimulatorConfiguration.demoSecretKey,
            arguments: ["--speed", String(speed), "--seed", "1"])
    }

    /// The environment that points dcswatch at this simulator with the demo keys.
    var environment: [String: String] {
        [
            "HUAWEICLOUD_SDK_AK": SimulatorConfiguration.demoAccessKey,
            "HUAWEICLOUD_SDK_SK": SimulatorConfiguration.demoSecretKey,
            "HUAWEICLOUD_SDK_PROJECT_ID": SimulatorConfiguration.demoProjectID,
        ]
    }

    /// Runs `dcswatch ARGUMENTS --endpoint URL` against this simulator until it exits (killed after
    /// `timeout`): its exit status (nil when killed), stdout and stderr.
    func run(_ arguments: [String], timeout: TimeInterval = 60) async throws -> (Int32?, String, String) {
        let command = try RunningCommand(arguments + ["--endpoint", url.absoluteString], environment: environment)
        let status = try await OffPool.run { command.finish(within: timeout) }
        return (status, command.out, command.err)
    }

    /// The id of a task this (frozen) simulator lists as MIGRATING in its incremental phase.
    func replicatingTaskID() async throws -> String {
        let (status, out, err) = try await run(["list", "--output", "json"])
        guard status == 0 else { throw TestFailure("list failed: \(err)") }
        let tasks = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]] ?? []
        let task = tasks.first {
            $0["status"] as? String == "MIGRATING" && $0["migration_method"] as? String == "incremental_migration"
        }
        guard let id = task?["task_id"] as? String else { throw TestFailure("no replicating task in the scenario") }
        return id
    }
}
