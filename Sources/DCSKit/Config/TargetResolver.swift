import Foundation

/// Turns the config file, the flags and the environment into `ResolvedTarget`s.
///
/// Precedence (dcs-api-notes.md, "Where users keep credentials"): flags, then the target's entry in
/// the config file, then `DCSWATCH_AUTH_TOKEN`, `HUAWEICLOUD_SDK_*`, `OS_*`, the SDK credentials file,
/// and `clouds.yaml` via `OS_CLOUD`. The first source with credentials wins; project id and region
/// fall back through the same order independently.
public struct TargetResolver: Sendable {
    /// Environment, files and home directory (shared with the config loader).
    public let loader: ConfigLoader
    /// The working directory, for `./clouds.yaml`.
    public let currentDirectory: String

    /// Builds a resolver.
    public init(loader: ConfigLoader, currentDirectory: String = FileManager.default.currentDirectoryPath) {
        self.loader = loader
        self.currentDirectory = currentDirectory
    }

    private var environment: [String: String] { loader.environment }

    /// Resolves every selected target; throws `ConfigError` for anything missing or contradictory.
    public func resolve(config: DCSWatchConfig, overrides: TargetOverrides = TargetOverrides()) throws -> TargetResolution {
        var warnings = config.warnings
        let ambient = try ambientSources(warnings: &warnings)
        var entries = config.targets
        if !overrides.targetNames.isEmpty {
            entries = try overrides.targetNames.map { name in
                guard let entry = config.targets.first(where: { $0.name == name }) else {
                    throw ConfigError.unknownTarget(name: name, available: config.targets.map(\.name))
                }
                return entry
            }
        }
        if entries.isEmpty { entries = [TargetConfig(name: "default", index: -1)] }
        if entries.count > 1 {
            for (flag, given) in [
                ("--endpoint", overrides.endpoint != nil), ("--project-id", overrides.projectID != nil),
                ("--region", overrides.region != nil),
            ] where given {
                throw ConfigError.overrideNeedsOneTarget(flag: flag, count: entries.count)
            }
        }
        let targets = try entries.map { try resolve($0, config: config, overrides: overrides, ambient: ambient) }
        for target in targets where target.endpoint.scheme?.lowercased() == "http" && !TargetResolver.isLoopback(target.endpoint)
        {
            if case .signing = target.auth { continue }
            warnings.append("target \(target.name): the token goes over plain HTTP to \(target.host) — use https")
        }
        return TargetResolution(targets: targets, warnings: warnings)
    }

    private func resolve(
        _ entry: TargetConfig, config: DCSWatchConfig, overrides: TargetOverrides, ambient: [AmbientSource]
    ) throws -> ResolvedTarget {
        let path = config.path ?? "(none)"
        let prefix = "targets[\(entry.index)]"
        var auth: TargetAuth?
        var source = ""
        if let flagAuth = try flagCredentials(overrides) {
            (auth, source) = (flagAuth, "flags")
        } else if let configAuth = try configCredentials(entry, path: path, prefix: prefix) {
            (auth, source) = (configAuth, "config \(path)")
        } else if let first = ambient.first(where: { $0.auth != nil }) {
            (auth, source) = (first.auth, first.name)
        }
        guard var auth else { throw ConfigError.missingCredentials(target: entry.name) }
        auth = TargetResolver.applying(overrides.securityToken, to: auth)

        let projectID = overrides.projectID ?? entry.projectID ?? ambient.lazy.compactMap(\.projectID).first
        guard let projectID, !projectID.isEmpty else { throw ConfigError.missingProjectID(target: entry.name) }
        let ambientRegion = ambient.first { $0.region != nil }
        let region = overrides.region ?? entry.region ?? ambientRegion?.region
        if let region, !RegionEndpoints.isPlausibleRegion(region) {
            let source =
                overrides.region != nil ? "--region" : (entry.region != nil ? "config \(path)" : ambientRegion?.name ?? "")
            throw ConfigError.invalidRegion(value: region, source: source)
        }
        let endpoint = overrides.endpoint ?? entry.endpoint ?? region.flatMap(RegionEndpoints.dcsEndpoint(region:))
        guard let endpoint else { throw ConfigError.missingEndpoint(target: entry.name) }
        var iamEndpoint: URL?
        if case .password = auth {
            iamEndpoint =
                entry.iamEndpoint ?? ambient.lazy.compactMap(\.iamEndpoint).first
                ?? region.flatMap(RegionEndpoints.iamEndpoint(region:))
                ?? RegionEndpoints.iamEndpoint(forDCSEndpoint: endpoint)
        }
        return ResolvedTarget(
            name: entry.name, endpoint: endpoint, projectID: projectID, auth: auth, iamEndpoint: iamEndpoint,
            credentialSource: source, readOnly: entry.readOnly)
    }

