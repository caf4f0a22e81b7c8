/// One row of the key table: the keys, how help and hints write them, and what they do.
public struct KeyBinding: Sendable, Hashable {
    /// Every key that triggers the action.
    public var keys: [Key]
    /// The keys as written in help (e.g. "↑ k").
    public var label: String
    /// What the action does, for the help overlay.
    public var summary: String
    /// A one-word hint for the bottom line, or nil to keep it out of the hints.
    public var hint: String?
    /// The action.
    public var action: KeyAction

    /// Builds a binding; `label` defaults to the keys' labels joined by spaces.
    public init(_ keys: [Key], label: String? = nil, summary: String, hint: String? = nil, action: KeyAction) {
        self.keys = keys
        self.label = label ?? keys.map(\.label).joined(separator: " ")
        self.summary = summary
        self.hint = hint
        self.action = action
    }
}
