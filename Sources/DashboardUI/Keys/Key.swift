/// A key as the dashboard understands it, decoded by the terminal layer (CursesTerminal) from
/// `wget_wch`; tests build them directly.
public enum Key: Sendable, Hashable {
    /// A printable character.
    case character(Character)
    /// Ctrl + a letter (lowercase), e.g. `.control("c")`.
    case control(Character)
    case up, down, left, right, pageUp, pageDown, home, end, enter, escape, backspace, delete

    /// How the key is written in hints and help.
    public var label: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let character): return String(character)
        case .control(let letter): return "^" + letter.uppercased()
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Bksp"
        case .delete: return "Del"
        }
    }
}
