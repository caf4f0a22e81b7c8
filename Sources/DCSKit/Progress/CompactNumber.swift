import Foundation

/// Short renderings of counts, lags and rates for narrow columns: `950`, `12.3k`, `4.5M`, `1.2G`.
public enum CompactNumber {
    /// A count with at most one decimal and a k/M/G suffix; "-" for nil or non-finite.
    public static func format(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "-" }
        let magnitude = abs(value)
        // Past a million G the suffixes end and `Int` would trap (a hostile stats answer: "1e300").
        if magnitude >= 1e15 { return String(format: "%.1e", value) }
        let units: [(Double, String)] = [(1e9, "G"), (1e6, "M"), (1e3, "k")]
        for (scale, suffix) in units where magnitude >= scale {
            let scaled = value / scale
            return (abs(scaled) >= 100 ? String(Int(scaled.rounded())) : oneDecimal(scaled)) + suffix
        }
        return magnitude == magnitude.rounded() ? String(Int(value)) : oneDecimal(value)
    }

    /// A percentage: `42%`, `99.5%` (one decimal only below 100 and when not whole).
    public static func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "-" }
        let clamped = min(max(value, 0), 100)
        return (clamped == clamped.rounded() ? String(Int(clamped)) : oneDecimal(clamped)) + "%"
    }

    private static func oneDecimal(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        let whole = Int(tenths / 10)
        let fraction = Int(abs(tenths).truncatingRemainder(dividingBy: 10))
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return fraction == 0 ? sign + String(whole) : sign + "\(whole).\(fraction)"
    }
}
