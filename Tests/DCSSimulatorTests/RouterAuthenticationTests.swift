import Crypto
import DCSKit
import DCSSimulator
import DCSTestSupport
import Foundation
import Testing

@Suite("Router authentication")
struct RouterAuthenticationTests {
    typealias Kit = SimulatorTestKit

    @Test func signedRequestIsAccepted() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock)
        let response = await router.handle(Kit.signedGET(Kit.listPath(), query: "offset=0&limit=5", date: clock.date))
        #expect(response.status == 200)
        #expect(try Kit.json(response)["migration_tasks"].arrayValue?.count == 5)
        #expect(response.headers["X-Request-Id"]?.count == 32)
    }

    @Test func wrongSecretKeyIsRejectedWithTheServersCanonicalRequest() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock)
        let response = await router.handle(
            Kit.signedGET(Kit.listPath(), query: "limit=5", date: clock.date, secretKey: "wrong"))
        #expect(response.status == 401)
        let body = try Kit.json(response)
        #expect(body["error_code"].lenientString == "APIGW.0301")
        let message = try #require(body["error_msg"].lenientString)
        #expect(message.contains("GET|/v2/\(Kit.projectID)/migration-tasks/|limit=5|"))
        #expect(!message.contains("\n"))
        #expect(body["request_id"].lenientString == response.headers["X-Request-Id"])
    }

    @Test func tamperedQueryIsRejected() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock)
        var request = Kit.signedGET(Kit.listPath(), query: "limit=5", date: clock.date)
        request.url = URL(string: request.url.absoluteString.replacingOccurrences(of: "limit=5", with: "limit=6"))!
        let response = await router.handle(request)
        #expect(response.status == 401)
        #expect(try Kit.json(response)["error_code"].lenientString == "APIGW.0301")
    }

    @Test func tamperedBodyIsRejected() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock)
        let signer = RequestSigner(
            credentials: SigningCredentials(
                accessKey: SimulatorConfiguration.demoAccessKey, secretKey: SimulatorConfiguration.demoSecretKey))
        let original = HTTPRequest(
            method: "GET", url: URL(string: Kit.base.absoluteString + Kit.listPath())!, body: Data("{}".utf8))
        var request = signer.sign(original, date: clock.date).request
        let accepted = await router.handle(request)
        #expect(accepted.status == 200)
        request.body = Data("{\"x\":1}".utf8)
        let rejected = await router.handle(request)
        #expect(rejected.status == 401)
    }

    @Test func staleDateIsRejectedAsExpired() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock)
        let stale = await router.handle(Kit.signedGET(Kit.listPath(), date: clock.date.addingTimeInterval(-16 * 60)))
        #expect(stale.status == 401)
        #expect(try Kit.json(stale)["error_code"].lenientString == "APIGW.0303")
        let early = await router.handle(Kit.signedGET(Kit.listPath(), date: clock.date.addingTimeInterval(16 * 60)))
        #expect(try Kit.json(early)["error_code"].lenientString == "APIGW.0303")
        let withinSkew = await router.handle(
            Kit.signedGET(Kit.listPath(), date: clock.date.addingTimeInterval(-14 * 60)))
        #expect(withinSkew.status == 200)
    }

    @Test func missingAuthenticationAndUnknownAccessKeyAreRejected() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock)
        let bare = await router.handle(
            HTTPRequest(method: "GET", url: URL(string: Kit.base.absoluteString + Kit.listPath())!))
        #expect(bare.status == 401)
        #expect(try Kit.json(bare)["error_code"].lenientString == "APIGW.0301")
        let unknown = await router.handle(Kit.signedGET(Kit.listPath(), date: clock.date, accessKey: "SOMEONEELSE"))
        #expect(unknown.status == 401)
        #expect(try Kit.json(unknown)["error_code"].lenientString == "APIGW.0301")
    }

    @Test func wrongProjectInPathIsAProjectMismatch() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock)
        let response = await router.handle(
            Kit.signedGET(Kit.listPath("ffffffffffffffffffffffffffffffff"), date: clock.date))
        #expect(response.status == 401)
        #expect(try Kit.json(response)["error_code"].lenientString == "DCS.1004")
    }

    @Test func issuedTokenIsAcceptedUntilItExpires() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock)
        let token = try await Kit.token(router)
        let url = URL(string: Kit.base.absoluteString + Kit.listPath())!
        let good = await router.handle(
            HTTPRequest(method: "GET", url: url, headers: HTTPHeaders([("X-Auth-Token", token)])))
        #expect(good.status == 200)
        let invalid = await router.handle(
            HTTPRequest(method: "GET", url: url, headers: HTTPHeaders([("X-Auth-Token", token + "x")])))
        #expect(try Kit.json(invalid)["error_code"].lenientString == "DCS.1001")
        clock.advance(by: 86_401)
        let expired = await router.handle(
            HTTPRequest(method: "GET", url: url, headers: HTTPHeaders([("X-Auth-Token", token)])))
        #expect(expired.status == 401)
        #expect(try Kit.json(expired)["error_code"].lenientString == "DCS.1002")
    }

    @Test func tokenForAnotherProjectIsAMismatch() async throws {
        let router = Kit.router()
        let token = try await Kit.token(router, project: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
        let url = URL(string: Kit.base.absoluteString + Kit.listPath())!
        let response = await router.handle(
            HTTPRequest(method: "GET", url: url, headers: HTTPHeaders([("X-Auth-Token", token)])))
        #expect(try Kit.json(response)["error_code"].lenientString == "DCS.1004")
    }

    @Test func tokenCallReportsExpiryAndRefusesWrongPassword() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock)
        let body = """
            {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"demo-user","password":"nope",\
            "domain":{"name":"demo-domain"}}}},"scope":{"project":{"id":"\(Kit.projectID)"}}}}
            """
        let url = URL(string: "https://iam.example.com/v3/auth/tokens")!
        let refused = await router.handle(HTTPRequest(method: "POST", url: url, body: Data(body.utf8)))
        #expect(refused.status == 401)
        #expect(refused.headers["X-Subject-Token"] == nil)
        let good = await router.handle(
            HTTPRequest(
                method: "POST", url: url, body: Data(body.replacingOccurrences(of: "nope", with: "demo-password").utf8))
        )
        #expect(good.status == 201)
        // 1_795_000_000 + 86_400 s = 2026-11-19T11:06:40Z (checked with `date -u -d @1795086400`).
        #expect(try Kit.json(good)["token"]["expires_at"].lenientString == "2026-11-19T11:06:40.000000Z")
    }

    @Test func unsignedPayloadIsVerifiedLikeTheOfficialSDKSignsIt() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock)
        let date = RequestSigner.sdkDate(clock.date)
        let url = URL(string: Kit.base.absoluteString + Kit.listPath())!
        var headers = HTTPHeaders([
            ("Host", RequestSigner.hostHeader(for: url)), ("X-Sdk-Date", date),
            ("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD"),
        ])
        let body = Data("multipart body".utf8)
        let canonical = CanonicalRequest(method: "GET", url: url, headers: headers, body: body)
        let lines =
            canonical.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) + [
                "UNSIGNED-PAYLOAD"
            ]
        let text = lines.joined(separator: "\n")
        let toSign = "SDK-HMAC-SHA256\n\(date)\n\(Hex.sha256(Data(text.utf8)))"
        let key = SymmetricKey(data: Data(SimulatorConfiguration.demoSecretKey.utf8))
        let signature = Hex.encode(Data(HMAC<SHA256>.authenticationCode(for: Data(toSign.utf8), using: key)))
        headers["Authorization"] =
            "SDK-HMAC-SHA256 Access=\(SimulatorConfiguration.demoAccessKey), SignedHeaders=\(canonical.signedHeaders), Signature=\(signature)"
        let accepted = await router.handle(HTTPRequest(method: "GET", url: url, headers: headers, body: body))
        #expect(accepted.status == 200)
        headers["X-Sdk-Content-Sha256"] = nil
        let refused = await router.handle(HTTPRequest(method: "GET", url: url, headers: headers, body: body))
        #expect(refused.status == 401)
    }
}
