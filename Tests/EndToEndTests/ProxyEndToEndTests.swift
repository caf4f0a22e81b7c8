import DCSTestSupport
import Foundation
import Testing

/// The live transport (URLSession) takes its proxy from the environment as `curl` does: `http_proxy`
/// sends the request to the proxy with the absolute URL, `no_proxy` exempts a host (issue 15, the
/// behaviour the deleted libcurl transport had). The endpoint's host never resolves (`.invalid`), so
/// only a request through the proxy can succeed.
@Suite("Proxies from the environment", .requires(.dcswatch))
struct ProxyEndToEndTests {
    @Test func listGoesThroughTheProxyExceptForANoProxyHost() async throws {
        let proxy = try ScriptedHTTPServer { _ in .json(200, #"{"count":0,"migration_tasks":[]}"#) }
        defer { proxy.stop() }
        let arguments = [
            "list", "--endpoint", "http://dcs.example.invalid", "--project-id", "p1", "--ak", "AKPROXYTEST0001",
            "--sk", "sk-proxy-test", "--output", "json",
        ]
        let environment = ["http_proxy": proxy.baseURL.absoluteString]
        let through = try RunningCommand(arguments, environment: environment)
        let status = try await OffPool.run { through.finish(within: 60) }
        #expect(status == 0, "\(through.err)")
        #expect(through.out == "[]\n")
        #expect(proxy.requests.map(\.target) == ["http://dcs.example.invalid/v2/p1/migration-tasks?limit=1000&offset=0"])

        let exempt = try RunningCommand(
            arguments, environment: environment.merging(["no_proxy": "dcs.example.invalid"]) { $1 })
        #expect(try await OffPool.run { exempt.finish(within: 60) } != 0)
        #expect(exempt.err.contains("cannot resolve dcs.example.invalid"))
        #expect(proxy.requests.count == 1)
    }
}