    /// AK/SK from `--ak`/`--sk`; both or neither.
    func flagCredentials(_ overrides: TargetOverrides) throws -> TargetAuth? {
        switch (overrides.accessKey, overrides.secretKey) {
        case (nil, nil): return nil
        case (let ak?, let sk?):
            return .signing(SigningCredentials(accessKey: ak, secretKey: sk, securityToken: overrides.securityToken))
        case (nil, _): throw ConfigError.incompleteCredential(source: "the command line", present: "--sk", missing: "--ak")
        case (_, nil): throw ConfigError.incompleteCredential(source: "the command line", present: "--ak", missing: "--sk")
        }
    }

    /// AK/SK or IAM user from the target's config entry.
    func configCredentials(_ entry: TargetConfig, path: String, prefix: String) throws -> TargetAuth? {
        let source = "config file \(path)"
        let secret = try entry.secretKey ?? variable(entry.secretKeyEnv, path: path, key: "\(prefix).secret_key_env")
        if let accessKey = entry.accessKey {
            guard let secret else {
                throw ConfigError.incompleteCredential(
                    source: source, present: "\(prefix).access_key", missing: "\(prefix).secret_key or secret_key_env")
            }
            return .signing(SigningCredentials(accessKey: accessKey, secretKey: secret, securityToken: entry.securityToken))
        }
        if secret != nil {
            throw ConfigError.incompleteCredential(
                source: source, present: "\(prefix).secret_key", missing: "\(prefix).access_key")
        }
        let password = try entry.iamPassword ?? variable(entry.iamPasswordEnv, path: path, key: "\(prefix).iam_password_env")
        if let user = entry.iamUser {
            guard let password else {
                throw ConfigError.incompleteCredential(
                    source: source, present: "\(prefix).iam_user", missing: "\(prefix).iam_password or iam_password_env")
            }
            return .password(PasswordIdentity(userName: user, password: password, domainName: entry.iamDomain ?? user))
        }
        if password != nil {
            throw ConfigError.incompleteCredential(
                source: source, present: "\(prefix).iam_password", missing: "\(prefix).iam_user")
        }
        return nil
    }

    /// The value of the environment variable a `*_env` key names.
    private func variable(_ name: String?, path: String, key: String) throws -> String? {
        guard let name else { return nil }
        guard let value = environment[name], !value.isEmpty else {
            throw ConfigError.missingEnvironmentVariable(path: path, key: key, variable: name)
        }
        return value
    }

    /// `--security-token` applies to AK/SK from any source (temporary keys often come from the
    /// environment while the token is pasted on the command line).
    static func applying(_ securityToken: String?, to auth: TargetAuth) -> TargetAuth {
        guard let securityToken, !securityToken.isEmpty, case .signing(let credentials) = auth else { return auth }
        return .signing(
            SigningCredentials(accessKey: credentials.accessKey, secretKey: credentials.secretKey, securityToken: securityToken))
    }

    /// `127.0.0.1`, `::1`, `localhost`.
    static func isLoopback(_ url: URL) -> Bool {
        ["127.0.0.1", "localhost", "::1", "[::1]"].contains(url.host?.lowercased() ?? "")
    }
}
