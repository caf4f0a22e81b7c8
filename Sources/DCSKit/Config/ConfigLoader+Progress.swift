import Foundation

extension ConfigLoader {
    /// Parses the progress and notification keys of issue 5 (`stats_interval_seconds`,
    /// `notifications`, `notify_on`, `notification_escape`).
    static func parseProgressKey(_ key: String, _ value: JSONValue, path: String, into config: inout DCSWatchConfig) throws {
        switch key {
        case "stats_interval_seconds":
            guard value.numberShape != nil, let seconds = value.lenientDouble else {
                throw ConfigError.wrongType(path: path, key: key, expected: "a number of seconds, e.g. 10")
            }
            guard seconds >= 1, seconds <= 3_600 else {
                throw ConfigError.invalidValue(path: path, key: key, fix: "use 1 to 3600 seconds")
            }
            config.statsIntervalSeconds = seconds
        case "notifications":
            guard let text = value.plainString, let mode = NotificationMode(rawValue: text) else {
                throw ConfigError.invalidValue(path: path, key: key, fix: "use \"off\", \"bell\" or \"on\"")
            }
            config.notifications = mode
        case "notify_on":
            guard let items = value.arrayValue else {
                throw ConfigError.wrongType(path: path, key: key, expected: "an array such as [\"failed\", \"succeeded\"]")
            }
            var categories: Set<StatusCategory> = []
            for item in items {
                guard let text = item.plainString, let category = StatusCategory(rawValue: text.lowercased()) else {
                    throw ConfigError.invalidValue(
                        path: path, key: key, fix: "use categories: running, stopping, succeeded, stopped, failed, unknown")
                }
                categories.insert(category)
            }
            config.notifyOn = categories
        case "notification_escape":
            guard let text = value.plainString, let escape = DesktopEscape(rawValue: text.lowercased()) else {
                throw ConfigError.invalidValue(path: path, key: key, fix: "use \"osc9\" or \"osc777\"")
            }
            config.notificationEscape = escape
        default:
            break
        }
    }
}

extension JSONValue {
    /// The value when it is a JSON string (not a number or bool); nil otherwise.
    var plainString: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}
