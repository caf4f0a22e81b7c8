import Foundation

extension TargetResolver {
    /// The sources outside the config file, in precedence order; a half-set pair in one is an error.
    func ambientSources(warnings: inout [String]) throws -> [AmbientSource] {
        var sources: [AmbientSource] = []
        if let token = value("DCSWATCH_AUTH_TOKEN") {
            sources.append(AmbientSource(name: "DCSWATCH_AUTH_TOKEN", auth: .token(token)))
        }
        sources.append(
            AmbientSource(
                name: "HUAWEICLOUD_SDK_*",
                auth: try pair("HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK", token: "HUAWEICLOUD_SDK_SECURITY_TOKEN"),
                projectID: value("HUAWEICLOUD_SDK_PROJECT_ID")))
        var openStack = try pair("OS_ACCESS_KEY", "OS_SECRET_KEY", token: "OS_SECURITY_TOKEN")
        if openStack == nil, let user = value("OS_USERNAME") {
            guard let password = value("OS_PASSWORD") else {
                throw ConfigError.incompleteCredential(source: "the environment", present: "OS_USERNAME", missing: "OS_PASSWORD")
            }
            let domain = value("OS_USER_DOMAIN_NAME") ?? value("OS_DOMAIN_NAME") ?? user
            openStack = .password(PasswordIdentity(userName: user, password: password, domainName: domain))
        }
        sources.append(
            AmbientSource(
                name: "OS_*", auth: openStack, projectID: value("OS_PROJECT_ID"), region: value("OS_REGION_NAME"),
                iamEndpoint: value("OS_AUTH_URL").flatMap(URL.init(string:))))
        if let file = try credentialsFileSource(warnings: &warnings) { sources.append(file) }
        if let cloud = try cloudsYAMLSource(warnings: &warnings) { sources.append(cloud) }
        return sources
    }

    /// AK/SK for `debug sign`, by the same precedence as `resolve` (a token or password cannot sign),
    /// with the project id the client would send; needs no endpoint.
    public func signingCredentials(
        config: DCSWatchConfig, overrides: TargetOverrides
    ) throws -> (credentials: SigningCredentials, projectID: String?, source: String) {
        var warnings: [String] = []
        let ambient = try ambientSources(warnings: &warnings)
        let entry =
            overrides.targetNames.first.flatMap { name in config.targets.first { $0.name == name } }
            ?? config.targets.first
        if let name = overrides.targetNames.first, entry?.name != name {
            throw ConfigError.unknownTarget(name: name, available: config.targets.map(\.name))
        }
        let projectID = overrides.projectID ?? entry?.projectID ?? ambient.lazy.compactMap(\.projectID).first
        var candidates: [(TargetAuth?, String)] = [(try flagCredentials(overrides), "flags")]
        if let entry {
            candidates.append(
                (
                    try configCredentials(entry, path: config.path ?? "(none)", prefix: "targets[\(entry.index)]"),
                    "config \(config.path ?? "")"
                ))
        }
        candidates += ambient.map { ($0.auth, $0.name) }
        for (auth, source) in candidates {
            if let auth, case .signing(let credentials) = TargetResolver.applying(overrides.securityToken, to: auth) {
                return (credentials, projectID, source)
            }
        }
        throw ConfigError.missingCredentials(target: entry?.name ?? "default")
    }

