import DCSKit
import Foundation
import Testing

@Suite struct RegionAndYAMLTests {
    @Test func regionsMapToTheirClouds() {
        #expect(RegionEndpoints.dcsEndpoint(region: "eu-de")?.absoluteString == "https://dcs.eu-de.otc.t-systems.com")
        #expect(RegionEndpoints.dcsEndpoint(region: "eu-nl")?.absoluteString == "https://dcs.eu-nl.otc.t-systems.com")
        #expect(
            RegionEndpoints.dcsEndpoint(region: "ap-southeast-1")?.absoluteString
                == "https://dcs.ap-southeast-1.myhuaweicloud.com")
        #expect(RegionEndpoints.iamEndpoint(region: "eu-de")?.absoluteString == "https://iam.eu-de.otc.t-systems.com/v3")
        #expect(RegionEndpoints.dcsEndpoint(region: "evil.com/x") == nil)
        let custom = URL(string: "https://dcs.cn-north-4.myhuaweicloud.com")!
        #expect(
            RegionEndpoints.iamEndpoint(forDCSEndpoint: custom).absoluteString == "https://iam.cn-north-4.myhuaweicloud.com/v3")
    }

    @Test func yamlSubsetReadsNestedMappingsQuotesAndComments() {
        let yaml = """
            # top comment
            clouds:
              first:
                region_name: "eu-de"
                auth:
                  username: 'it''s'
                  password: "a#b"   # trailing comment
                  url: http://x:5000/v3
                regions:
                  - eu-de
                  - eu-nl
                after: yes
              second:
                ak: AK2
            """
        let root = SimpleYAML.parse(yaml)
        #expect(root["clouds"]?["first"]?["region_name"]?.scalar == "eu-de")
        #expect(root["clouds"]?["first"]?["auth"]?["username"]?.scalar == "it's")
        #expect(root["clouds"]?["first"]?["auth"]?["password"]?.scalar == "a#b")
        #expect(root["clouds"]?["first"]?["auth"]?["url"]?.scalar == "http://x:5000/v3")
        #expect(root["clouds"]?["first"]?["after"]?.scalar == "yes")
        #expect(root["clouds"]?["second"]?["ak"]?.scalar == "AK2")
    }

    @Test func iniReadsOnlyTheRequestedSection() {
        let text = "[other]\nak=NO\n[basic]\n; comment\nak = \"YES\"\nsk: s\n"
        #expect(CredentialsFile.section("basic", in: text) == ["ak": "YES", "sk": "s"])
    }
}
