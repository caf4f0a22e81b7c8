import Foundation

/// Everything that shapes one simulated DCS project: its data, its credentials, its clock and its faults.
public struct SimulatorConfiguration: Sendable {
    /// The project id used by `--demo` and `dcswatch simulate` unless told otherwise.
    public static let demoProjectID = "0123456789abcdef0123456789abcdef"
    /// The demo access key; not a real credential.
    public static let demoAccessKey = "DEMOSIMULATORAK00001"
    /// The demo secret key; not a real secret, it only opens the local simulator.
    public static let demoSecretKey = "demo-simulator-secret-key-not-a-real-secret"
    /// The demo IAM user name for token mode.
    public static let demoIAMUser = "demo-user"
    /// The demo IAM password for token mode; not a real secret.
    public static let demoIAMPassword = "demo-password"
    /// The demo IAM domain (account) name for token mode.
    public static let demoIAMDomain = "demo-domain"

    /// How many tasks exist when the simulator starts (more appear over time).
    public var taskCount: Int
    /// Seed of the scenario: same seed and same clock give the same data.
    public var seed: UInt64
    /// How much faster than the wall clock migrations progress (1 = real time).
    public var speed: Double
    /// The only project id the API accepts in paths and tokens.
    public var projectID: String
    /// The access key accepted for `SDK-HMAC-SHA256`.
    public var accessKey: String
    /// The secret key the signatures are checked with.
    public var secretKey: String
    /// Seconds an issued IAM token stays valid (the real IAM: 24 h).
    public var tokenLifetime: TimeInterval
    /// IAM user name accepted by `POST /v3/auth/tokens`.
    public var iamUser: String
    /// IAM password accepted by `POST /v3/auth/tokens`.
    public var iamPassword: String
    /// IAM domain name accepted by `POST /v3/auth/tokens`.
    public var iamDomain: String
    /// Faults switched on from the start.
    public var faults: [FaultRule]
    /// Seconds every API request (DCS and IAM, not `/_sim`) waits before it is answered: a cloud-like
    /// round trip on 127.0.0.1 (`--latency`, issue 15). The wait is `sleep`, so other connections go on.
    public var latency: TimeInterval
    /// The simulator's clock: scenario time, signature skew, token expiry and fault windows all read it.
    public var now: @Sendable () -> Date
    /// How the router waits for latency and hang faults; tests inject a recorder so nothing sleeps.
    public var sleep: @Sendable (TimeInterval) async -> Void
    /// Whether an in-process hang (`SimulatorRouter.send`) really waits (up to the request's timeout)
    /// before throwing `.timedOut`; false throws at once so tests stay fast.
    public var hangWaitsInProcess: Bool

    /// Builds a configuration; every parameter has the demo default.
    public init(
        taskCount: Int = 40,
        seed: UInt64 = 1,
        speed: Double = 1.0,
        projectID: String = SimulatorConfiguration.demoProjectID,
        accessKey: String = SimulatorConfiguration.demoAccessKey,
        secretKey: String = SimulatorConfiguration.demoSecretKey,
        tokenLifetime: TimeInterval = 86_400,
        iamUser: String = SimulatorConfiguration.demoIAMUser,
        iamPassword: String = SimulatorConfiguration.demoIAMPassword,
        iamDomain: String = SimulatorConfiguration.demoIAMDomain,
        faults: [FaultRule] = [],
        latency: TimeInterval = 0,
        now: @escaping @Sendable () -> Date = Date.init,
        sleep: @escaping @Sendable (TimeInterval) async -> Void = SimulatorConfiguration.taskSleep,
        hangWaitsInProcess: Bool = false
    ) {
        self.taskCount = taskCount
        self.seed = seed
        self.speed = speed
        self.projectID = projectID
        self.accessKey = accessKey
        self.secretKey = secretKey
        self.tokenLifetime = tokenLifetime
        self.iamUser = iamUser
        self.iamPassword = iamPassword
        self.iamDomain = iamDomain
        self.faults = faults
        self.latency = max(latency, 0)
        self.now = now
        self.sleep = sleep
        self.hangWaitsInProcess = hangWaitsInProcess
    }

    /// The live sleep: `Task.sleep`, returning early (without error) when the task is cancelled.
    public static let taskSleep: @Sendable (TimeInterval) async -> Void = { seconds in
        guard seconds > 0 else { return }
        try? await Task.sleep(nanoseconds: UInt64(min(seconds, 86_400) * 1_000_000_000))
    }
}
