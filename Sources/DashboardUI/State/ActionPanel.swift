import DCSKit
import Foundation

/// The actions menu (`a`) or the confirmation dialog of one chosen action (issue 17). Both hold the
/// tasks themselves, copied when they opened: a refresh that reorders or removes rows never changes
/// what is acted on.
public enum ActionPanel: Sendable, Hashable {
    /// The menu of actions for these tasks.
    case menu([WatchedTask])
    /// The confirmation of one action.
    case dialog(ActionDialog)
}

/// The confirmation of one action for exactly the tasks it names. Cancel has the focus: only `y`
/// (stop, restart) or the typed action word and Enter (switch, roll back, delete) confirm.
public struct ActionDialog: Sendable, Hashable {
    /// The action.
    public var action: TaskAction
    /// The tasks, bound when the dialog opened.
    public var tasks: [WatchedTask]
    /// Each task's sync state when the dialog opened ("" when it has none), same order as `tasks`.
    public var syncStates: [String]
    /// What the user typed so far (for the actions that need the word).
    public var typed = ""

    /// Builds a dialog.
    public init(action: TaskAction, tasks: [WatchedTask], syncStates: [String]) {
        self.action = action
        self.tasks = tasks
        self.syncStates = syncStates
    }

    /// True when the user must type the action word: the switch, its roll back and delete cannot be
    /// undone with one key.
    public var needsWord: Bool { [.exchangeIP, .rollbackIP, .delete].contains(action) }

    /// The line that says how to confirm.
    public var prompt: String {
        needsWord
            ? "Type \(action.confirmationWord) and Enter to confirm; Esc cancels: " + typed
            : "y confirms; n or Esc cancels (Cancel has the focus)"
    }
}

/// Whether the dashboard may send writes (issue 17), from `WritePermission` and each target's
/// `read_only`, decided by the composition root.
public struct WriteAccess: Sendable, Hashable {
    /// True with `--write` or `allow_write`.
    public var writesOn = false
    /// Why a target takes no writes (its `read_only`), by target name.
    public var refusals: [String: String] = [:]

    /// Builds the access; the default is read-only.
    public init(writesOn: Bool = false, refusals: [String: String] = [:]) {
        self.writesOn = writesOn
        self.refusals = refusals
    }

    /// The message of a refused write when writes are off.
    public static let readOnlyMessage = "read-only: start with --write"
}
