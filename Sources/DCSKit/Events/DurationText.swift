import Foundation

/// Durations as users type them on the command line: `90` (seconds), `30s`, `5m`, `2h`, `1.5h`.
public enum DurationText {
    /// Seconds, or nil when the text is not a positive duration of at most 30 days.
    public static func parse(_ text: String) -> TimeInterval? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let last = trimmed.last else { return nil }
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3_600]
        let scale = units[last] ?? 1
        let number = units[last] == nil ? trimmed : String(trimmed.dropLast())
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            let value = Double(number), value.isFinite
        else { return nil }
        let seconds = value * scale
        guard seconds > 0, seconds <= 30 * 86_400 else { return nil }
        return seconds
    }
}
