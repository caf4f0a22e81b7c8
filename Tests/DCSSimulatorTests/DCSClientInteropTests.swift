import DCSKit
import DCSSimulator
import DCSTestSupport
import Foundation
import Logging
import Testing

/// The project's own client (DCSKit's `DCSClient`) against the simulator, in-process and over a socket.
@Suite("DCSClient against the simulator", .serialized)
struct DCSClientInteropTests {
    typealias Kit = SimulatorTestKit

    static let signing = TargetAuth.signing(
        SigningCredentials(
            accessKey: SimulatorConfiguration.demoAccessKey, secretKey: SimulatorConfiguration.demoSecretKey))

    static func client(
        _ transport: any HTTPTransport, endpoint: URL = Kit.base, auth: TargetAuth = signing,
        clock: ManualClock? = nil,
        pageSize: Int = 7
    ) -> DCSClient {
        let target = ResolvedTarget(
            name: "sim", endpoint: endpoint, projectID: Kit.projectID, auth: auth, iamEndpoint: endpoint)
        let options = ClientOptions(pageSize: pageSize, retrySleep: { _ in })
        if let clock {
            return DCSClient(target: target, transport: transport, options: options, now: { clock.date })
        }
        // Without a manual clock the wall clock: the socket server checks signatures against its own.
        return DCSClient(target: target, transport: transport, options: options, now: { Date() })
    }

    @Test func listsEveryTaskInProcess() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock, tasks: 30)
        let collection = try await Self.client(router, clock: clock).listAllTasks()
        #expect(collection.tasks.map(\.taskID) == router.snapshots().map(\.task.id))
        #expect(collection.tasks.map(\.status.raw) == router.snapshots().map(\.status))
    }

    @Test func duplicateRowsAcrossPagesAreFoldedByTheClient() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock, faults: [try FaultRule.parse("duplicates:2/list")], tasks: 30)
        let collection = try await Self.client(router, clock: clock).listAllTasks()
        #expect(Set(collection.tasks.map(\.taskID)) == Set(router.snapshots().map(\.task.id)))
        #expect(collection.tasks.count == 30)
    }

    @Test func passwordModeGetsATokenFromTheFakeIAM() async throws {
        let clock = SimulatorTestKit.clock()
        let router = Kit.router(clock: clock, tasks: 12)
        let identity = PasswordIdentity(
            userName: SimulatorConfiguration.demoIAMUser, password: SimulatorConfiguration.demoIAMPassword,
            domainName: SimulatorConfiguration.demoIAMDomain)
        let collection = try await Self.client(router, auth: .password(identity), clock: clock).listAllTasks()
        #expect(collection.tasks.count == router.snapshots().count)
    }

    @Test func detailAndStatsOverASocket() async throws {
        let server = SimulatorServer(
            configuration: SimulatorConfiguration(taskCount: 15),
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        let url = try await server.start(port: 0)
        let client = Self.client(URLSessionTransport(connectTimeout: 5, requestTimeout: 10), endpoint: url, pageSize: 4)
        let listed = try await client.listAllTasks()
        let first = try #require(listed.tasks.first)
        let detail = try await client.detail(taskID: first.taskID)
        let stats = try await client.stats(taskID: first.taskID)
        await server.stop()
        #expect(listed.tasks.count == server.router.snapshots().count)
        #expect(detail.task.taskID == first.taskID)
        #expect(stats.fullMigrationProgress != nil)
    }
}
