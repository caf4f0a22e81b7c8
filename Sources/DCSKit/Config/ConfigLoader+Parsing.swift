import Foundation

extension ConfigLoader {
    /// The keys a target entry may have (besides `_`-prefixed comments).
    static let targetKeys: Set<String> = [
        "name", "region", "endpoint", "project_id", "iam_endpoint", "access_key", "secret_key", "secret_key_env",
        "security_token", "iam_user", "iam_password", "iam_password_env", "iam_domain",
    ]

    /// Parses and validates the JSON text of a config file.
    public static func parse(_ data: Data, path: String) throws -> DCSWatchConfig {
        let root: JSONValue
        do {
            root = try JSONValue.parse(data)
        } catch {
            throw ConfigError.invalidJSON(path: path, detail: ConfigLoader.describe(error))
        }
        guard let object = root.objectValue else {
            throw ConfigError.wrongType(path: path, key: "the top level", expected: "an object ({ … })")
        }
        var config = DCSWatchConfig(path: path)
        for (key, value) in object where !key.hasPrefix("_") {
            switch key {
            case "refresh_interval_seconds":
                guard value.numberShape != nil, let seconds = value.lenientDouble else {
                    throw ConfigError.wrongType(path: path, key: key, expected: "a number of seconds, e.g. 10")
                }
                guard seconds >= 1, seconds <= 86_400 else {
                    throw ConfigError.invalidValue(path: path, key: key, fix: "use 1 to 86400 seconds")
                }
                config.refreshIntervalSeconds = seconds
            case "page_size":
                guard value.numberShape != nil, let size = value.lenientInt else {
                    throw ConfigError.wrongType(path: path, key: key, expected: "a whole number, e.g. 1000")
                }
                guard (1...1000).contains(size) else {
                    throw ConfigError.invalidValue(path: path, key: key, fix: "the API allows 1 to 1000")
                }
                config.pageSize = size
            case "detail_pane":
                guard case .bool(let shown) = value else {
                    throw ConfigError.wrongType(path: path, key: key, expected: "true or false")
                }
                config.detailPane = shown
            case "stats_interval_seconds", "notifications", "notify_on", "notification_escape":
                try parseProgressKey(key, value, path: path, into: &config)
            case "targets":
                guard let items = value.arrayValue else {
                    throw ConfigError.wrongType(path: path, key: key, expected: "an array of target objects")
                }
                for (index, item) in items.enumerated() {
                    let (target, warnings) = try parseTarget(item, index: index, path: path)
                    guard !config.targets.contains(where: { $0.name == target.name }) else {
                        throw ConfigError.duplicateTarget(path: path, name: target.name)
                    }
                    config.targets.append(target)
                    config.warnings += warnings
                }
            default:
                config.extra[key] = value
            }
        }
        return config
    }

    private static func parseTarget(_ value: JSONValue, index: Int, path: String) throws -> (TargetConfig, [String]) {
        let prefix = "targets[\(index)]"
        guard let object = value.objectValue else {
            throw ConfigError.wrongType(path: path, key: prefix, expected: "an object with name, region, project_id…")
        }
        func string(_ key: String) throws -> String? {
            switch object[key] {
            case nil, .null?: return nil
            case .string(let text)?:
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                return trimmed.isEmpty ? nil : trimmed
            default: throw ConfigError.wrongType(path: path, key: "\(prefix).\(key)", expected: "a string")
            }
        }
        func url(_ key: String) throws -> URL? {
            guard let text = try string(key) else { return nil }
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
                url.host?.isEmpty == false
            else {
                throw ConfigError.invalidValue(
                    path: path, key: "\(prefix).\(key)", fix: "use a full URL such as https://dcs.eu-de.otc.t-systems.com")
            }
            return url
        }
        guard let name = try string("name") else {
            throw ConfigError.invalidValue(
                path: path, key: "\(prefix).name", fix: "give every target a name, e.g. \"prod-eu-de\"")
        }
        let region = try string("region")
        if let region, !RegionEndpoints.isPlausibleRegion(region) {
            throw ConfigError.invalidValue(
                path: path, key: "\(prefix).region", fix: "use a region id such as eu-de or ap-southeast-1")
        }
        let target = TargetConfig(
            name: name, index: index, region: region, endpoint: try url("endpoint"), projectID: try string("project_id"),
            iamEndpoint: try url("iam_endpoint"), accessKey: try string("access_key"), secretKey: try string("secret_key"),
            secretKeyEnv: try string("secret_key_env"), securityToken: try string("security_token"),
            iamUser: try string("iam_user"), iamPassword: try string("iam_password"),
            iamPasswordEnv: try string("iam_password_env"), iamDomain: try string("iam_domain"))
        let warnings = object.keys.sorted().filter { !$0.hasPrefix("_") && !targetKeys.contains($0) }.map {
            "config file \(path): \(prefix).\(SafeText.line($0, limit: 60)) is not a known key and is ignored (typo?)"
        }
        return (target, warnings)
    }

    /// The parser's error without Foundation's noise: where in the file it failed, when known.
    static func describe(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return underlying ?? context.debugDescription
        }
        return String(describing: error)
    }
}

extension JSONValue {
    /// The value when it is a JSON number (not a numeric string); nil otherwise.
    var numberShape: JSONValue? {
        switch self {
        case .int, .double: return self
        default: return nil
        }
    }
}
