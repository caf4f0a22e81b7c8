/// The version string, sent in `User-Agent: dcswatch/VERSION` and printed by `--version`.
public enum DCSWatchVersion {
    /// The current version.
    public static let current = "0.1.0"
}
