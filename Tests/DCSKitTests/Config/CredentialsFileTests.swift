import DCSKit
import DCSTestSupport
import Foundation
import Testing

/// `~/.huaweicloud/credentials` read as the official SDK reads it: the fixture holds the parts of the
/// format a hand-edited file meets, and the SDK itself reads the same file in the second test.
@Suite struct CredentialsFileTests {
    static let fixture = Bundle.module.url(forResource: "huaweicloud-credentials", withExtension: nil, subdirectory: "Fixtures")

    /// What the SDK's `ProfileCredentialProvider` takes from the fixture (checked by the test below).
    static let expected: [String: String] = [
        "ak": "FIXTUREAK00000000001", "sk": "fixture%secret#not-a-comment ; nor this",
        "security_token": "token-part-one\ntoken-part-two", "project_id": "default-project-0001",
        "iam_endpoint": "https://iam.example.invalid/v3",
    ]

    @Test func fixtureReadsAsTheSDKReadsIt() throws {
        let text = try String(contentsOf: try #require(Self.fixture), encoding: .utf8)
        let basic = CredentialsFile.section("basic", in: text)
        for (key, value) in Self.expected {
            #expect(basic[key] == value, "\(key)")
        }
        #expect(CredentialsFile.section("global", in: text)["ak"] == "GLOBALAK0000000000001")
        #expect(CredentialsFile.section(" basic ", in: text)["ak"] == "SPACEDHEADERNOTBASIC")
    }

    @Test func quotesStayPartOfTheValueAsTheSDKKeepsThem() {
        #expect(CredentialsFile.section("basic", in: "[basic]\nsk = \"quoted\"\n")["sk"] == "\"quoted\"")
    }

    @Test(.requires(.officialSDK))
    func officialSDKReadsTheFixtureTheSameWay() async throws {
        let path = try #require(Self.fixture).path
        let script = """
            import json
            from huaweicloudsdkcore.auth.provider import ProfileCredentialProvider
            c = ProfileCredentialProvider.get_basic().get_credentials()
            print(json.dumps({"ak": c.ak, "sk": c.sk, "security_token": c.security_token,
                              "project_id": c.project_id, "iam_endpoint": c.iam_endpoint}))
            """
        let run = try await ChildProcess.captureOffPool(
            ["python3", "-c", script],
            environment: ProcessInfo.processInfo.environment.merging(["HUAWEICLOUD_SDK_CREDENTIALS_FILE": path]) { $1 },
            searchPath: true)
        #expect(run.status == 0, "\(run.err)")
        let sdk = try JSONSerialization.jsonObject(with: run.stdout) as? [String: String]
        #expect(sdk == Self.expected)
    }
}
