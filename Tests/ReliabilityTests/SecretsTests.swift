import DCSSimulator
import Foundation
import Testing

/// AK, SK, tokens, passwords and the Authorization header never reach stdout, stderr, logs or
/// error messages, on success and on every kind of failure; `debug sign` shows only the masked AK.
@Suite("Secrets", .requires(.dcswatch))
struct SecretsTests {
    /// The prefix of every token the simulator's IAM issues.
    static let tokenMarker = "MIIsim"

    @Test func verboseListAndItsRetriesShowNoSecret() async throws {
        // A 500 then a wrong signature: the verbose log shows requests, retries and the 401.
        let simulator = try await ReliabilityKit.simulator(faults: ["500@first:1"])
        let url = simulator.url
        let passwords = simulator.passwords
        let directory = try ReliabilityKit.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = try ReliabilityKit.writeConfig(in: directory, endpoint: url)
        let good = try await ReliabilityKit.runAsync(["list", "--config", config, "--verbose", "--output", "json"])
        #expect(good.status == 0, "\(good.err)")
        #expect(good.err.contains("retry") || good.err.contains("500"), "the verbose log shows the retry: \(good.err)")
        var environment = ReliabilityKit.credentialEnvironment
        environment["HUAWEICLOUD_SDK_SK"] = ReliabilityKit.secretKey + "-wrong"
        let wrong = try await ReliabilityKit.runAsync(["list", "--config", config, "--verbose"], environment: environment)
        #expect(wrong.status == 1)
        #expect(wrong.err.contains("401"))
        await simulator.stopAsync()
        for run in [good, wrong] {
            LeakScan.expectClean(run.stdout + run.stderr, passwords: passwords, context: "verbose list")
        }
        #expect(!wrong.err.contains("-wrong"))
    }

    @Test func secretKeyFlagIsNeverEchoed() async throws {
        // Refused connection and a config error both name the problem, never the key.
        let run = try await ReliabilityKit.runAsync(
            [
                "list", "--endpoint", "http://127.0.0.1:9", "--project-id", "p", "--ak", ReliabilityKit.accessKey, "--sk",
                ReliabilityKit.secretKey, "--request-timeout", "1",
            ], environment: [:])
        #expect(run.status == 1, "\(run.err)")
        LeakScan.expectClean(run.stdout + run.stderr, context: "--sk")
        let missing = try await ReliabilityKit.runAsync(["list", "--sk", ReliabilityKit.secretKey], environment: [:])
        #expect(missing.status == 2)
        LeakScan.expectClean(missing.stdout + missing.stderr, context: "--sk without --ak")
    }

    @Test func brokenConfigFileHoldingSecretsIsNotQuoted() async throws {
        let directory = try ReliabilityKit.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("config.json")
        for text in [
            #"{"targets": [{"name": "a", "access_key": "\#(ReliabilityKit.accessKey)", "secret_key": "\#(ReliabilityKit.secretKey)", "#,
            #"{"targets": [{"name": "a", "access_key": "\#(ReliabilityKit.accessKey)", "secret_key": "\#(ReliabilityKit.secretKey)", "iam_password": 7, "secrett_key": "\#(ReliabilityKit.secretKey)"}]}"#,
        ] {
            try Data(text.utf8).write(to: path)
            let run = try await ReliabilityKit.runAsync(["list", "--config", path.path], environment: [:])
            #expect(run.status == 2, "\(run.err)")
            LeakScan.expectClean(run.stdout + run.stderr, context: "broken config")
        }
    }

    @Test func iamPasswordAndTokenNeverShown() async throws {
        let simulator = try await ReliabilityKit.simulator()
        let url = simulator.url
        let directory = try ReliabilityKit.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("config.json")
        func config(password: String) throws {
            try Data(
                """
                {"targets": [{"name": "iam", "endpoint": "\(url.absoluteString)", "iam_endpoint": "\(url.absoluteString)",
                  "project_id": "\(SimulatorConfiguration.demoProjectID)", "iam_user": "\(SimulatorConfiguration.demoIAMUser)",
                  "iam_password": "\(password)", "iam_domain": "\(SimulatorConfiguration.demoIAMDomain)"}]}
                """.utf8
            ).write(to: path)
            chmod(path.path, 0o600)
        }
        try config(password: SimulatorConfiguration.demoIAMPassword)
        let good = try await ReliabilityKit.runAsync(
            ["list", "--config", path.path, "--verbose", "--output", "ndjson"], environment: [:])
        #expect(good.status == 0, "\(good.err)")
        #expect(good.out.split(separator: "\n").count == 40)
        try config(password: "wrong-password-PW-1234")
        let wrong = try await ReliabilityKit.runAsync(["list", "--config", path.path, "--verbose"], environment: [:])
        #expect(wrong.status != 0)
        await simulator.stopAsync()
        for run in [good, wrong] {
            LeakScan.expectClean(run.stdout + run.stderr, context: "IAM")
            #expect(!run.err.contains(Self.tokenMarker) && !run.out.contains(Self.tokenMarker))
        }
        #expect(!wrong.err.contains("wrong-password-PW-1234"))
    }

    @Test func debugSignShowsOnlyTheMaskedAccessKey() async throws {
        let run = try await ReliabilityKit.runAsync(
            [
                "debug", "sign", "--url", "https://dcs.eu-de.otc.t-systems.com/v2/p/migration-tasks?limit=10",
                "--security-token", "TEMP-TOKEN-never-shown-77",
            ])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains(String(ReliabilityKit.accessKey.suffix(4))))
        #expect(run.out.contains("Signature="))  // the one thing it must show besides the masked AK
        #expect(!run.out.contains(ReliabilityKit.accessKey) && !run.err.contains(ReliabilityKit.accessKey))
        #expect(!(run.out + run.err).contains(ReliabilityKit.secretKey))
        #expect(!(run.out + run.err).contains("TEMP-TOKEN-never-shown-77"))
    }
}
