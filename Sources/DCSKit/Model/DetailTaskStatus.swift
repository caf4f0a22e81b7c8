import Foundation

/// The detail call's `task_status` for people (issue 16): the IP-switch values the API notes name
/// explained, anything else shown raw (sanitised), since the vendor adds values without notice.
public enum DetailTaskStatus {
    /// What the known values mean (dcs-api-notes.md: exchange-ip and rollback-ip).
    static let meanings: [String: String] = [
        "EXCHANGING": "switching IPs",
        "EXCHANGE_SUCCESS": "IPs switched",
        "EXCHANGE_FAILED": "IP switch failed",
        "ROLLBACKING": "rolling the IP switch back",
        "ROLLBACK_SUCCESS": "IP switch rolled back",
        "ROLLBACK_FAILED": "IP switch rollback failed",
    ]

    /// "EXCHANGING (switching IPs)" for a known value, the raw text for any other, "" for none.
    public static func describe(_ raw: String) -> String {
        let clean = SafeText.line(raw.trimmingCharacters(in: .whitespaces), limit: 60)
        guard let meaning = meanings[clean.uppercased()] else { return clean }
        return clean + " (" + meaning + ")"
    }
}
