import DCSKit
import DCSTestSupport
import Foundation
import Testing

@Suite struct TokenAuthTests {
    /// A scripted IAM + DCS: IAM hands out tok-1, tok-2, …; DCS answers with `dcsReply(token)`.
    private final class Cloud: @unchecked Sendable {
        let issued = Counter()
        let expiresAt: String
        let dcsReply: @Sendable (String?) -> ScriptedHTTPServer.Reply

        init(expiresAt: String, dcsReply: @escaping @Sendable (String?) -> ScriptedHTTPServer.Reply) {
            self.expiresAt = expiresAt
            self.dcsReply = dcsReply
        }

        func reply(_ request: ScriptedHTTPServer.RecordedRequest) -> ScriptedHTTPServer.Reply {
            if request.path == "/v3/auth/tokens" {
                let number = issued.next()
                return .json(
                    201, #"{"token":{"expires_at":"\#(expiresAt)","methods":["password"]}}"#,
                    headers: [("X-Subject-Token", "tok-\(number)")])
            }
            return dcsReply(request.headers["X-Auth-Token"])
        }
    }

    private static let identity = PasswordIdentity(userName: "alice", password: "pa55-word", domainName: "acme")
    private static let emptyPage = ScriptedHTTPServer.Reply.json(200, #"{"count":0,"migration_tasks":[]}"#)

    @Test func passwordIdentityGetsAProjectScopedTokenAndCachesIt() async throws {
        let cloud = Cloud(expiresAt: "2025-11-25T16:00:00.000000Z") { _ in Self.emptyPage }
        let server = try ScriptedHTTPServer { cloud.reply($0) }
        defer { server.stop() }
        let clock = SteppingClock(start: Date(timeIntervalSince1970: 1_764_000_000), step: 0)  // 2025-11-24T16:00Z
        let client = ClientTestKit.client(
            server, auth: .password(Self.identity), clock: clock, iam: server.baseURL.appendingPathComponent("v3"))
        _ = try await client.listAllTasks()
        _ = try await client.listAllTasks()

        let requests = server.requests
        #expect(requests.map(\.path) == ["/v3/auth/tokens", "/v2/proj-1/migration-tasks", "/v2/proj-1/migration-tasks"])
        let body = try JSONSerialization.jsonObject(with: try #require(requests.first?.body))
        func member(_ path: String...) -> Any? { path.reduce(body as Any?) { ($0 as? [String: Any])?[$1] } }
        #expect(member("auth", "identity", "methods") as? [String] == ["password"])
        #expect(member("auth", "identity", "password", "user", "name") as? String == "alice")
        #expect(member("auth", "identity", "password", "user", "password") as? String == "pa55-word")
        #expect(member("auth", "identity", "password", "user", "domain", "name") as? String == "acme")
        #expect(member("auth", "scope", "project", "id") as? String == "proj-1")
        #expect(requests.dropFirst().allSatisfy { $0.headers["X-Auth-Token"] == "tok-1" && $0.headers["Authorization"] == nil })
    }

    @Test func tokenIsRenewedShortlyBeforeExpiry() async throws {
        let cloud = Cloud(expiresAt: "2025-11-24T17:00:00Z") { _ in Self.emptyPage }
        let server = try ScriptedHTTPServer { cloud.reply($0) }
        defer { server.stop() }
        let clock = SteppingClock(start: Date(timeIntervalSince1970: 1_764_000_000), step: 0)  // 16:00Z
        let client = ClientTestKit.client(server, auth: .password(Self.identity), clock: clock, iam: server.baseURL)
        _ = try await client.listAllTasks()
        clock.advance(by: 3600 - 200)  // 16:56:40: within the 5-minute renewal margin
        _ = try await client.listAllTasks()
        #expect(server.requests.filter { $0.path == "/v3/auth/tokens" }.count == 2)
        #expect(server.requests.last?.headers["X-Auth-Token"] == "tok-2")
    }

    @Test func expiredTokenIsRenewedOnceOn401() async throws {
        let cloud = Cloud(expiresAt: "2030-01-01T00:00:00Z") { token in
            token == "tok-1" ? .dcsError(401, code: "DCS.1002", message: "token expired") : Self.emptyPage
        }
        let server = try ScriptedHTTPServer { cloud.reply($0) }
        defer { server.stop() }
        let client = ClientTestKit.client(server, auth: .password(Self.identity), iam: server.baseURL)
        _ = try await client.listAllTasks()
        #expect(
            server.requests.map(\.path) == [
                "/v3/auth/tokens", "/v2/proj-1/migration-tasks", "/v3/auth/tokens", "/v2/proj-1/migration-tasks",
            ])
        #expect(server.requests.last?.headers["X-Auth-Token"] == "tok-2")
    }

    @Test func secondExpiredTokenIsReportedNotLooped() async throws {
        let cloud = Cloud(expiresAt: "2030-01-01T00:00:00Z") { _ in .dcsError(401, code: "DCS.1002", message: "token expired") }
        let server = try ScriptedHTTPServer { cloud.reply($0) }
        defer { server.stop() }
        let client = ClientTestKit.client(server, auth: .password(Self.identity), iam: server.baseURL)
        let error = await ClientTestKit.apiError { try await client.listAllTasks() }
        #expect(error?.code == "DCS.1002")
        #expect(server.requests.count == 4)
    }

    @Test func iamRefusalIsAnAPIError() async throws {
        let server = try ScriptedHTTPServer { _ in .json(401, #"{"error":{"code":"IAM.0002","message":"incorrect password"}}"#) }
        defer { server.stop() }
        let client = ClientTestKit.client(server, auth: .password(Self.identity), iam: server.baseURL)
        let error = await ClientTestKit.apiError { try await client.listAllTasks() }
        #expect(error?.code == "IAM.0002")
        #expect(error?.userMessage.contains("pa55-word") == false)
    }

    @Test func readyTokenIsSentAsIs() async throws {
        let server = try ScriptedHTTPServer { _ in Self.emptyPage }
        defer { server.stop() }
        _ = try await ClientTestKit.client(server, auth: .token("ready-token")).listAllTasks()
        #expect(server.requests.map { $0.headers["X-Auth-Token"] } == ["ready-token"])
        #expect(server.requests.first?.headers["Authorization"] == nil)
    }

    @Test func tokenURLAcceptsEndpointsWithAndWithoutV3() throws {
        let expected = "https://iam.eu-de.otc.t-systems.com/v3/auth/tokens"
        #expect(
            IAMTokenSource.tokenURL(for: try #require(URL(string: "https://iam.eu-de.otc.t-systems.com/v3"))).absoluteString
                == expected)
        #expect(
            IAMTokenSource.tokenURL(for: try #require(URL(string: "https://iam.eu-de.otc.t-systems.com/"))).absoluteString
                == expected)
    }

    @Test func descriptionsNeverShowSecrets() {
        #expect(!TargetAuth.password(Self.identity).description.contains("pa55"))
        #expect(!TargetAuth.token("secret-token").description.contains("secret-token"))
        #expect(TargetAuth.signing(ClientTestKit.credentials).description == "AK …1234")
    }
}
