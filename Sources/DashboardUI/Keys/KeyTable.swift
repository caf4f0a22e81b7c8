import DCSKit

/// The one key table (htop's pattern): it drives dispatch, the bottom-line hints and the help overlay,
/// so the three never disagree.
public enum KeyTable {
    /// Every binding of the task list, in help order.
    public static let bindings: [KeyBinding] = [
        KeyBinding([.up, .character("k")], summary: "select previous task", action: .moveUp),
        KeyBinding([.down, .character("j")], summary: "select next task", action: .moveDown),
        KeyBinding([.pageUp, .control("b")], summary: "page up", action: .pageUp),
        KeyBinding([.pageDown, .control("f")], summary: "page down", action: .pageDown),
        KeyBinding([.home, .character("g")], summary: "first task", action: .top),
        KeyBinding([.end, .character("G")], summary: "last task", action: .bottom),
        KeyBinding([.enter], summary: "full-screen detail on/off", hint: "detail", action: .toggleDetail),
        KeyBinding([.character("d")], summary: "detail pane beside the list on/off", action: .toggleDetailPane),
        KeyBinding(
            [.character("/")], summary: "filter: text, status:failed, type:online, target:NAME", hint: "filter",
            action: .openFilter),
        KeyBinding([.escape], summary: "close detail or help; clear the filter", action: .escape),
        KeyBinding([.character("1")], summary: "show/hide running tasks", action: .toggleCategory(.running)),
        KeyBinding([.character("2")], summary: "show/hide failed tasks", action: .toggleCategory(.failed)),
        KeyBinding([.character("3")], summary: "show/hide succeeded tasks", action: .toggleCategory(.succeeded)),
        KeyBinding([.character("4")], summary: "show/hide stopped tasks", action: .toggleCategory(.stopped)),
        KeyBinding([.character("s")], summary: "sort by the next column", hint: "sort", action: .nextSortColumn),
        KeyBinding([.character("S")], summary: "reverse the sort order", action: .reverseSort),
        KeyBinding([.character("e")], summary: "events pane on/off (changes this session)", action: .toggleEvents),
        KeyBinding([.character("l")], summary: "logs of the selected task on/off", action: .toggleLogs),
        KeyBinding([.character("y")], summary: "copy the task id to the clipboard (OSC 52)", action: .copyTaskID),
        KeyBinding([.character(" ")], summary: "mark/unmark the task for an action (--write)", action: .toggleMark),
        KeyBinding(
            [.character("a")], summary: "menu: s stop r restart x switch b rollback D delete", action: .openActions),
        KeyBinding([.character("r")], summary: "refresh now", hint: "refresh", action: .refresh),
        KeyBinding([.character("p")], summary: "pause/resume refreshing", hint: "pause", action: .togglePause),
        KeyBinding([.character("+")], summary: "refresh less often", action: .longerInterval),
        KeyBinding([.character("-")], summary: "refresh more often", action: .shorterInterval),
        KeyBinding([.control("l")], summary: "redraw the screen", action: .redraw),
        KeyBinding([.character("?")], summary: "help on/off", hint: "help", action: .toggleHelp),
        KeyBinding([.character("q"), .control("c")], summary: "quit", hint: "quit", action: .quit),
    ]

    /// The keys of the actions menu (`a`), in menu order: they mean these only inside the menu.
    public static let actionMenu: [(key: Character, action: TaskAction, summary: String)] = [
        ("s", .stop, "stop"), ("r", .restart, "restart"), ("x", .exchangeIP, "switch IPs"),
        ("b", .rollbackIP, "roll back the IP switch"), ("D", .delete, "delete"),
    ]

    /// The action bound to `key`, if any.
    public static func action(for key: Key) -> KeyAction? {
        bindings.first { $0.keys.contains(key) }?.action
    }
}
