/// Why the configuration could not be used: each message names the file (or variable), the key, and
/// the fix. Never carries a secret value.
public enum ConfigError: UserFacingError, Hashable {
    /// A config file named by `--config` or `DCSWATCH_CONFIG` does not exist or cannot be read.
    case fileNotFound(path: String, source: String)
    /// The file is not valid JSON.
    case invalidJSON(path: String, detail: String)
    /// A key has the wrong JSON type.
    case wrongType(path: String, key: String, expected: String)
    /// A key's value is not acceptable; `fix` says what would be.
    case invalidValue(path: String, key: String, fix: String)
    /// Two targets share a name.
    case duplicateTarget(path: String, name: String)
    /// `--target NAME` names no configured target.
    case unknownTarget(name: String, available: [String])
    /// A flag that overrides one target was given while several are selected.
    case overrideNeedsOneTarget(flag: String, count: Int)
    /// No project id from any source.
    case missingProjectID(target: String)
    /// Neither an endpoint nor a region from any source.
    case missingEndpoint(target: String)
    /// No credentials from any source.
    case missingCredentials(target: String)
    /// One half of a credential pair was found without the other (`source` names where).
    case incompleteCredential(source: String, present: String, missing: String)
    /// A `*_env` key names an environment variable that is not set.
    case missingEnvironmentVariable(path: String, key: String, variable: String)
    /// A region name (from `source`) that cannot be a region id.
    case invalidRegion(value: String, source: String)
    /// `OS_CLOUD` names a cloud that no clouds.yaml holds.
    case cloudNotFound(name: String, searched: [String])
    /// A clouds.yaml that YAML cannot read, or a used key of the wrong shape; `line` is 1-based.
    case invalidYAML(path: String, line: Int?, detail: String)

    /// One line: what is wrong, where, and how to fix it.
    public var userMessage: String {
        switch self {
        case .fileNotFound(let path, let source) where source == "HUAWEICLOUD_SDK_CREDENTIALS_FILE":
            return "credentials file \(q(path)) (from HUAWEICLOUD_SDK_CREDENTIALS_FILE) does not exist or cannot be read — "
                + "fix the path or unset the variable"
        case .fileNotFound(let path, let source):
            return "config file \(q(path)) (from \(source)) does not exist or cannot be read — check the path, "
                + "or copy config.example.json there"
        case .invalidJSON(let path, let detail):
            return "config file \(q(path)) is not valid JSON (\(SafeText.line(detail, limit: 160))) — fix the syntax; "
                + "JSON has no comments, use \"_comment\" keys"
        case .wrongType(let path, let key, let expected):
            return "config file \(q(path)): \(key) must be \(expected) — correct the value"
        case .invalidValue(let path, let key, let fix):
            return "config file \(q(path)): \(key) is invalid — \(fix)"
        case .duplicateTarget(let path, let name):
            return "config file \(q(path)): two targets are named \(q(name)) — give each target a unique name"
        case .unknownTarget(let name, let available):
            let known = available.isEmpty ? "no targets are configured" : "known: " + available.map(q).joined(separator: ", ")
            return "no target named \(q(name)) (\(known)) — check --target or the config's targets[].name"
        case .overrideNeedsOneTarget(let flag, let count):
            return "\(flag) overrides one target but \(count) are selected — add --target NAME"
        case .missingProjectID(let target):
            return "no project id for target \(q(target)) — set project_id in the config, --project-id, "
                + "or HUAWEICLOUD_SDK_PROJECT_ID"
        case .missingEndpoint(let target):
            return "no endpoint for target \(q(target)) — set region (e.g. eu-de, ap-southeast-1) or endpoint in the "
                + "config, --region, --endpoint, or OS_REGION_NAME"
        case .missingCredentials(let target):
            return "no credentials for target \(q(target)) — set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, "
                + "access_key/secret_key_env in the config, ~/.huaweicloud/credentials, or DCSWATCH_AUTH_TOKEN"
        case .incompleteCredential(let source, let present, let missing):
            return "\(source) sets \(present) but not \(missing) — set both, or neither"
        case .missingEnvironmentVariable(let path, let key, let variable):
            return "config file \(q(path)): \(key) names the environment variable \(variable), which is not set — "
                + "export \(variable) or change \(key)"
        case .invalidRegion(let value, let source):
            return "region \(q(value)) (from \(source)) is not a region id — use one such as eu-de, eu-nl or ap-southeast-1"
        case .cloudNotFound(let name, let searched):
            return "OS_CLOUD=\(q(name)) but no clouds.yaml defines it (searched \(searched.joined(separator: ", "))) — "
                + "check OS_CLOUD or the clouds: section"
        case .invalidYAML(let path, let line, let detail):
            let place = line.map { " at line \($0)" } ?? ""
            return "\(q(path))\(place) is not a clouds.yaml dcswatch can read (\(SafeText.line(detail, limit: 160))) — "
                + "fix that line, or unset OS_CLOUD"
        }
    }

    private func q(_ text: String) -> String { "\"\(SafeText.line(text, limit: 200))\"" }
}
