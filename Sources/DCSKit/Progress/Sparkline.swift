import Foundation

/// A one-line chart of the latest values with eight levels of block characters (`▁`…`█`), or
/// ASCII levels when the terminal is not UTF-8.
public enum Sparkline {
    /// The levels, lowest first.
    public static let unicodeLevels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// ASCII levels for non-UTF-8 locales.
    public static let asciiLevels: [Character] = ["_", ".", "-", "~", "=", "+", "*", "#"]

    /// The last `width` values scaled between `floor` (default: their minimum) and `ceiling` (default:
    /// their maximum); all-equal values draw at the lowest level unless a floor or ceiling sets the
    /// scale. Non-finite values are skipped; values outside the scale are clamped.
    public static func render(
        _ values: [Double], width: Int, ascii: Bool = false, floor: Double? = nil, ceiling: Double? = nil
    ) -> String {
        guard width > 0 else { return "" }
        let levels = ascii ? asciiLevels : unicodeLevels
        let shown = Array(values.filter(\.isFinite).suffix(width))
        guard let maximum = shown.max(), let minimum = shown.min() else { return "" }
        let low = min(floor ?? minimum, minimum)
        let range = (ceiling ?? maximum) - low
        return String(
            shown.map { value -> Character in
                guard range > 0 else { return levels[0] }
                // Values spanning ±1e308 make the range infinite and the position NaN: no `Int` of that.
                let position = (value - low) / range * Double(levels.count - 1)
                guard position.isFinite else { return value > low ? levels[levels.count - 1] : levels[0] }
                let level = Int(min(max(position, 0), Double(levels.count - 1)).rounded())
                return levels[level]
            })
    }
}
