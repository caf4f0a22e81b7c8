import Foundation

/// Finds and reads the JSON config file: `--config PATH`, else `$DCSWATCH_CONFIG`, else
/// `$XDG_CONFIG_HOME/dcswatch/config.json`, else `~/.config/dcswatch/config.json`. A file named
/// explicitly must exist; the default locations may be absent (then everything comes from flags and
/// the environment). The environment and the file system are injected, so tests use dictionaries.
public struct ConfigLoader: Sendable {
    /// The process environment.
    public let environment: [String: String]
    /// Reads a whole file; nil when it does not exist or cannot be read.
    public let readFile: @Sendable (String) -> Data?
    /// The user's home directory, for `~`.
    public let homeDirectory: String
    /// The permission bits of a file (`0o644`), nil when unknown; used to warn about readable secrets.
    public let fileMode: @Sendable (String) -> UInt16?

    /// Builds a loader.
    public init(
        environment: [String: String], readFile: @escaping @Sendable (String) -> Data?, homeDirectory: String,
        fileMode: @escaping @Sendable (String) -> UInt16? = { _ in nil }
    ) {
        self.environment = environment
        self.readFile = readFile
        self.homeDirectory = homeDirectory
        self.fileMode = fileMode
    }

    /// The loader for this process: real environment, files and home directory.
    public static func live() -> ConfigLoader {
        let environment = ProcessInfo.processInfo.environment
        return ConfigLoader(
            environment: environment, readFile: { FileManager.default.contents(atPath: $0) },
            homeDirectory: environment["HOME"] ?? NSHomeDirectory(),
            fileMode: { path in
                let attributes = try? FileManager.default.attributesOfItem(atPath: path)
                return (attributes?[.posixPermissions] as? NSNumber).map { UInt16(truncating: $0) }
            })
    }

    /// Where the config is looked for, and whether it must exist.
    public func location(configPath: String?) -> (path: String, source: String, required: Bool) {
        if let configPath, !configPath.isEmpty { return (expand(configPath), "--config", true) }
        if let path = environment["DCSWATCH_CONFIG"], !path.isEmpty { return (expand(path), "DCSWATCH_CONFIG", true) }
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            return (xdg + "/dcswatch/config.json", "XDG_CONFIG_HOME", false)
        }
        return (homeDirectory + "/.config/dcswatch/config.json", "the default location", false)
    }

    /// Reads and validates the config. Throws `ConfigError` naming the file, the key and the fix.
    public func load(configPath: String?) throws -> DCSWatchConfig {
        let (path, source, required) = location(configPath: configPath)
        guard let data = readFile(path) else {
            if required { throw ConfigError.fileNotFound(path: path, source: source) }
            return DCSWatchConfig()
        }
        var config = try ConfigLoader.parse(data, path: path)
        if config.targets.contains(where: \.holdsSecret), let mode = fileMode(path), mode & 0o044 != 0 {
            config.warnings.append(
                "config file \(path) holds a secret and is readable by other users — run: chmod 600 \(path)")
        }
        return config
    }

    /// `~/x` → `{home}/x`.
    func expand(_ path: String) -> String {
        path.hasPrefix("~/") ? homeDirectory + path.dropFirst(1) : path
    }
}
