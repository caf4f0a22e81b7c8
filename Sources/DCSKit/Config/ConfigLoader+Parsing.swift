import Foundation

extension ConfigLoader {
    /// The keys a target entry may have (besides `_`-prefixed comments).
    static let targetKeys: Set<String> = [
        "name", "region", "endpoint", "project_id", "iam_endpoint", "access_key", "secret_key", "secret_key_env",
        "security_token", "iam_user", "iam_password", "iam_password_env", "iam_domain", "read_only",
    ]

    /// Parses and validates the JSON text of a config file (`JSONDecoder`; the keys are checked one by
    /// one so that every error names its key and says what to write instead).
    public static func parse(_ data: Data, path: String) throws -> DCSWatchConfig {
        let decoder = JSONDecoder()
        if let key = ConfigDocument.pathKey { decoder.userInfo[key] = path }
        do {
            return try decoder.decode(ConfigDocument.self, from: data).config
        } catch let error as ConfigError {
            throw error
        } catch {
            throw ConfigError.invalidJSON(path: path, detail: LenientJSON.describe(error, in: data))
        }
    }
}

/// The config file's top-level object, read key by key into a `DCSWatchConfig`.
struct ConfigDocument: Decodable {
    /// Where the decoder's `userInfo` carries the file's path, for the messages.
    static let pathKey = CodingUserInfoKey(rawValue: "dcswatch.configPath")

    /// The config read.
    let config: DCSWatchConfig

    init(from decoder: Decoder) throws {
        let path = ConfigDocument.pathKey.flatMap { decoder.userInfo[$0] as? String } ?? ""
        guard let object = try? decoder.container(keyedBy: JSONKey.self) else {
            throw ConfigError.wrongType(path: path, key: "the top level", expected: "an object ({ … })")
        }
        var config = DCSWatchConfig(path: path)
        let reader = ConfigReader(object: object, path: path)
        for key in object.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) where !key.stringValue.hasPrefix("_") {
            switch key.stringValue {
            case "refresh_interval_seconds":
                config.refreshIntervalSeconds = try reader.seconds(key, range: 1...86_400)
            case "page_size":
                guard let size = try? object.decode(Int.self, forKey: key) else {
                    throw ConfigError.wrongType(path: path, key: key.stringValue, expected: "a whole number, e.g. 1000")
                }
                guard (1...1000).contains(size) else {
                    throw ConfigError.invalidValue(path: path, key: key.stringValue, fix: "the API allows 1 to 1000")
                }
                config.pageSize = size
            case "detail_pane":
                config.detailPane = try reader.flag(key)
            case "allow_write":
                config.allowWrite = try reader.flag(key)
            case "stats_interval_seconds", "notifications", "notify_on", "notification_escape", "sync_lag_threshold",
                "sync_polls":
                try reader.progressKey(key, into: &config)
            case "targets":
                guard var items = try? object.nestedUnkeyedContainer(forKey: key) else {
                    throw ConfigError.wrongType(path: path, key: key.stringValue, expected: "an array of target objects")
                }
                while !items.isAtEnd {
                    let (target, warnings) = try ConfigReader.target(
                        try items.superDecoder(), index: config.targets.count, path: path)
                    guard !config.targets.contains(where: { $0.name == target.name }) else {
                        throw ConfigError.duplicateTarget(path: path, name: target.name)
                    }
                    config.targets.append(target)
                    config.warnings += warnings
                }
            default:
                config.otherKeys.append(key.stringValue)
            }
        }
        self.config = config
    }
}
