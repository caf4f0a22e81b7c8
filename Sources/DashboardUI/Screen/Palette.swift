/// A terminal colour by name (the 8 ANSI colours, which every colour terminal has).
public enum TerminalColor: Sendable, Hashable, CaseIterable {
    case black, red, green, yellow, blue, magenta, cyan, white
}

/// How one role looks on screen.
public struct CellAppearance: Sendable, Hashable {
    /// Foreground colour; nil keeps the terminal's default.
    public var foreground: TerminalColor?
    /// Background colour; nil keeps the terminal's default (`use_default_colors`).
    public var background: TerminalColor?
    /// Attributes.
    public var bold = false, dim = false, reverse = false, underline = false

    /// Builds an appearance.
    public init(
        foreground: TerminalColor? = nil, background: TerminalColor? = nil, bold: Bool = false, dim: Bool = false,
        reverse: Bool = false, underline: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }
}

/// Maps roles to appearances: a colour scheme and a monochrome one (NO_COLOR, no colour terminal).
/// In both, statuses are also told apart by their word and symbol (issue 4: colour-blind users).
public enum Palette: Sendable, Hashable {
    case color
    case monochrome

    /// The appearance of a cell with this style; the selected row is reversed on top of its role.
    public func appearance(of style: CellStyle) -> CellAppearance {
        var look = appearance(of: style.role)
        if style.selected { look.reverse.toggle() }
        return look
    }

    /// The appearance of a role.
    public func appearance(of role: StyleRole) -> CellAppearance {
        switch self {
        case .color: return Palette.colorAppearance(role)
        case .monochrome: return Palette.monochromeAppearance(role)
        }
    }

    private static func colorAppearance(_ role: StyleRole) -> CellAppearance {
        switch role {
        case .normal, .overlay: return CellAppearance()
        case .header: return CellAppearance(bold: true)
        case .columnHeader: return CellAppearance(bold: true, underline: true)
        case .statusRunning: return CellAppearance(foreground: .yellow, bold: true)
        case .statusStopping: return CellAppearance(foreground: .magenta)
        case .statusSucceeded: return CellAppearance(foreground: .green)
        case .statusStopped: return CellAppearance(dim: true)
        case .statusFailed: return CellAppearance(foreground: .red, bold: true)
        case .statusUnknown: return CellAppearance(foreground: .cyan)
        case .banner: return CellAppearance(foreground: .white, background: .red, bold: true)
        // Red alone, not bold: an error row changes on most cursor moves, and every attribute change
        // costs an escape sequence (issue 15: bytes per cursor move).
        case .error: return CellAppearance(foreground: .red)
        case .hintKey: return CellAppearance(foreground: .cyan, bold: true)
        case .hint, .dim, .separator: return CellAppearance(dim: true)
        case .label: return CellAppearance(foreground: .blue, bold: true)
        case .prompt: return CellAppearance(bold: true)
        case .cursor: return CellAppearance(reverse: true)
        case .changed: return CellAppearance(foreground: .cyan, bold: true, underline: true)
        }
    }

    private static func monochromeAppearance(_ role: StyleRole) -> CellAppearance {
        switch role {
        case .normal, .overlay, .statusSucceeded, .statusUnknown, .hint: return CellAppearance()
        case .header, .label, .prompt, .hintKey, .statusRunning: return CellAppearance(bold: true)
        case .columnHeader, .statusStopping: return CellAppearance(underline: true)
        case .statusStopped, .dim, .separator: return CellAppearance(dim: true)
        case .statusFailed, .error, .changed: return CellAppearance(bold: true, underline: true)
        case .banner, .cursor: return CellAppearance(reverse: true)
        }
    }
}
