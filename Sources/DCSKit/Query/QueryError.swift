/// Why a filter text could not be read; shown on the dashboard's bottom line, never fatal.
public enum QueryError: UserFacingError, Hashable {
    /// `status:` with a value that is neither a category nor a known raw status.
    case unknownStatus(String)
    /// `type:` with a value that is not a migration type or method.
    case unknownType(String)
    /// A token such as `status:` with nothing after the colon.
    case emptyValue(key: String)

    /// One line saying what is wrong and what would work.
    public var userMessage: String {
        switch self {
        case .unknownStatus(let value):
            return "unknown status \"\(SafeText.line(value, limit: 40))\": use running, failed, succeeded, stopped, "
                + "stopping, unknown or a raw status such as MIGRATING"
        case .unknownType(let value):
            return "unknown type \"\(SafeText.line(value, limit: 40))\": use online, backup, full or incremental"
        case .emptyValue(let key):
            return "\(key): needs a value, e.g. \(key):\(key == "status" ? "failed" : key == "type" ? "online" : "NAME")"
        }
    }
}
