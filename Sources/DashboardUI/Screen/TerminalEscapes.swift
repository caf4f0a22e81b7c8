import DCSKit
import Foundation

/// The escape sequences of issue 5 that reach the user's desktop through the terminal, also over
/// SSH: desktop notifications (OSC 9, OSC 777) and the clipboard (OSC 52). Pure: builds bytes only.
///
/// Safety: the text inside an OSC ends at BEL or ST, so every control character (C0, C1, DEL) and,
/// for OSC 777, the `;` that separates its fields, is removed after `SafeText.line`; lengths are capped.
/// The clipboard text is base64, which has no control characters at all.
public enum TerminalEscapes {
    /// Longest notification title and body, in characters.
    public static let maximumText = 200
    /// Longest clipboard payload before base64 (terminals cap OSC 52 at a few kilobytes).
    public static let maximumClipboardBytes = 4_096

    /// `ESC ] 9 ; text BEL` (iTerm2, Windows Terminal, kitty, WezTerm).
    public static func osc9(title: String, body: String) -> String {
        "\u{1B}]9;" + clean(title + ": " + body) + "\u{07}"
    }

    /// `ESC ] 777 ; notify ; title ; body BEL` (rxvt-unicode, foot, Ghostty, WezTerm).
    public static func osc777(title: String, body: String) -> String {
        "\u{1B}]777;notify;" + clean(title).replacingOccurrences(of: ";", with: ",") + ";"
            + clean(body).replacingOccurrences(of: ";", with: ",") + "\u{07}"
    }

    /// `ESC ] 52 ; c ; base64 BEL`: sets the clipboard selection; nil when the text is too long.
    public static func osc52(_ text: String) -> String? {
        let bytes = Data(text.utf8)
        guard bytes.count <= maximumClipboardBytes else { return nil }
        return "\u{1B}]52;c;" + bytes.base64EncodedString() + "\u{07}"
    }

    /// Wraps a sequence for tmux's passthrough (`ESC P tmux; …ESC\`, inner ESCs doubled), which
    /// tmux forwards to the outer terminal when `allow-passthrough` is on.
    public static func tmuxPassthrough(_ sequence: String) -> String {
        "\u{1B}Ptmux;" + sequence.replacingOccurrences(of: "\u{1B}", with: "\u{1B}\u{1B}") + "\u{1B}\\"
    }

    /// The sequence for a desktop notification, or nil when the policy has it off.
    public static func notification(title: String, body: String, escape: DesktopEscape, insideTmux: Bool) -> String {
        let sequence = escape == .osc9 ? osc9(title: title, body: body) : osc777(title: title, body: body)
        return insideTmux ? tmuxPassthrough(sequence) : sequence
    }

    /// One line without any control character, at most `maximumText` characters.
    static func clean(_ text: String) -> String {
        let line = SafeText.line(text, limit: maximumText)
        return String(
            String.UnicodeScalarView(
                line.unicodeScalars.filter { scalar in
                    !(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value))
                }))
    }
}
