import DCSKit
import Foundation

/// The simulated DCS and IAM API as a pure router: request in, outcome out. The socket server wraps
/// it, and tests call it in-process through `send(_:)` (it is an `HTTPTransport`).
///
/// `@unchecked Sendable`: requests arrive concurrently from FlyingFox's connection tasks and from
/// tests; the mutable parts (fault rules and their counters, issued tokens, the request counter) are
/// guarded by `lock`, and everything else is immutable.
public final class SimulatorRouter: HTTPTransport, @unchecked Sendable {
    /// The configuration it was built with.
    public let configuration: SimulatorConfiguration
    /// The seeded scenario (state is a function of it and the clock).
    public let scenario: Scenario
    let verifier: SignatureVerifier
    /// What the write calls did to tasks.
    let writes = WriteLedger()
    private let lock = NSLock()
    private var installed: [InstalledFault] = []
    private var tokens: [String: IssuedToken] = [:]
    private var requestCount: UInt64 = 0
    /// Statuses set through `/_sim/tasks/{id}/status`, by task id; they replace the scenario's.
    private var statusOverrides: [String: String] = [:]
    /// Stats answers set through `/_sim/tasks/{id}/stats`, by task id: each call takes the first, the
    /// last one stays (so a test's sequence ends in a steady answer).
    private var statsScripts: [String: [ScriptedStats]] = [:]
    /// List responses of a frozen scenario by query string (cleared when a status changes).
    private var listPageCache: [String: HTTPResponse] = [:]

    /// A rule with its own request counter and the time it was installed (windows count from there).
    private struct InstalledFault {
        let rule: FaultRule
        let installedAt: Date
        var matched = 0
    }

    /// Builds a router; the scenario's start is `configuration.now()` at this moment.
    public init(configuration: SimulatorConfiguration = SimulatorConfiguration()) {
        self.configuration = configuration
        let start = configuration.now()
        scenario = Scenario(
            seed: configuration.seed, taskCount: configuration.taskCount, speed: configuration.speed, epoch: start)
        verifier = SignatureVerifier(accessKey: configuration.accessKey, secretKey: configuration.secretKey)
        installed = configuration.faults.map { InstalledFault(rule: $0, installedAt: start) }
    }

    /// Replaces the fault rules; counters and windows start again from now.
    public func setFaults(_ rules: [FaultRule]) {
        let now = configuration.now()
        lock.withLock { installed = rules.map { InstalledFault(rule: $0, installedAt: now) } }
    }

    /// Removes every fault rule.
    public func clearFaults() {
        setFaults([])
    }

    /// The fault rules in force.
    public var faults: [FaultRule] {
        lock.withLock { installed.map(\.rule) }
    }

    /// Every task as of the simulator's clock, in list order (newest first).
    public func snapshots() -> [TaskSnapshot] {
        scenario.snapshots(at: configuration.now())
    }

    /// Answers over HTTP only: latency is waited for; transport-level faults (hang, reset) are not
    /// applied here because they have no HTTP response — `send(_:)` and the socket server apply them.
    public func handle(_ request: HTTPRequest) async -> HTTPResponse {
        let outcome = outcome(for: request, transportFaults: false)
        await configuration.sleep(outcome.delay)
        if case .respond(let response) = outcome.action { return response }
        return SimulatorResponses.dcsError(status: 500, code: "DCS.5000", message: "transport fault in handle")
    }

