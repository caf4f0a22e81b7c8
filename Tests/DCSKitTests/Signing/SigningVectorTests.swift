import DCSKit
import Foundation
import Testing

/// One vector of `signing-vectors.json`, computed by the official Python SDK's signer.
struct SigningVector: Decodable, Sendable, CustomTestStringConvertible {
    let method: String
    let url: String
    let body: String
    let ak: String
    let sk: String
    let sdk_date: String
    let project_id: String?
    let security_token: String?
    let request_headers: [String: String]
    let headers_after_signing: [String: String]
    let signed_headers: String
    let canonical_request: String
    let string_to_sign: String
    let authorization: String

    var testDescription: String { "\(method) \(url)" }

    static func all() throws -> [SigningVector] {
        struct File: Decodable { let vectors: [SigningVector] }
        let url = try #require(Bundle.module.url(forResource: "signing-vectors", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).vectors
    }
}

@Suite struct SigningVectorTests {
    @Test func fixtureHoldsVectors() throws {
        #expect(try SigningVector.all().count >= 5)
    }

    @Test(arguments: try SigningVector.all())
    func matchesOfficialSDKByteForByte(vector: SigningVector) throws {
        let signer = RequestSigner(
            credentials: SigningCredentials(accessKey: vector.ak, secretKey: vector.sk, securityToken: vector.security_token),
            projectID: vector.project_id)
        let date = try #require(RequestSigner.parseSDKDate(vector.sdk_date))
        let request = HTTPRequest(
            method: vector.method, url: try #require(URL(string: vector.url)),
            headers: HTTPHeaders(vector.request_headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }),
            body: Data(vector.body.utf8))
        let result = signer.sign(request, date: date)

        #expect(result.canonicalRequest == vector.canonical_request)
        #expect(result.stringToSign == vector.string_to_sign)
        #expect(result.signedHeaders == vector.signed_headers)
        #expect(result.authorization == vector.authorization)
        for (name, value) in vector.headers_after_signing {
            #expect(result.request.headers[name] == value, "header \(name)")
        }
    }

    @Test func wireQueryIsTheSignedQuery() throws {
        let signer = RequestSigner(credentials: SigningCredentials(accessKey: "AK", secretKey: "SK"))
        let url = try #require(URL(string: "https://dcs.example.com/v2/p/migration-tasks?name=a%20b*c&offset=0&limit=10"))
        let result = signer.sign(HTTPRequest(method: "GET", url: url), date: Date(timeIntervalSince1970: 0))
        let sentQuery = URLComponents(url: result.request.url, resolvingAgainstBaseURL: false)?.percentEncodedQuery
        #expect(sentQuery == "limit=10&name=a%20b%2Ac&offset=0")
        #expect(
            result.canonicalRequest.split(separator: "\n", omittingEmptySubsequences: false)[2]
                == "limit=10&name=a%20b%2Ac&offset=0")
    }

    @Test func sdkDateFormatsUTC() {
        #expect(RequestSigner.sdkDate(Date(timeIntervalSince1970: 0)) == "19700101T000000Z")
        #expect(RequestSigner.sdkDate(Date(timeIntervalSince1970: 1_704_067_200 + 3661)) == "20240101T010101Z")
        #expect(RequestSigner.sdkDate(Date(timeIntervalSince1970: 951_782_400)) == "20000229T000000Z")
    }

    @Test func hostCarriesPortOnlyWhenExplicit() throws {
        #expect(RequestSigner.hostHeader(for: try #require(URL(string: "http://127.0.0.1:18080/x"))) == "127.0.0.1:18080")
        #expect(
            RequestSigner.hostHeader(for: try #require(URL(string: "https://dcs.eu-de.otc.t-systems.com/x")))
                == "dcs.eu-de.otc.t-systems.com")
    }
}