    private func value(_ name: String) -> String? {
        guard let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    private var environment: [String: String] { loader.environment }

    private func pair(_ akName: String, _ skName: String, token: String) throws -> TargetAuth? {
        switch (value(akName), value(skName)) {
        case (nil, nil): return nil
        case (let ak?, let sk?): return .signing(SigningCredentials(accessKey: ak, secretKey: sk, securityToken: value(token)))
        case (nil, _): throw ConfigError.incompleteCredential(source: "the environment", present: skName, missing: akName)
        case (_, nil): throw ConfigError.incompleteCredential(source: "the environment", present: akName, missing: skName)
        }
    }

    /// `~/.huaweicloud/credentials` (or `HUAWEICLOUD_SDK_CREDENTIALS_FILE`), section `[basic]`.
    private func credentialsFileSource(warnings: inout [String]) throws -> AmbientSource? {
        let explicit = value("HUAWEICLOUD_SDK_CREDENTIALS_FILE")
        let path = explicit.map(loader.expand) ?? loader.homeDirectory + "/.huaweicloud/credentials"
        guard let data = loader.readFile(path) else {
            if explicit != nil { throw ConfigError.fileNotFound(path: path, source: "HUAWEICLOUD_SDK_CREDENTIALS_FILE") }
            return nil
        }
        let basic = CredentialsFile.section("basic", in: String(decoding: data, as: UTF8.self))
        let ak = basic["ak"].flatMap { $0.isEmpty ? nil : $0 }
        let sk = basic["sk"].flatMap { $0.isEmpty ? nil : $0 }
        var auth: TargetAuth?
        switch (ak, sk) {
        case (nil, nil): auth = nil
        case (let ak?, let sk?):
            auth = .signing(SigningCredentials(accessKey: ak, secretKey: sk, securityToken: basic["security_token"]))
            if let mode = loader.fileMode(path), mode & 0o044 != 0 {
                warnings.append("\(path) holds a secret key and is readable by other users — run: chmod 600 \(path)")
            }
        case (nil, _): throw ConfigError.incompleteCredential(source: path, present: "[basic] sk", missing: "[basic] ak")
        case (_, nil): throw ConfigError.incompleteCredential(source: path, present: "[basic] ak", missing: "[basic] sk")
        }
        return AmbientSource(name: path, auth: auth, projectID: basic["project_id"].flatMap { $0.isEmpty ? nil : $0 })
    }

    /// The `OS_CLOUD` entry of the first `clouds.yaml` that defines it: `ak`/`sk` at cloud level (or
    /// under `auth`), else `auth.username`/`auth.password` for an IAM token.
    private func cloudsYAMLSource(warnings: inout [String]) throws -> AmbientSource? {
        guard let cloudName = value("OS_CLOUD") else { return nil }
        let paths = [
            currentDirectory + "/clouds.yaml", loader.homeDirectory + "/.config/openstack/clouds.yaml",
            "/etc/openstack/clouds.yaml",
        ]
        for path in paths {
            guard let data = loader.readFile(path) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            guard let (cloud, authKeys) = try CloudsYAML.cloud(named: cloudName, in: text, path: path) else { continue }
            func field(_ key: String) -> String? {
                let text = cloud[key] ?? authKeys[key]
                return text?.isEmpty == false ? text : nil
            }
            func authField(_ key: String) -> String? { authKeys[key].flatMap { $0.isEmpty ? nil : $0 } }
            var auth: TargetAuth?
            if let ak = field("ak") ?? field("access_key") {
                guard let sk = field("sk") ?? field("secret_key") else {
                    throw ConfigError.incompleteCredential(source: "\(path) (cloud \(cloudName))", present: "ak", missing: "sk")
                }
                auth = .signing(SigningCredentials(accessKey: ak, secretKey: sk, securityToken: field("security_token")))
            } else if let user = authField("username") {
                guard let password = authField("password") else {
                    throw ConfigError.incompleteCredential(
                        source: "\(path) (cloud \(cloudName))", present: "auth.username", missing: "auth.password")
                }
                let domain =
                    authField("user_domain_name") ?? authField("domain_name") ?? authField("project_domain_name") ?? user
                auth = .password(PasswordIdentity(userName: user, password: password, domainName: domain))
            }
            if auth != nil, let mode = loader.fileMode(path), mode & 0o044 != 0 {
                warnings.append("\(path) holds credentials and is readable by other users — run: chmod 600 \(path)")
            }
            return AmbientSource(
                name: "\(path) (cloud \(cloudName))", auth: auth, projectID: field("project_id"),
                region: cloud["region_name"], iamEndpoint: authField("auth_url").flatMap(URL.init(string:)))
        }
        throw ConfigError.cloudNotFound(name: cloudName, searched: paths)
    }
}
