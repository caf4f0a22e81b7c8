import Foundation

/// Reads the typed keys of a config file's object, each error naming its key and the fix.
struct ConfigReader {
    /// The object read.
    let object: KeyedDecodingContainer<JSONKey>
    /// The file, for the messages.
    let path: String

    /// A JSON number of seconds within `range` (a numeric string is a type error: JSON has numbers).
    func seconds(_ key: JSONKey, range: ClosedRange<Double>) throws -> Double {
        guard let seconds = try? object.decode(Double.self, forKey: key), seconds.isFinite else {
            throw ConfigError.wrongType(path: path, key: key.stringValue, expected: "a number of seconds, e.g. 10")
        }
        guard range.contains(seconds) else {
            throw ConfigError.invalidValue(
                path: path, key: key.stringValue, fix: "use \(Int(range.lowerBound)) to \(Int(range.upperBound)) seconds")
        }
        return seconds
    }

    /// A JSON `true` or `false`; `shownAs` names the key in the error (`targets[0].read_only`).
    func flag(_ key: JSONKey, shownAs: String? = nil) throws -> Bool {
        guard let value = try? object.decode(Bool.self, forKey: key) else {
            throw ConfigError.wrongType(path: path, key: shownAs ?? key.stringValue, expected: "true or false")
        }
        return value
    }

    /// The progress and notification keys of issue 5 (`stats_interval_seconds`, `notifications`,
    /// `notify_on`, `notification_escape`) and the sync thresholds of issue 16 (`sync_lag_threshold`,
    /// `sync_polls`).
    func progressKey(_ key: JSONKey, into config: inout DCSWatchConfig) throws {
        let name = key.stringValue
        switch name {
        case "stats_interval_seconds":
            config.statsIntervalSeconds = try seconds(key, range: 1...3_600)
        case "notifications":
            guard let text = try? object.decode(String.self, forKey: key), let mode = NotificationMode(rawValue: text) else {
                throw ConfigError.invalidValue(path: path, key: name, fix: "use \"off\", \"bell\" or \"on\"")
            }
            config.notifications = mode
        case "notify_on":
            guard var items = try? object.nestedUnkeyedContainer(forKey: key) else {
                throw ConfigError.wrongType(path: path, key: name, expected: "an array such as [\"failed\", \"succeeded\"]")
            }
            var categories: Set<StatusCategory> = []
            var changes: Set<SyncChange> = []
            while !items.isAtEnd {
                let text = (try? items.decode(String.self))?.lowercased() ?? ""
                if let category = StatusCategory(rawValue: text) {
                    categories.insert(category)
                } else if let change = SyncChange(rawValue: text) {
                    changes.insert(change)
                } else {
                    throw ConfigError.invalidValue(
                        path: path, key: name,
                        fix: "use categories (running, stopping, succeeded, stopped, failed, unknown) "
                            + "or sync changes (in_sync, fell_behind, restarted)")
                }
            }
            config.notifyOn = categories
            config.notifyOnSync = changes
        case "sync_lag_threshold":
            guard let threshold = try? object.decode(Double.self, forKey: key), threshold.isFinite, threshold >= 0 else {
                throw ConfigError.invalidValue(
                    path: path, key: name, fix: "use a number of at least 0: the highest offset that counts as caught up")
            }
            config.syncLagThreshold = threshold
        case "sync_polls":
            guard let polls = try? object.decode(Int.self, forKey: key), (1...SyncThresholds.maximumPolls).contains(polls)
            else {
                throw ConfigError.invalidValue(
                    path: path, key: name, fix: "use a whole number from 1 to \(SyncThresholds.maximumPolls)")
            }
            config.syncPolls = polls
        case "notification_escape":
            guard let text = try? object.decode(String.self, forKey: key),
                let escape = DesktopEscape(rawValue: text.lowercased())
            else {
                throw ConfigError.invalidValue(path: path, key: name, fix: "use \"osc9\" or \"osc777\"")
            }
            config.notificationEscape = escape
        default:
            break
        }
    }
}

extension ConfigReader {
    /// One element of `targets`, with the warnings of its unknown keys.
    static func target(_ decoder: Decoder, index: Int, path: String) throws -> (TargetConfig, [String]) {
        let prefix = "targets[\(index)]"
        guard let object = try? decoder.container(keyedBy: JSONKey.self) else {
            throw ConfigError.wrongType(path: path, key: prefix, expected: "an object with name, region, project_id…")
        }
        func string(_ name: String) throws -> String? {
            let key = JSONKey(name)
            guard object.contains(key), try object.decodeNil(forKey: key) == false else { return nil }
            guard let text = try? object.decode(String.self, forKey: key) else {
                throw ConfigError.wrongType(path: path, key: "\(prefix).\(name)", expected: "a string")
            }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : trimmed
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
        var target = TargetConfig(
            name: name, index: index, region: region, endpoint: try url("endpoint"), projectID: try string("project_id"),
            iamEndpoint: try url("iam_endpoint"), accessKey: try string("access_key"), secretKey: try string("secret_key"),
            secretKeyEnv: try string("secret_key_env"), securityToken: try string("security_token"),
            iamUser: try string("iam_user"), iamPassword: try string("iam_password"),
            iamPasswordEnv: try string("iam_password_env"), iamDomain: try string("iam_domain"))
        if object.contains(JSONKey("read_only")) {
            target.readOnly = try ConfigReader(object: object, path: path).flag(
                JSONKey("read_only"), shownAs: "\(prefix).read_only")
        }
        let warnings = object.allKeys.map(\.stringValue).sorted().filter {
            !$0.hasPrefix("_") && !ConfigLoader.targetKeys.contains($0)
        }.map { "config file \(path): \(prefix).\(SafeText.line($0, limit: 60)) is not a known key and is ignored (typo?)" }
        return (target, warnings)
    }
}
