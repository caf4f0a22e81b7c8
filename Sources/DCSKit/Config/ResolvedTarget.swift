import Foundation

/// One DCS project in one region, ready to be queried: where, which project, and how to authenticate.
/// Produced by `TargetResolver` from the config file, flags and the environment.
public struct ResolvedTarget: Sendable, Hashable {
    /// The name the user knows it by (config `name`, or "default").
    public var name: String
    /// The DCS API base URL, e.g. `https://dcs.eu-de.otc.t-systems.com`.
    public var endpoint: URL
    /// The project id every path carries.
    public var projectID: String
    /// How requests are authenticated.
    public var auth: TargetAuth
    /// The IAM endpoint for `.password` auth; nil otherwise.
    public var iamEndpoint: URL?
    /// Where the credentials came from ("flags", "config …", "HUAWEICLOUD_SDK_*", …), for messages.
    public var credentialSource: String
    /// The config's `read_only`: no write is ever sent to this target (`WritePermission`).
    public var readOnly: Bool

    /// Builds a target.
    public init(
        name: String, endpoint: URL, projectID: String, auth: TargetAuth, iamEndpoint: URL? = nil,
        credentialSource: String = "", readOnly: Bool = false
    ) {
        self.readOnly = readOnly
        self.name = name
        self.endpoint = endpoint
        self.projectID = projectID
        self.auth = auth
        self.iamEndpoint = iamEndpoint
        self.credentialSource = credentialSource
    }

    /// The endpoint's host (with port when explicit), for messages.
    public var host: String {
        RequestSigner.hostHeader(for: endpoint)
    }
}
