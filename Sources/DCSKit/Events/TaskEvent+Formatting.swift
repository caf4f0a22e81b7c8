import Foundation

extension TaskEvent {
    /// One line for people: `2026-11-29T08:01:02Z  prod  orders-1 (id)  MIGRATING → FAILED: error`.
    /// Every untrusted text is sanitised; `arrow` is `→` or `->`; `markNew` writes "new" before the
    /// status of an added task (`wait` reports a task's first status without it).
    public func textLine(arrow: String = "→", markNew: Bool = true) -> String {
        var line = TaskEvent.utcStamp(time) + "  "
        line += SafeText.line(key.target, limit: 60) + "  "
        let name = SafeText.line(self.name, limit: 200)
        line += (name.isEmpty ? "-" : name) + " (" + SafeText.line(key.taskID, limit: 80) + ")  "
        switch kind {
        case .added(let status): line += (markNew ? "new " : "") + TaskEvent.statusText(status)
        case .removed(let status): line += "gone (was " + TaskEvent.statusText(status) + ")"
        case .statusChanged(let from, let to):
            line += TaskEvent.statusText(from) + " " + arrow + " " + TaskEvent.statusText(to)
        case .sync(let change, let status, let offset, let progress):
            line +=
                change.words + " (" + TaskEvent.statusText(status) + ", offset " + CompactNumber.format(offset)
                + ", progress " + CompactNumber.percent(progress) + ")"
        case .action(let action, _, let result, let outcome, let requestID):
            line +=
                "action " + action.rawValue + " " + result + ": " + SafeText.line(outcome, limit: 300)
                + (requestID.map { " (request id " + SafeText.line($0, limit: 80) + ")" } ?? "")
        }
        let error = SafeText.line(errorMessage, limit: 500)
        if !error.isEmpty, kind.status.category == .failed || kind.status.category == .stopped {
            line += ": " + error
        }
        return line
    }

    /// One JSON object on one line (`JSONOutput`), keys sorted: `error_message`, `event`, `name`,
    /// `old_status`, `status`, `status_category`, `target`, `task_id`, `time`; a sync event
    /// (`in_sync`, `fell_behind`, `restarted`) adds `offset` and `progress` (numbers or null).
    public func jsonLine() throws -> String {
        try JSONOutput.text(EventDocument(event: self))
    }

    /// ISO 8601 in UTC, seconds precision.
    static func utcStamp(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let civil = CivilDate.from(daysSinceEpoch: Int64(days))
        let (year, month, day) = (Int(civil.year), Int(civil.month), Int(civil.day))
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
    }

    /// The raw status, sanitised, or `(none)`.
    static func statusText(_ status: TaskStatus) -> String {
        let raw = SafeText.line(status.raw.trimmingCharacters(in: .whitespaces), limit: 40)
        return raw.isEmpty ? "(none)" : raw
    }
}

/// The members of one `events --output ndjson` line.
private struct EventDocument: Encodable {
    let event: TaskEvent

    enum CodingKeys: String, CodingKey {
        case errorMessage = "error_message", event, name, oldStatus = "old_status", status
        case statusCategory = "status_category", target, taskID = "task_id", time, offset, progress
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(event.errorMessage.isEmpty ? nil : event.errorMessage, forKey: .errorMessage)
        try container.encode(event.kind.name, forKey: .event)
        try container.encode(event.name, forKey: .name)
        try container.encode(event.previousStatus?.raw, forKey: .oldStatus)
        try container.encode(event.kind.status.raw, forKey: .status)
        try container.encode(event.kind.status.category.rawValue, forKey: .statusCategory)
        try container.encode(event.key.target, forKey: .target)
        try container.encode(event.key.taskID, forKey: .taskID)
        try container.encode(TaskEvent.utcStamp(event.time), forKey: .time)
        if case .sync(_, _, let offset, let progress) = event.kind {
            try container.encode(offset.flatMap { $0.isFinite ? $0 : nil }, forKey: .offset)
            try container.encode(progress.flatMap { $0.isFinite ? $0 : nil }, forKey: .progress)
        }
    }
}
