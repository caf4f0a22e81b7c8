/// Text that attacks terminals: what the `hostile` fault puts into names, descriptions and messages.
/// The client must pass all of it through `SafeText.line` before it reaches a screen.
public enum HostileText {
    /// The payloads, each a known attack or breakage.
    public static let payloads: [String] = [
        "\u{1B}[31mred\u{1B}[0m",  // CSI colour change
        "\u{1B}]52;c;ZWNobyBwd25lZA==\u{07}",  // OSC 52: write the user's clipboard
        "\u{1B}[2J\u{1B}[H",  // clear screen, cursor home
        "\u{202E}gpj.exe\u{202C}",  // bidi override: reverses what follows
        "\u{9B}6n",  // C1 CSI: device status report (a terminal answers on stdin)
        "\u{1B}]0;pwned title\u{07}",  // OSC 0: window title
        "line one\nline two\rover",  // line breaks inside one field
        "zero\u{200B}width\u{200D}joiners\u{FEFF}",  // invisible characters
        "\u{1B}P+q544e\u{1B}\\",  // DCS request (terminfo query)
        "\u{07}\u{08}\u{7F}bell",  // BEL, BS, DEL
    ]

    /// A payload for position `index`, wrapped around real text so the row still has a name.
    public static func wrap(_ text: String, index: Int) -> String {
        let payload = payloads[((index % payloads.count) + payloads.count) % payloads.count]
        return "\(text) \(payload) end"
    }
}
