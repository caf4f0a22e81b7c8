import DCSKit
import Foundation
import Testing

/// clouds.yaml as OpenStack's tools read it (issue 15): each case here was misread by the hand-written
/// subset reader that Yams replaced.
@Suite struct CloudsYAMLTests {
    private static let path = "/home/u/.config/openstack/clouds.yaml"

    private func resolve(_ cloud: String, _ yaml: String) throws -> ResolvedTarget {
        let resolution = try ConfigTestKit.resolver(env: ["OS_CLOUD": cloud], files: [Self.path: yaml])
            .resolve(config: DCSWatchConfig())
        return try #require(resolution.targets.first)
    }

    @Test func mergeKeyBringsInTheSharedAuthProjectID() throws {
        let target = try resolve(
            "otc",
            """
            x-common: &common
              region_name: eu-de
              auth:
                auth_url: https://iam.eu-de.otc.t-systems.com/v3
                project_id: merged-project-0001
            clouds:
              otc:
                <<: *common
                ak: AKMERGE000000000001
                sk: SKMERGE
            """)
        #expect(target.projectID == "merged-project-0001")
        #expect(target.endpoint.absoluteString == "https://dcs.eu-de.otc.t-systems.com")
        #expect(target.auth == .signing(SigningCredentials(accessKey: "AKMERGE000000000001", secretKey: "SKMERGE")))
    }

    @Test func doubleQuotedSecretKeepsItsEscapes() throws {
        let target = try resolve(
            "otc",
            #"""
            clouds:
              otc:
                region_name: eu-nl
                ak: AKQUOTE000000000001
                sk: "SK#1: \"q\"\u0021"
                auth: {project_id: quoted-project}
            """#)
        #expect(target.auth == .signing(SigningCredentials(accessKey: "AKQUOTE000000000001", secretKey: #"SK#1: "q"!"#)))
        #expect(target.projectID == "quoted-project")
    }

    @Test func blockScalarsAreReadWhole() throws {
        let target = try resolve(
            "otc",
            """
            clouds:
              otc:
                region_name: eu-de
                auth:
                  username: >-
                    carol
                  password: |-
                    two words
                  user_domain_name: OTC-EU-DE-0001
                  project_id: block-project
            """)
        #expect(
            target.auth == .password(PasswordIdentity(userName: "carol", password: "two words", domainName: "OTC-EU-DE-0001")))
        #expect(target.projectID == "block-project")
    }

    @Test func anchorsAndAliasesShareOneAuth() throws {
        let yaml = """
            clouds:
              first:
                region_name: eu-de
                auth: &shared
                  username: bob
                  password: 'it''s secret'
                  domain_name: DOMAIN-1
                  project_id: shared-project
              second:
                region_name: eu-nl
                auth: *shared
            """
        let target = try resolve("second", yaml)
        #expect(target.auth == .password(PasswordIdentity(userName: "bob", password: "it's secret", domainName: "DOMAIN-1")))
        #expect(target.projectID == "shared-project")
        #expect(target.endpoint.absoluteString == "https://dcs.eu-nl.otc.t-systems.com")
    }

    @Test func malformedFileNamesTheFileAndLine() {
        let message = ConfigTestKit.message {
            _ = try resolve(
                "otc",
                """
                clouds:
                  otc:
                    ak: AK
                   sk: SK
                """)
        }
        #expect(
            message?.hasPrefix("\"\(Self.path)\" at line 4 is not a clouds.yaml dcswatch can read (") == true,
            "\(message ?? "no error")")
        #expect(message?.hasSuffix("— fix that line, or unset OS_CLOUD") == true)
    }

    @Test func aMappingWhereAStringBelongsNamesItsKeyAndLine() {
        let message = ConfigTestKit.message {
            _ = try resolve(
                "otc",
                """
                clouds:
                  otc:
                    region_name: eu-de
                    sk:
                      nested: value
                """)
        }
        #expect(message?.contains("\"\(Self.path)\" at line 5") == true, "\(message ?? "no error")")
        #expect(message?.contains("clouds.otc.sk must be a string") == true, "\(message ?? "no error")")
    }

    @Test func aFileWithoutTheCloudIsPassedOver() throws {
        let target = try #require(
            try ConfigTestKit.resolver(
                env: ["OS_CLOUD": "otc"],
                files: [
                    "/work/clouds.yaml": "# no clouds here\n",
                    Self.path:
                        "clouds:\n  otc:\n    region_name: eu-de\n    ak: AKSECOND00000000001\n    sk: s\n    project_id: p\n",
                ]
            ).resolve(config: DCSWatchConfig()).targets.first)
        #expect(target.auth == .signing(SigningCredentials(accessKey: "AKSECOND00000000001", secretKey: "s")))
    }
}
