import Foundation

/// What the command line says about targets; flags outrank the config file and the environment.
public struct TargetOverrides: Sendable, Hashable {
    /// `--target NAME` (repeatable): only these configured targets; empty means all.
    public var targetNames: [String]
    /// `--endpoint URL`.
    public var endpoint: URL?
    /// `--project-id ID`.
    public var projectID: String?
    /// `--region NAME`.
    public var region: String?
    /// `--ak`.
    public var accessKey: String?
    /// `--sk` (discouraged: visible in shell history and `ps`).
    public var secretKey: String?
    /// `--security-token`.
    public var securityToken: String?

    /// Builds overrides; everything defaults to "not given".
    public init(
        targetNames: [String] = [], endpoint: URL? = nil, projectID: String? = nil, region: String? = nil,
        accessKey: String? = nil, secretKey: String? = nil, securityToken: String? = nil
    ) {
        self.targetNames = targetNames
        self.endpoint = endpoint
        self.projectID = projectID
        self.region = region
        self.accessKey = accessKey
        self.secretKey = secretKey
        self.securityToken = securityToken
    }
}

/// The targets to query and what the user should be warned about.
public struct TargetResolution: Sendable {
    /// Targets in config order (or the single "default" target).
    public var targets: [ResolvedTarget]
    /// Warnings from the config and the credential sources (never containing a secret).
    public var warnings: [String]
}

/// Credentials, project and region found in one source outside the config file (environment,
/// credentials file, clouds.yaml), in the order of dcs-api-notes.md.
struct AmbientSource: Sendable {
    /// Names the source in messages ("HUAWEICLOUD_SDK_*", "~/.huaweicloud/credentials").
    var name: String
    /// Credentials, when this source has them.
    var auth: TargetAuth?
    /// Project id, when set here.
    var projectID: String?
    /// Region, when set here.
    var region: String?
    /// IAM endpoint (`OS_AUTH_URL`, clouds.yaml `auth_url`).
    var iamEndpoint: URL?
}
