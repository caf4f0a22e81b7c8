import DCSTestSupport
import Foundation
import Testing

/// The live transport (URLSession) takes its proxy from the environment as `curl` does: `http_proxy`
/// sends the request to the proxy with the absolute URL, `no_proxy` exempts a host (issue 15, the
/// behaviour the deleted libcurl transport had). The endpoint's host never resolves (`.invalid`), so
/// only a request through the proxy can succeed.
@Suite("Proxies from the environment", .enabled(if: ProductLocator.dcswatch() != nil))
struct ProxyEndToEndTests {
    @Test func listGoesThroughTheProxyExceptForANoProxyHost() async throws {
        let proxy = try ScriptedHTTPServer { _ in .json(200, #"{"count":0,"migration_tasks":[]}"#) }
        defer { proxy.stop() }
        let binary = try #require(ProductLocator.dcswatch()).path
        let arguments = [
            "list", "--endpoint", "http://dcs.example.invalid", "--project-id", "p1", "--ak", "AKPROXYTEST0001",
            "--sk", "sk-proxy-test", "--output", "json",
        ]
        let environment = ["http_proxy": proxy.baseURL.absoluteString]
        let through = try CommandRun(binary: binary, arguments, environment: environment)
        let status = await through.finish(timeout: 60)
        #expect(status == 0, "\(through.stderr)")
        #expect(through.stdout == "[]\n")
        #expect(proxy.requests.map(\.target) == ["http://dcs.example.invalid/v2/p1/migration-tasks?limit=1000&offset=0"])

        let exempt = try CommandRun(
            binary: binary, arguments, environment: environment.merging(["no_proxy": "dcs.example.invalid"]) { $1 })
        #expect(await exempt.finish(timeout: 60) != 0)
        #expect(exempt.stderr.contains("cannot resolve dcs.example.invalid"))
        #expect(proxy.requests.count == 1)
    }
}
