import Foundation

/// Region names to API endpoints for Huawei Cloud and T Cloud Public (dcs-api-notes.md, "Endpoints").
/// Any endpoint can be overridden (`endpoint` in the config, `--endpoint`), since some regions differ.
public enum RegionEndpoints {
    /// T Cloud Public (Open Telekom Cloud) regions; every other region name is Huawei Cloud's.
    public static let tCloudPublicRegions: Set<String> = ["eu-de", "eu-nl"]

    /// `https://dcs.{region}.otc.t-systems.com` or `https://dcs.{region}.myhuaweicloud.com`;
    /// nil for a name that cannot be a host label.
    public static func dcsEndpoint(region: String) -> URL? {
        guard isPlausibleRegion(region) else { return nil }
        return URL(string: "https://dcs.\(region).\(domain(region: region))")
    }

    /// `https://iam.{region}.otc.t-systems.com/v3` or `https://iam.{region}.myhuaweicloud.com/v3`.
    public static func iamEndpoint(region: String) -> URL? {
        guard isPlausibleRegion(region) else { return nil }
        return URL(string: "https://iam.\(region).\(domain(region: region))/v3")
    }

    /// The IAM endpoint next to a DCS endpoint: `dcs.` replaced by `iam.` in the host.
    public static func iamEndpoint(forDCSEndpoint endpoint: URL) -> URL {
        guard var components = URLComponents(url: endpoint, resolvingAgainstBaseURL: false),
            let host = components.host, host.hasPrefix("dcs.")
        else { return endpoint }
        components.host = "iam." + host.dropFirst(4)
        components.path = "/v3"
        return components.url ?? endpoint
    }

    private static func domain(region: String) -> String {
        tCloudPublicRegions.contains(region) ? "otc.t-systems.com" : "myhuaweicloud.com"
    }

    /// Lowercase letters, digits and `-` only, as every real region name is.
    static func isPlausibleRegion(_ region: String) -> Bool {
        !region.isEmpty && region.utf8.count <= 40
            && region.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
