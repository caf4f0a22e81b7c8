import Foundation

/// How dcswatch tells the user about a task that finished (issue 5, Notifications).
public enum NotificationMode: String, Sendable, Hashable, CaseIterable {
    /// Nothing.
    case off
    /// The terminal bell only.
    case bell
    /// The bell and a desktop notification escape (OSC 9 or OSC 777).
    case on
}

/// Which desktop notification escape to write: terminals support one or the other (iTerm2, Windows
/// Terminal, kitty, WezTerm: OSC 9; rxvt-unicode, foot, Ghostty, WezTerm: OSC 777).
public enum DesktopEscape: String, Sendable, Hashable, CaseIterable {
    /// `ESC ] 9 ; body BEL`.
    case osc9
    /// `ESC ] 777 ; notify ; title ; body BEL`.
    case osc777
}

/// One notification to give.
public struct TaskAlert: Sendable, Hashable {
    /// A short title ("dcswatch: FAILED").
    public var title: String
    /// The task and, for a failure, its error (sanitised, one line).
    public var body: String
    /// Ring the bell.
    public var bell: Bool
    /// Write the desktop escape.
    public var desktop: Bool

    /// Builds an alert.
    public init(title: String, body: String, bell: Bool, desktop: Bool) {
        self.title = title
        self.body = body
        self.bell = bell
        self.desktop = desktop
    }
}

/// Which events notify, and how.
public struct NotificationPolicy: Sendable, Hashable {
    /// Off, bell, or bell and desktop.
    public var mode: NotificationMode
    /// Categories whose entry notifies (default: failed and succeeded).
    public var categories: Set<StatusCategory>
    /// Sync changes that notify (default: in sync and restarted; issue 16).
    public var syncChanges: Set<SyncChange>
    /// The desktop escape to use in mode `on`.
    public var escape: DesktopEscape

    /// The default categories.
    public static let defaultCategories: Set<StatusCategory> = [.failed, .succeeded]
    /// The default sync changes: the moment to cut over, and a copy that started again. Falling
    /// behind is shown but rings only when asked for: a busy source does it often.
    public static let defaultSyncChanges: Set<SyncChange> = [.inSync, .restarted]

    /// Builds a policy.
    public init(
        mode: NotificationMode = .bell, categories: Set<StatusCategory> = defaultCategories,
        syncChanges: Set<SyncChange> = defaultSyncChanges, escape: DesktopEscape = .osc9
    ) {
        self.mode = mode
        self.categories = categories
        self.syncChanges = syncChanges
        self.escape = escape
    }

    /// The alerts for a batch of events: one per task entering a notifying category by a status
    /// change (a task first seen already finished is not news) or making a notifying sync change.
    /// Several at once are merged into one so a mass failure rings once.
    public func alerts(for events: [TaskEvent]) -> [TaskAlert] {
        guard mode != .off else { return [] }
        let entering = events.filter { event in
            switch event.kind {
            case .statusChanged(let from, let to): return categories.contains(to.category) && from.category != to.category
            case .sync(let change, _, _, _): return syncChanges.contains(change)
            case .added, .removed, .action: return false
            }
        }
        guard let first = entering.first else { return [] }
        let desktop = mode == .on
        if entering.count == 1 {
            let name = SafeText.line(first.name.isEmpty ? first.key.taskID : first.name, limit: 80)
            var body = name + " (" + SafeText.line(first.key.target, limit: 40) + ")"
            let error = SafeText.line(first.errorMessage, limit: 160)
            if case .statusChanged = first.kind, first.kind.status.category == .failed, !error.isEmpty { body += ": " + error }
            return [TaskAlert(title: "dcswatch: " + Self.word(first), body: body, bell: true, desktop: desktop)]
        }
        let counts = Dictionary(grouping: entering, by: Self.word).map { "\($0.value.count) \($0.key)" }.sorted()
        let finished = entering.allSatisfy { if case .statusChanged = $0.kind { return true } else { return false } }
        return [
            TaskAlert(
                title: "dcswatch: \(entering.count) " + (finished ? "tasks finished" : "task changes"),
                body: counts.joined(separator: ", "), bell: true, desktop: desktop)
        ]
    }

    /// The raw status entered, or the sync change's words.
    private static func word(_ event: TaskEvent) -> String {
        if case .sync(let change, _, _, _) = event.kind { return change.words }
        return TaskEvent.statusText(event.kind.status)
    }
}
