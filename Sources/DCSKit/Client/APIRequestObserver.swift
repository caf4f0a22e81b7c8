import Foundation

/// Which API call a request was: the `call` label of dcswatch's request metrics (issue 18).
public enum APICall: String, Sendable, Hashable, CaseIterable {
    /// `GET …/migration-tasks` (one page).
    case list
    /// `GET …/migration-task/{task_id}`.
    case detail
    /// `GET …/migration-task/{task_id}/stats`.
    case stats
    /// `GET …/migration-task/{task_id}/logs`.
    case logs
    /// `POST …/migration-task/{task_id}/stop`.
    case stop
    /// `POST …/migration-task/batch-stop`.
    case batchStop = "batch_stop"
    /// `POST …/migration-tasks/batch-restart`.
    case batchRestart = "batch_restart"
    /// `POST …/migration-task/{task_id}/exchange-ip`.
    case exchangeIP = "exchange_ip"
    /// `POST …/migration-task/{task_id}/rollback-ip`.
    case rollbackIP = "rollback_ip"
    /// `DELETE …/migration-tasks/delete`.
    case delete
}

/// One attempt of an API request that ended with an answer or a transport failure (a cancelled one is
/// not reported: it says nothing about the API). Retries are attempts of their own.
public struct APIRequestRecord: Sendable, Hashable {
    /// The configured name of the target the client queries.
    public var target: String
    /// The call.
    public var call: APICall
    /// The HTTP status as text (`200`, `429`), or why no answer came (`timeout`, `connection_refused`, …).
    public var code: String
    /// From handing the request to the transport to its answer or failure (monotonic clock).
    public var duration: Duration

    /// Builds a record.
    public init(target: String, call: APICall, code: String, duration: Duration) {
        self.target = target
        self.call = call
        self.code = code
        self.duration = duration
    }

    /// The `code` of a request that got no HTTP answer: a few fixed words, so the label stays small
    /// (the host or the libcurl message would make one series per text).
    public static func code(for error: TransportError) -> String {
        switch error {
        case .dnsFailure: return "dns_failure"
        case .connectionRefused: return "connection_refused"
        case .timedOut: return "timeout"
        case .tls: return "tls"
        case .connectionLost: return "connection_lost"
        case .cancelled: return "cancelled"
        case .other: return "transport_error"
        }
    }
}

/// Told about every request attempt the client completes (`ClientOptions.requestObserver`): the seam
/// through which `serve` counts requests and times them per call, without the client knowing of
/// Prometheus. Called on the requesting task: implementations must be quick and thread-safe.
public protocol APIRequestObserver: Sendable {
    /// One attempt ended.
    func requestCompleted(_ record: APIRequestRecord)
}
