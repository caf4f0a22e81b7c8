import DCSKit
import DCSTestSupport
import Foundation
import Testing

/// Runs the built `dcswatch` binary as a subprocess against a scripted server on 127.0.0.1.
@Suite(.requires(.dcswatch)) struct ListCommandProcessTests {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ arguments: [String], environment: [String: String]) throws -> Run {
        let command = try RunningCommand(arguments, environment: environment)
        let status = command.finish(within: ChildProcess.defaultDeadline) ?? 128 + SIGKILL
        return Run(status: status, stdout: command.out, stderr: command.err)
    }

    static let credentials = [
        "HUAWEICLOUD_SDK_AK": "AKPROCESS0001", "HUAWEICLOUD_SDK_SK": "SKPROCESS", "HUAWEICLOUD_SDK_PROJECT_ID": "proj-1",
    ]

    @Test func jsonListsExactlyTheServersTasks() throws {
        let script = TaskPageScript.numbered(25)
        let server = try ScriptedHTTPServer { request in
            request.headers["Authorization"]?.hasPrefix("SDK-HMAC-SHA256 Access=AKPROCESS0001") == true
                ? script.reply(request) : .dcsError(401, code: "APIGW.0301", message: "unsigned")
        }
        defer { server.stop() }
        let run = try Self.run(
            ["list", "--endpoint", server.baseURL.absoluteString, "--output", "json", "--sort", "name"],
            environment: Self.credentials)
        #expect(run.status == 0, "\(run.stderr)")
        let records = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(Set(records.compactMap { $0["task_id"] as? String }) == Set((1...25).map { String(format: "task-%05d", $0) }))
        #expect(records.first { $0["task_id"] as? String == "task-00003" }?["status"] as? String == "FAILED")
        #expect(records.allSatisfy { $0["target"] as? String == "default" })
        #expect(!run.stdout.contains("SKPROCESS") && !run.stderr.contains("SKPROCESS"))
    }

    @Test func tableFitsColumnsAndFiltersByStatus() throws {
        let server = try ScriptedHTTPServer { TaskPageScript.numbered(8).reply($0) }
        defer { server.stop() }
        let run = try Self.run(
            ["list", "--endpoint", server.baseURL.absoluteString, "--status", "failed"],
            environment: Self.credentials.merging(["COLUMNS": "50"]) { $1 })
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 3)  // header + task 3 + task 7
        #expect(lines.dropFirst().allSatisfy { $0.contains("FAILED") })
        #expect(lines.allSatisfy { DisplayWidth.of(String($0)) <= 50 })
        #expect(!run.stdout.contains("\u{1B}"))  // not a terminal: no colour
    }

    @Test func apiFailureExitsOneWithAdvice() throws {
        let server = try ScriptedHTTPServer { _ in .dcsError(403, code: "DCS.2003", message: "no permission") }
        defer { server.stop() }
        let run = try Self.run(
            ["list", "--endpoint", server.baseURL.absoluteString, "--output", "ndjson"], environment: Self.credentials)
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("dcs:migrationTask:list"))
    }

    @Test func oneFailingTargetStillPrintsTheOthers() throws {
        let good = try ScriptedHTTPServer { TaskPageScript.numbered(2).reply($0) }
        defer { good.stop() }
        let port = try ScriptedHTTPServer.closedPort()
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("dcswatch-\(UUID().uuidString).json")
        try Data(
            """
            {"targets": [
              {"name": "good", "endpoint": "\(good.baseURL.absoluteString)", "project_id": "proj-1"},
              {"name": "down", "endpoint": "http://127.0.0.1:\(port)", "project_id": "proj-2"}
            ]}
            """.utf8
        ).write(to: config)
        defer { try? FileManager.default.removeItem(at: config) }
        let run = try Self.run(["list", "--config", config.path, "--output", "csv"], environment: Self.credentials)
        #expect(run.status == 1)
        let rows = run.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 3)
        #expect(rows.dropFirst().allSatisfy { $0.hasPrefix("good,task-0000") })
        #expect(run.stderr.contains("down: connection to 127.0.0.1:\(port) refused"))
    }

    @Test func usageAndConfigErrorsExitTwo() throws {
        let usage = try Self.run(["list", "--output", "xml"], environment: Self.credentials)
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("--output must be one of"))
        let config = try Self.run(["list"], environment: [:])
        #expect(config.status == 2)
        #expect(config.stderr.contains("no credentials for target \"default\""))
        let badFile = try Self.run(["list", "--config", "/nonexistent/dcswatch.json"], environment: Self.credentials)
        #expect(badFile.status == 2)
        #expect(badFile.stderr.contains("/nonexistent/dcswatch.json"))
    }
}

/// `dcswatch debug sign` as a subprocess, checked against a vector of the official SDK's signer.
@Suite struct DebugSignProcessTests {
    @Test func printsTheVectorsSignatureWithoutSecrets() throws {
        let vector = try #require(
            try SigningVector.all().first { $0.security_token == nil && $0.body.isEmpty && $0.method == "GET" })
        var arguments = ["debug", "sign", "--method", vector.method, "--url", vector.url, "--date", vector.sdk_date]
        for (name, value) in vector.request_headers.sorted(by: { $0.key < $1.key }) {
            arguments += ["--header", "\(name): \(value)"]
        }
        if let project = vector.project_id { arguments += ["--project-id", project] }
        let run = try ListCommandProcessTests.run(
            arguments, environment: ["HUAWEICLOUD_SDK_AK": vector.ak, "HUAWEICLOUD_SDK_SK": vector.sk])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(vector.canonical_request))
        #expect(run.stdout.contains(vector.string_to_sign))
        let signature = try #require(vector.authorization.components(separatedBy: "Signature=").last)
        #expect(run.stdout.contains("Signature=\(signature)"))
        #expect(run.stdout.contains("Access=\(SigningCredentials.masked(vector.ak)),"))
        #expect(!run.stdout.contains(vector.sk))
        if vector.ak.count > 4 { #expect(!run.stdout.contains(vector.ak)) }
    }

    @Test func securityTokenIsNeverPrinted() throws {
        let run = try ListCommandProcessTests.run(
            [
                "debug", "sign", "--url", "https://dcs.eu-de.otc.t-systems.com/v2/p/migration-tasks", "--security-token",
                "TOKEN-XYZ-SECRET",
            ],
            environment: ["HUAWEICLOUD_SDK_AK": "AKSIGN0001", "HUAWEICLOUD_SDK_SK": "SKSIGN"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("x-security-token:(16 characters, not shown)"))
        #expect(!run.stdout.contains("TOKEN-XYZ-SECRET") && !run.stdout.contains("SKSIGN"))
    }
}
