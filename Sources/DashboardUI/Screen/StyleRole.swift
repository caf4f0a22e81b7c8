import DCSKit

/// What a cell means; the terminal layer turns roles into colours or, without colour, into
/// bold/dim/underline (htop's colour schemes, incl. monochrome).
public enum StyleRole: Sendable, Hashable, CaseIterable {
    case normal
    case header
    case columnHeader
    case statusRunning, statusStopping, statusSucceeded, statusStopped, statusFailed, statusUnknown
    case banner
    case error
    case hintKey
    case hint
    case dim
    case label
    case separator
    case prompt
    case cursor
    case overlay
    /// A row that changed recently (issue 5: highlighted for a while).
    case changed

    /// The role for a status category.
    public static func status(_ category: StatusCategory) -> StyleRole {
        switch category {
        case .running: return .statusRunning
        case .stopping: return .statusStopping
        case .succeeded: return .statusSucceeded
        case .stopped: return .statusStopped
        case .failed: return .statusFailed
        case .unknown: return .statusUnknown
        }
    }
}

/// A cell's style: its role, and whether it is in the selected row (drawn reversed).
public struct CellStyle: Sendable, Hashable {
    /// The role.
    public var role: StyleRole
    /// True in the selected row.
    public var selected: Bool

    /// Builds a style.
    public init(_ role: StyleRole = .normal, selected: Bool = false) {
        self.role = role
        self.selected = selected
    }

    /// The plain style.
    public static let plain = CellStyle()
}
