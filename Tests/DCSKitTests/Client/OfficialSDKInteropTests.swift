import DCSKit
import DCSTestSupport
import Foundation
import Testing

/// The issue's "done when": the official Huawei Cloud Python SDK (installed by `scripts/install-test-deps`)
/// and `DCSClient` list the same tasks from the same server, and both requests carry signatures that
/// verify the same way.
@Suite struct OfficialSDKInteropTests {
    static let sdkAvailable: Bool = {
        guard let run = try? python(["-c", "import huaweicloudsdkdcs.v2, huaweicloudsdkcore"]) else { return false }
        return run.status == 0
    }()

    /// Runs `python3 arguments…` to its end (files, not pipes; killed after the default deadline).
    static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let run = try ChildProcess.capture(["python3"] + arguments, searchPath: true)
        return (run.status, run.out)
    }

    /// Re-signs the received request with the headers it says it signed and compares Authorization.
    static func signatureVerifies(_ request: ScriptedHTTPServer.RecordedRequest, port: Int, secretKey: String) -> Bool {
        guard let authorization = request.headers["Authorization"],
            let access = authorization.components(separatedBy: "Access=").last?.components(separatedBy: ",").first,
            let signedList = authorization.components(separatedBy: "SignedHeaders=").last?.components(separatedBy: ",").first,
            let date = RequestSigner.parseSDKDate(request.headers["X-Sdk-Date"] ?? ""),
            let url = URL(string: "http://127.0.0.1:\(port)\(request.target)")
        else { return false }
        let signed = Set(signedList.components(separatedBy: ";"))
        let kept = request.headers.fields.filter {
            signed.contains($0.name.lowercased()) && !["host", "x-sdk-date", "x-project-id"].contains($0.name.lowercased())
        }
        let projectID = signed.contains("x-project-id") ? request.headers["X-Project-Id"] : nil
        let result = RequestSigner(credentials: SigningCredentials(accessKey: access, secretKey: secretKey), projectID: projectID)
            .sign(
                HTTPRequest(
                    method: request.method, url: url, headers: HTTPHeaders(kept.map { ($0.name, $0.value) }), body: request.body),
                date: date)
        return result.authorization == authorization
    }

    @Test(.enabled(if: OfficialSDKInteropTests.sdkAvailable, "needs pip install huaweicloudsdkdcs (scripts/install-test-deps)"))
    func sdkAndClientSeeTheSameTasksAndSignAlike() async throws {
        let statuses = ["MIGRATING", "SUCCESS", "FAILED", "TERMINATED", "INCRMIGEATING", "MIGRATION_FAILED"]
        let script = TaskPageScript(
            tasks: (0..<1234).map { index in
                #"{"task_id":"t-\#(index)","task_name":"n\#(index)","status":"\#(statuses[index % statuses.count])","supported_features":null}"#
            })
        let server = try ScriptedHTTPServer { script.reply($0) }
        defer { server.stop() }
        let sdkScript = """
            from huaweicloudsdkcore.auth.credentials import BasicCredentials
            from huaweicloudsdkdcs.v2 import DcsClient, ListMigrationTaskRequest
            c = DcsClient.new_builder().with_credentials(BasicCredentials("AKINTEROP0001", "sk-interop", "proj-1")) \\
                .with_endpoints(["\(server.baseURL.absoluteString)"]).build()
            offset = 0
            while True:
                r = c.list_migration_task(ListMigrationTaskRequest(offset=offset, limit=500))
                tasks = r.migration_tasks or []
                for t in tasks: print(t.task_id, t.status)
                offset += len(tasks)
                if not tasks or offset >= r.count: break
            """
        let sdk = try await OffPool.run { try Self.python(["-c", sdkScript]) }
        #expect(sdk.status == 0)
        let sdkRequests = server.requests.count
        let client = DCSClient(
            target: ResolvedTarget(
                name: "t", endpoint: server.baseURL, projectID: "proj-1",
                auth: .signing(SigningCredentials(accessKey: "AKINTEROP0001", secretKey: "sk-interop"))),
            transport: URLSessionTransport(), now: { Date() })
        let ours = try await client.listAllTasks().tasks.map { "\($0.taskID) \($0.status.raw)" }
        let theirs = sdk.output.split(separator: "\n").map(String.init)
        #expect(theirs.count == 1234)
        #expect(ours.sorted() == theirs.sorted())
        let requests = server.requests
        #expect(sdkRequests == 3 && requests.count == 5)
        for request in requests {
            #expect(
                Self.signatureVerifies(request, port: server.port, secretKey: "sk-interop"),
                "\(request.headers["User-Agent"] ?? "")")
        }
    }
}
