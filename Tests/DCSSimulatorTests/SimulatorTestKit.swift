import DCSKit
import DCSSimulator
import DCSTestSupport
import Foundation

/// Builders shared by the simulator tests.
enum SimulatorTestKit {
    static let base = URL(string: "https://dcs.sim-region-1.example.com")!
    static let projectID = SimulatorConfiguration.demoProjectID

    /// A clock that moves only when the test advances it, at a fixed start.
    static func clock() -> ManualClock { ManualClock(start: Date(timeIntervalSince1970: 1_795_000_000)) }

    static func configuration(
        clock: ManualClock, faults: [FaultRule] = [], tasks: Int = 40, seed: UInt64 = 1, speed: Double = 1,
        sleeps: SleepRecorder = SleepRecorder()
    ) -> SimulatorConfiguration {
        SimulatorConfiguration(
            taskCount: tasks, seed: seed, speed: speed, faults: faults, now: { clock.date },
            sleep: { sleeps.record($0) })
    }

    static func router(
        clock: ManualClock = SimulatorTestKit.clock(), faults: [FaultRule] = [], tasks: Int = 40, seed: UInt64 = 1,
        speed: Double = 1,
        sleeps: SleepRecorder = SleepRecorder()
    ) -> SimulatorRouter {
        SimulatorRouter(
            configuration: configuration(
                clock: clock, faults: faults, tasks: tasks, seed: seed, speed: speed, sleeps: sleeps))
    }

    /// A GET for `path` (under the base URL) with a raw query, signed with the demo keys (or `secretKey`) at `date`.
    static func signedGET(
        _ path: String, query: String? = nil, date: Date, secretKey: String = SimulatorConfiguration.demoSecretKey,
        accessKey: String = SimulatorConfiguration.demoAccessKey, base: URL = base
    ) -> HTTPRequest {
        var text = base.absoluteString + path
        if let query { text += "?" + query }
        let request = HTTPRequest(method: "GET", url: URL(string: text)!)
        let signer = RequestSigner(
            credentials: SigningCredentials(accessKey: accessKey, secretKey: secretKey), projectID: projectID)
        return signer.sign(request, date: date).request
    }

    static func listPath(_ project: String = projectID) -> String { "/v2/\(project)/migration-tasks" }

    static func json(_ response: HTTPResponse) throws -> JSONValue {
        try JSONValue.parse(response.body)
    }

    /// Pages through the list call like a client: until an empty page or `count` ids are seen.
    static func listAll(_ router: SimulatorRouter, clock: ManualClock, limit: Int = 10) async throws -> [JSONValue] {
        var offset = 0
        var items: [JSONValue] = []
        while true {
            let response = await router.handle(
                signedGET(listPath(), query: "limit=\(limit)&offset=\(offset)", date: clock.date))
            guard response.status == 200 else { throw TestFailure("list returned \(response.status)") }
            let page = try json(response)
            let tasks = page["migration_tasks"].arrayValue ?? []
            items += tasks
            offset += limit
            if tasks.isEmpty || items.count >= (page["count"].lenientInt ?? 0) { return items }
        }
    }

    /// A token from the fake IAM for `project`.
    static func token(_ router: SimulatorRouter, project: String = projectID) async throws -> String {
        let body = """
            {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"\(SimulatorConfiguration.demoIAMUser)",\
            "password":"\(SimulatorConfiguration.demoIAMPassword)","domain":{"name":"\(SimulatorConfiguration.demoIAMDomain)"}}}},\
            "scope":{"project":{"id":"\(project)"}}}}
            """
        let response = await router.handle(
            HTTPRequest(
                method: "POST", url: URL(string: "https://iam.example.com/v3/auth/tokens")!,
                headers: HTTPHeaders([("Content-Type", "application/json")]), body: Data(body.utf8)))
        guard response.status == 201, let token = response.headers["X-Subject-Token"] else {
            throw TestFailure("token call returned \(response.status)")
        }
        return token
    }
}
