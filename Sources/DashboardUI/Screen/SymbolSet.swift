import DCSKit

/// The symbols the views draw: Unicode where the locale is UTF-8, ASCII otherwise (a non-UTF-8
/// terminal would show mojibake for `✖`).
public struct SymbolSet: Sendable, Hashable {
    /// Running, stopping, succeeded, stopped, failed, unknown.
    public var running, stopping, succeeded, stopped, failed, unknown: String
    /// Marks long text as cut.
    public var ellipsis: String
    /// Between source and target.
    public var arrow: String
    /// Vertical and horizontal separators.
    public var vertical, horizontal: String
    /// Warning mark in the stale banner.
    public var warning: String
    /// Spinner frames.
    public var spinner: [String]

    /// The Unicode set.
    public static let unicode = SymbolSet(
        running: "▶", stopping: "◆", succeeded: "✔", stopped: "■", failed: "✖", unknown: "?", ellipsis: "…",
        arrow: "→", vertical: "│", horizontal: "─", warning: "⚠",
        spinner: ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"])

    /// The ASCII set for non-UTF-8 locales.
    public static let ascii = SymbolSet(
        running: ">", stopping: "~", succeeded: "+", stopped: "-", failed: "x", unknown: "?", ellipsis: "~",
        arrow: ">", vertical: "|", horizontal: "-", warning: "!", spinner: ["|", "/", "-", "\\"])

    /// The symbol of a status category.
    public func symbol(for category: StatusCategory) -> String {
        switch category {
        case .running: return running
        case .stopping: return stopping
        case .succeeded: return succeeded
        case .stopped: return stopped
        case .failed: return failed
        case .unknown: return unknown
        }
    }
}