    /// `HTTPTransport`: the in-process transport for tests. A reset throws `.connectionLost`; a hang
    /// throws `.timedOut` at once, or — with `hangWaitsInProcess` — after waiting the shorter of the
    /// hang and the request's timeout (`configuration.sleep`).
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let outcome = outcome(for: request, transportFaults: true)
        await configuration.sleep(outcome.delay)
        switch outcome.action {
        case .respond(let response):
            return response
        case .resetConnection:
            throw TransportError.connectionLost("connection reset by peer (simulated fault)")
        case .hang(let seconds):
            if configuration.hangWaitsInProcess { await configuration.sleep(min(seconds, request.timeout ?? seconds)) }
            throw TransportError.timedOut(seconds: request.timeout ?? seconds)
        }
    }

    /// Decides what happens to `request` without waiting: the socket server and `send` act on it.
    public func outcome(for request: HTTPRequest, transportFaults: Bool = true) -> SimulatorOutcome {
        let now = configuration.now()
        let requestID = nextRequestID()
        let path =
            URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.percentEncodedPath ?? request.url.path
        let call = SimulatorCall(method: request.method, path: path)
        guard let scope = call.scope else {
            return SimulatorOutcome(
                delay: 0, action: .respond(stamped(control(call, request), requestID)), requestID: requestID)
        }
        let kinds = activeFaults(scope: scope, now: now, transportFaults: transportFaults)
        let delay = kinds.reduce(configuration.latency) { total, kind in
            if case .latency(let seconds) = kind { return total + seconds }
            return total
        }
        for kind in kinds {
            switch kind {
            case .hang(let seconds):
                return SimulatorOutcome(delay: delay, action: .hang(seconds: seconds), requestID: requestID)
            case .reset: return SimulatorOutcome(delay: delay, action: .resetConnection, requestID: requestID)
            case .httpError(let status, let code):
                let response = SimulatorResponses.faultError(status: status, code: code, requestID: requestID)
                return SimulatorOutcome(
                    delay: delay, action: .respond(stamped(response, requestID)), requestID: requestID)
            case .throttled(let retryAfter):
                let response = SimulatorResponses.gatewayError(
                    status: 429, code: "APIGW.0308",
                    message: "The throttling threshold has been reached: policy user over ratelimit",
                    requestID: requestID, headers: [("Retry-After", String(retryAfter))])
                return SimulatorOutcome(
                    delay: delay, action: .respond(stamped(response, requestID)), requestID: requestID)
            case .html502:
                return SimulatorOutcome(
                    delay: delay, action: .respond(stamped(SimulatorResponses.html502(), requestID)),
                    requestID: requestID)
            default: continue
            }
        }
        var response = route(call, request: request, now: now, requestID: requestID, faults: kinds)
        if response.status == 200, kinds.contains(.truncatedJSON), response.body.count > 1 {
            response.body = response.body.prefix(max(1, response.body.count * 3 / 5))
        }
        return SimulatorOutcome(delay: delay, action: .respond(stamped(response, requestID)), requestID: requestID)
    }

    /// Adds `X-Request-Id` (every response carries one, as the real gateway's do).
    private func stamped(_ response: HTTPResponse, _ requestID: String) -> HTTPResponse {
        var response = response
        response.headers["X-Request-Id"] = requestID
        return response
    }

    /// A 32-hex request id drawn from the seed and the request number (unique per request, reproducible).
    private func nextRequestID() -> String {
        let number = lock.withLock {
            requestCount += 1
            return requestCount
        }
        var generator = SeededGenerator(seed: configuration.seed, stream: 0x5EED_0000, salt: number)
        return generator.hex(32)
    }

    /// The kinds of the rules that fire for this request, counting it against every matching rule.
    private func activeFaults(scope: FaultRule.Scope, now: Date, transportFaults: Bool) -> [FaultRule.Kind] {
        lock.withLock {
            var kinds: [FaultRule.Kind] = []
            for index in installed.indices {
                let rule = installed[index].rule
                guard rule.scope == .any || rule.scope == scope, transportFaults || !rule.isTransportLevel else {
                    continue
                }
                installed[index].matched += 1
                let matched = installed[index].matched
                let fires: Bool
                switch rule.trigger {
                case .always: fires = true
                case .every(let k): fires = matched % k == 0
                case .first(let n): fires = matched <= n
                case .window(let start, let end):
                    let elapsed = now.timeIntervalSince(installed[index].installedAt)
                    fires = elapsed >= start && elapsed < end
                }
                if fires { kinds.append(rule.kind) }
            }
            return kinds
        }
    }

    /// Makes the list and detail calls report `status` for `taskID` (nil: back to the scenario's).
    public func overrideStatus(of taskID: String, with status: String?) {
        writes.forgetStatus(of: taskID)
        lock.withLock {
            statusOverrides[taskID] = status
            listPageCache = [:]
        }
    }

    /// Makes the stats call of `taskID` answer `answers` in turn, the last one from then on (empty:
    /// back to the scenario's).
    public func scriptStats(of taskID: String, _ answers: [ScriptedStats]) {
        lock.withLock { statsScripts[taskID] = answers.isEmpty ? nil : answers }
    }

    /// The scripted stats answers still to come for `taskID`.
    public func scriptedStats(of taskID: String) -> [ScriptedStats] {
        lock.withLock { statsScripts[taskID] ?? [] }
    }

    /// The next scripted stats answer of `taskID`, if any (the last one is kept).
    func nextScriptedStats(of taskID: String) -> ScriptedStats? {
        lock.withLock {
            guard var answers = statsScripts[taskID], let first = answers.first else { return nil }
            if answers.count > 1 {
                answers.removeFirst()
                statsScripts[taskID] = answers
            }
            return first
        }
    }

    /// A cached list response of the frozen scenario.
    func cachedListPage(_ key: String) -> HTTPResponse? {
        lock.withLock { listPageCache[key] }
    }

    /// Caches a list response of the frozen scenario (bounded: 1,000 pages are 100,000 tasks' worth
    /// at the largest page size).
    func cacheListPage(_ key: String, _ response: HTTPResponse) {
        lock.withLock {
            if listPageCache.count >= 1_000 { listPageCache = [:] }
            listPageCache[key] = response
        }
    }

    /// The status overrides in force, by task id.
    public var statusOverridesInForce: [String: String] {
        lock.withLock { statusOverrides }
    }

    /// Records a token issued by the fake IAM.
    func remember(token: String, _ issued: IssuedToken) {
        lock.withLock { tokens[token] = issued }
    }

    /// A token issued earlier, if any.
    func issuedToken(_ token: String) -> IssuedToken? {
        lock.withLock { tokens[token] }
    }
}
