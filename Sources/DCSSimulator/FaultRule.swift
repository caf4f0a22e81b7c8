import Foundation

/// One fault to inject: what goes wrong, when, and on which call. Built from flag text by
/// `FaultRule.parse` (grammar in docs/SIMULATOR.md and `FaultRule.grammar`).
public struct FaultRule: Sendable, Hashable, CustomStringConvertible {
    /// What goes wrong.
    public enum Kind: Sendable, Hashable {
        /// Adds a delay before the response.
        case latency(seconds: TimeInterval)
        /// No response for `seconds` (past any sane client timeout), then the connection closes.
        case hang(seconds: TimeInterval)
        /// The connection closes without any response.
        case reset
        /// An HTTP error with the API's JSON body: 401 `APIGW.0301`, 403 `DCS.2003`, 404 `DCS.4001`,
        /// 500 `DCS.5000`, or the given code.
        case httpError(status: Int, code: String?)
        /// 429 `APIGW.0308` with `Retry-After`.
        case throttled(retryAfter: Int)
        /// 502 with an nginx HTML page instead of JSON.
        case html502
        /// A 200 whose JSON body is cut off.
        case truncatedJSON
        /// Fields with the wrong JSON types (numbers as strings, strings as numbers, objects for strings).
        case wrongTypes
        /// Every field but the task id is `null`.
        case nulls
        /// Statuses nobody documented.
        case unknownStatus
        /// `count` is off by `delta` from the real total.
        case lyingCount(delta: Int)
        /// Each page after the first starts with the last `overlap` rows of the previous one.
        case duplicateRows(overlap: Int)
        /// An empty `migration_tasks` array with the real `count`.
        case emptyPage
        /// Names, descriptions and error messages of `length` characters.
        case longStrings(length: Int)
        /// Escape sequences, OSC 52, bidi overrides, C1 controls and line breaks in names and messages.
        case hostileText
    }

    /// When the fault fires.
    public enum Trigger: Sendable, Hashable {
        /// Every matching request.
        case always
        /// Every k-th matching request (the k-th, 2k-th, …).
        case every(Int)
        /// The first n matching requests, then never.
        case first(Int)
        /// Between `start` and `end` seconds after the rule was installed (simulator clock).
        case window(start: TimeInterval, end: TimeInterval)
    }

    /// Which calls the fault applies to.
    public enum Scope: String, Sendable, Hashable, CaseIterable {
        /// Every call but the control endpoint.
        case any
        /// `GET …/migration-tasks`.
        case list
        /// `GET …/migration-task/{id}`.
        case detail
        /// `GET …/migration-task/{id}/stats`.
        case stats
        /// `GET …/migration-task/{id}/logs`.
        case logs
        /// `POST /v3/auth/tokens`.
        case token
        /// The six writes (stop, batch-stop, batch-restart, exchange-ip, rollback-ip, delete).
        case write
    }

    /// What goes wrong.
    public var kind: Kind
    /// When.
    public var trigger: Trigger
    /// On which calls.
    public var scope: Scope
    /// The flag text it was parsed from (or an equivalent one), for logs and the control endpoint.
    public var text: String

    /// Builds a rule directly (tests); `text` defaults to a readable form.
    public init(kind: Kind, trigger: Trigger = .always, scope: Scope = .any, text: String? = nil) {
        self.kind = kind
        self.trigger = trigger
        self.scope = scope
        self.text = text ?? "\(kind)@\(trigger)/\(scope.rawValue)"
    }

    /// The flag text.
    public var description: String { text }

    /// Whether the fault replaces the HTTP exchange itself (no response at all).
    public var isTransportLevel: Bool {
        switch kind {
        case .hang, .reset: return true
        default: return false
        }
    }
}
