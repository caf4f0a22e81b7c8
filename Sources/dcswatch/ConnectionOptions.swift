import ArgumentParser
import DCSKit
import Foundation

/// The flags every command that talks to DCS shares (`list`, `watch`, `show`, `wait`): which config,
/// which targets, and overrides of endpoint, project, region and credentials.
struct ConnectionOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("Config file (default: $DCSWATCH_CONFIG, then ~/.config/dcswatch/config.json).", valueName: "path"))
    var config: String?

    @Option(name: .customLong("target"), help: ArgumentHelp("Only this configured target (repeatable).", valueName: "name"))
    var targets: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp("DCS API base URL, overriding the region's (e.g. http://127.0.0.1:8080).", valueName: "url"))
    var endpoint: String?

    @Option(
        name: .customLong("project-id"), help: ArgumentHelp("Project id (overrides config and environment).", valueName: "id"))
    var projectID: String?

    @Option(name: .long, help: ArgumentHelp("Region, e.g. eu-de, eu-nl, ap-southeast-1; gives the endpoint.", valueName: "name"))
    var region: String?

    @Option(name: .customLong("ak"), help: ArgumentHelp("Access key (prefer HUAWEICLOUD_SDK_AK).", valueName: "key"))
    var accessKey: String?

    @Option(
        name: .customLong("sk"),
        help: ArgumentHelp(
            "Secret key. Visible in shell history and to other users via ps: prefer HUAWEICLOUD_SDK_SK or the credentials file.",
            valueName: "key"))
    var secretKey: String?

    @Option(name: .customLong("security-token"), help: ArgumentHelp("Security token of temporary AK/SK.", valueName: "token"))
    var securityToken: String?

    @Option(
        name: .customLong("request-timeout"),
        help: ArgumentHelp("Seconds one request may take (default 30).", valueName: "seconds"))
    var requestTimeout: Double?

    func validate() throws {
        if let endpoint, Self.parseEndpoint(endpoint) == nil {
            throw ValidationError("--endpoint must be an http(s) URL such as https://dcs.eu-de.otc.t-systems.com")
        }
        if let region, region.isEmpty || region.contains("/") {
            throw ValidationError("--region must be a region id such as eu-de or ap-southeast-1")
        }
        if let requestTimeout, !(requestTimeout > 0 && requestTimeout <= 600) {
            throw ValidationError("--request-timeout must be between 0 and 600 seconds")
        }
    }

    /// The flags as resolver overrides.
    var overrides: TargetOverrides {
        TargetOverrides(
            targetNames: targets, endpoint: endpoint.flatMap(Self.parseEndpoint), projectID: projectID, region: region,
            accessKey: accessKey, secretKey: secretKey, securityToken: securityToken)
    }

    /// An absolute http(s) URL with a host, or nil.
    static func parseEndpoint(_ text: String) -> URL? {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            url.host?.isEmpty == false
        else { return nil }
        return url
    }
}
