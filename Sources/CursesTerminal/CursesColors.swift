import CNcursesw
import DashboardUI

/// Turns style roles into curses attributes and colour pairs; pairs are allocated on first use.
/// With `palette == .monochrome` no colour is ever used (NO_COLOR, `--no-color`, or a terminal
/// without colours), and statuses differ by word, symbol and bold/dim/underline.
final class CursesColors {
    /// The scheme in use.
    let palette: Palette
    private let defaultColors: Bool
    private var pairs: [PairKey: Int16] = [:]
    private var cache: [CellStyle: (attr_t, Int16)] = [:]

    private struct PairKey: Hashable {
        var foreground: TerminalColor?
        var background: TerminalColor?
    }

    /// Starts colours when wanted and possible; falls back to monochrome otherwise.
    init(wantColor: Bool) {
        if wantColor, has_colors() {
            start_color()
            defaultColors = use_default_colors() == OK
            palette = .color
        } else {
            defaultColors = false
            palette = .monochrome
        }
    }

    /// Attributes and pair of a style.
    func attributes(for style: CellStyle) -> (attr_t, Int16) {
        if let cached = cache[style] { return cached }
        let look = palette.appearance(of: style)
        var attributes = dcs_a_normal()
        if look.bold { attributes |= dcs_a_bold() }
        if look.dim { attributes |= dcs_a_dim() }
        if look.reverse { attributes |= dcs_a_reverse() }
        if look.underline { attributes |= dcs_a_underline() }
        var pair: Int16 = 0
        if palette == .color, look.foreground != nil || look.background != nil {
            pair = pairNumber(PairKey(foreground: look.foreground, background: look.background))
        }
        cache[style] = (attributes, pair)
        return (attributes, pair)
    }

    private func pairNumber(_ key: PairKey) -> Int16 {
        if let existing = pairs[key] { return existing }
        let number = Int16(pairs.count + 1)
        guard Int32(number) < dcs_color_pairs() else { return 0 }
        let fallbackBackground = Int16(COLOR_BLACK)
        let foreground = key.foreground.map(Self.cursesColor) ?? (defaultColors ? -1 : Int16(COLOR_WHITE))
        let background = key.background.map(Self.cursesColor) ?? (defaultColors ? -1 : fallbackBackground)
        init_pair(number, foreground, background)
        pairs[key] = number
        return number
    }

    private static func cursesColor(_ color: TerminalColor) -> Int16 {
        switch color {
        case .black: return Int16(COLOR_BLACK)
        case .red: return Int16(COLOR_RED)
        case .green: return Int16(COLOR_GREEN)
        case .yellow: return Int16(COLOR_YELLOW)
        case .blue: return Int16(COLOR_BLUE)
        case .magenta: return Int16(COLOR_MAGENTA)
        case .cyan: return Int16(COLOR_CYAN)
        case .white: return Int16(COLOR_WHITE)
        }
    }
}
