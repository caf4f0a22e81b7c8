import DCSKit
import Foundation
import Testing

@Suite struct RegionEndpointsTests {
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
}
