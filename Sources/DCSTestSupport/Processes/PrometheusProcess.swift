import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A real Prometheus server (Debian's package) on 127.0.0.1 with a configuration and a data folder of
/// its own, scraping one target every `scrapeInterval`; the tests ask its HTTP query API what it saw,
/// as Grafana and Alertmanager would (issue 18).
///
/// `@unchecked Sendable`: the stored properties are set in init and never change (`ScratchChild` guards
/// its own state).
public final class PrometheusProcess: @unchecked Sendable {
    /// `http://127.0.0.1:PORT` of its web interface and API.
    public let url: URL
    private let process: ScratchChild

    /// Starts Prometheus scraping `target` (`HOST:PORT`, path `/metrics`) as job `dcswatch`, and waits
    /// up to 30 s until it is ready. Blocking: call it off the concurrency pool.
    public init(scraping target: String, scrapeInterval: String = "1s") throws {
        guard Prerequisite.prometheus.isAvailable else { throw TestFailure(Prerequisite.prometheus.missingMessage) }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dcswatch-prom-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let config = directory.appendingPathComponent("prometheus.yml")
        try """
        global:
          scrape_interval: \(scrapeInterval)
          scrape_timeout: \(scrapeInterval)
          evaluation_interval: \(scrapeInterval)
        scrape_configs:
          - job_name: dcswatch
            static_configs:
              - targets: ["\(target)"]
        """.write(to: config, atomically: true, encoding: .utf8)
        // A free port can be taken by a parallel test before Prometheus binds it: three tries.
        var log = ""
        for _ in 0..<3 {
            let port = try ScriptedHTTPServer.freePort()
            guard let url = URL(string: "http://127.0.0.1:\(port)") else { throw TestFailure("no URL for port \(port)") }
            let child = try ChildProcess(
                [
                    "prometheus", "--config.file=\(config.path)",
                    "--storage.tsdb.path=\(directory.appendingPathComponent("data").path)",
                    "--web.listen-address=127.0.0.1:\(port)", "--log.level=warn",
                ], stdout: directory.appendingPathComponent("log").path, directory: directory.path, searchPath: true)
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline, child.poll() == nil {
                if (try? Self.get(url.appendingPathComponent("-/ready")))?.status == 200 {
                    self.url = url
                    process = ScratchChild(child, directory: directory)
                    return
                }
                usleep(100_000)
            }
            child.signal(SIGTERM)
            _ = child.wait(deadline: 10)
            log = (try? String(contentsOf: directory.appendingPathComponent("log"), encoding: .utf8)) ?? ""
            guard log.contains("address already in use") else { break }
        }
        try? FileManager.default.removeItem(at: directory)
        throw TestFailure("prometheus did not get ready within 30 s: \(log.suffix(2000))")
    }

    deinit { stop() }

    /// One series of a query result: its labels and its value as Prometheus wrote it.
    public struct Series: Sendable, Hashable {
        /// The labels, `__name__` included when the query kept it.
        public let labels: [String: String]
        /// The sample value (`"1"`, `"0.5"`).
        public let value: String
    }

    /// The `result` of an instant query (`GET /api/v1/query`): one series per `{"metric", "value"}` item.
    public func query(_ promQL: String) throws -> [Series] {
        var components = URLComponents(url: url.appendingPathComponent("api/v1/query"), resolvingAgainstBaseURL: false)
        components?.queryItems = [URLQueryItem(name: "query", value: promQL)]
        guard let queryURL = components?.url else { throw TestFailure("cannot build a query URL for \(promQL)") }
        let (status, body) = try Self.get(queryURL)
        let object = try JSONSerialization.jsonObject(with: body) as? [String: Any]
        guard status == 200, object?["status"] as? String == "success",
            let data = object?["data"] as? [String: Any], let result = data["result"] as? [[String: Any]]
        else { throw TestFailure("query \(promQL) answered \(status): \(String(decoding: body, as: UTF8.self))") }
        return result.map { item in
            let value = (item["value"] as? [Any])?.last as? String ?? ""
            return Series(labels: item["metric"] as? [String: String] ?? [:], value: value)
        }
    }

    /// Repeats `query` every 200 ms for up to `timeout` seconds until `condition` holds for its result;
    /// the last result either way.
    public func waitFor(
        _ promQL: String, timeout: TimeInterval, until condition: ([Series]) -> Bool
    ) throws -> [Series] {
        let deadline = Date().addingTimeInterval(timeout)
        var result = try query(promQL)
        while !condition(result), Date() < deadline {
            usleep(200_000)
            result = try query(promQL)
        }
        return result
    }

    /// Stops Prometheus (SIGTERM; killed 10 s later) and removes its folder; once.
    public func stop() {
        process.stop(deadline: 10)
    }

    /// A GET to loopback, bounded at 10 s: status and body (Prometheus's API, `serve`'s `/metrics`).
    public static func get(_ url: URL) throws -> (status: Int, body: Data) {
        let semaphore = DispatchSemaphore(value: 0)
        let box = ResponseBox()
        URLSession.shared.dataTask(with: url) { data, response, _ in
            box.status = (response as? HTTPURLResponse)?.statusCode ?? -1
            box.body = data ?? Data()
            semaphore.signal()
        }.resume()
        guard semaphore.wait(timeout: .now() + 10) == .success else { throw TestFailure("GET \(url) timed out") }
        return (box.status, box.body)
    }
}

/// What a completion handler reports. `@unchecked Sendable`: written once before the semaphore is
/// signalled, read after the wait.
private final class ResponseBox: @unchecked Sendable {
    var status = -1
    var body = Data()
}
