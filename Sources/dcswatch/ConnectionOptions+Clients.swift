import ArgumentParser
import DCSKit
import Foundation
import Logging

/// Everything a command needs to query its targets: the config, the resolved targets, a live client
/// per target, and warnings to show once.
struct TargetConnections {
    /// The config file as loaded (refresh interval, page size, extra keys).
    let config: DCSWatchConfig
    /// One live client per selected target, in config order.
    let clients: [DCSClient]
    /// Warnings from config and credential sources.
    let warnings: [String]

    /// The resolved targets.
    var targets: [ResolvedTarget] { clients.map(\.target) }
}

extension ConnectionOptions {
    /// Loads the config, resolves the targets from flags and environment, and builds a live
    /// `DCSClient` for each. Throws `ConfigError` (exit code 2 in `list`). `oneShot`: the clients list
    /// once (`list`, `debug fetch`), so they keep no page digests for a next listing. `requestObserver`
    /// is told of every request attempt (the request metrics of `serve` and `list --output prometheus`).
    func connect(
        loader: ConfigLoader = .live(), oneShot: Bool = false,
        logger: Logger = Logger(label: "dcswatch.client", factory: { _ in SwiftLogNoOpLogHandler() }),
        requestObserver: (any APIRequestObserver)? = nil, onRetry: (@Sendable (String, RetryNotice) -> Void)? = nil
    ) throws -> TargetConnections {
        let config = try loader.load(configPath: config)
        let resolution = try TargetResolver(loader: loader).resolve(config: config, overrides: overrides)
        let timeout = requestTimeout ?? 30
        let transport = URLSessionTransport(connectTimeout: min(10, timeout), requestTimeout: timeout)
        var clients: [DCSClient] = []
        for target in resolution.targets {
            var notify: (@Sendable (RetryNotice) -> Void)?
            if let onRetry {
                let name = target.name
                notify = { notice in onRetry(name, notice) }
            }
            let options = ClientOptions(
                pageSize: config.pageSize ?? 1000, connectTimeout: min(10, timeout), requestTimeout: timeout,
                remembersListings: !oneShot, onRetry: notify, requestObserver: requestObserver)
            clients.append(
                DCSClient(target: target, transport: transport, options: options, now: LiveClock.now, logger: logger))
        }
        return TargetConnections(config: config, clients: clients, warnings: resolution.warnings)
    }
}

/// Writes one line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

extension ConnectionOptions {
    /// `connect()` for the script commands (`show`, `wait`, `events`): a configuration error is printed
    /// as one line and exits 2 (usage/config, as for `list`); warnings go to stderr.
    func connectForScript() throws -> TargetConnections {
        let connections: TargetConnections
        do {
            connections = try connect()
        } catch {
            printError("dcswatch: " + error.oneLineMessage)
            throw ExitCode(2)
        }
        for warning in connections.warnings { printError("dcswatch: warning: " + warning) }
        return connections
    }
}
