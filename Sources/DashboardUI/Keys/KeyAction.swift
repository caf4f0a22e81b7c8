import DCSKit

/// What a key asks for in the task list (the key table maps keys to these; the reducer performs them).
public enum KeyAction: Sendable, Hashable {
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case toggleDetail, openFilter, escape
    case nextSortColumn, reverseSort
    case refresh, togglePause, longerInterval, shorterInterval
    case redraw, quit, toggleHelp
    /// Events pane, logs of the selected task, copy its id (issue 5).
    case toggleEvents, toggleLogs, toggleDetailPane, copyTaskID
    /// Shows or hides one status category (keys 1–4).
    case toggleCategory(StatusCategory)
    /// Mark the selected task; open the actions menu (issue 17, only with writes on).
    case toggleMark, openActions
}
