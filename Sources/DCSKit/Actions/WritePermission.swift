import Foundation

/// Whether writes may be sent to a target (issue 17): reads are the default; `--write` or the
/// config's `allow_write` turn writes on, and a target's `read_only` wins over both. Pure, so every
/// front end (the commands, the dashboard) asks the same question and gets the same answer.
public struct WritePermission: Sendable, Hashable {
    /// `--write` was given.
    public var writeFlag: Bool
    /// The config's `allow_write`.
    public var allowWrite: Bool

    /// Builds the permission from the flag and the config.
    public init(writeFlag: Bool, allowWrite: Bool) {
        self.writeFlag = writeFlag
        self.allowWrite = allowWrite
    }

    /// Builds the permission from the flag and a loaded config.
    public init(writeFlag: Bool, config: DCSWatchConfig) {
        self.init(writeFlag: writeFlag, allowWrite: config.allowWrite)
    }

    /// True when writes are turned on at all (before any target's `read_only`).
    public var writesOn: Bool { writeFlag || allowWrite }

    /// Why nothing may be written to `target`, or nil when writes may be sent. The target's name is
    /// untrusted text from the config: sanitised for the terminal.
    public func refusal(for target: ResolvedTarget) -> String? {
        let name = SafeText.line(target.name, limit: 64)
        if target.readOnly {
            return "writes are off for target \(name): it is read_only in the config"
        }
        guard writesOn else {
            return "writes are off for target \(name): start with --write (or set allow_write in the config)"
        }
        return nil
    }
}
