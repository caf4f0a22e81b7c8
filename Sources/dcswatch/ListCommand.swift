import ArgumentParser
import DCSKit
import DCSMetrics
import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `dcswatch list`: every task of every target (or `--target`), once, for scripts and quick looks.
/// Exit 0 on success, 1 when any target failed (the others are still printed), 2 on usage or config errors.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List migration tasks once and exit.",
        discussion: """
            Exit status: 0 success, 1 an API or network failure (message on stderr; other targets are still \
            printed), 2 a usage or configuration error.
            """)

    @OptionGroup var connection: ConnectionOptions

    @Option(
        name: [.short, .long],
        help: "Output format: table, json, ndjson, csv, prometheus (with the stats of running online tasks).")
    var output: String = "table"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Only tasks in this status category (running, stopping, succeeded, stopped, failed, unknown) or raw status (repeatable).",
            valueName: "status"))
    var status: [String] = []

    @Option(
        name: .long, help: ArgumentHelp("Only tasks whose name or id contains this text (case-insensitive).", valueName: "text"))
    var name: String?

    @Option(name: .long, help: "Sort by name, status, created or target.")
    var sort: String = "target"

    @Flag(name: .long, help: "Reverse the order.")
    var reverse = false

    @Flag(name: .long, help: "Log requests and retries to stderr.")
    var verbose = false

    func validate() throws {
        guard ListOutputFormat(rawValue: output) != nil else {
            throw ValidationError("--output must be one of: table, json, ndjson, csv, prometheus")
        }
        guard ListSortKey(rawValue: sort) != nil else {
            throw ValidationError("--sort must be one of: name, status, created, target")
        }
        for value in status where !ListSelection.isValidStatus(value) {
            throw ValidationError("--status \(SafeText.line(value, limit: 40)) is neither a category nor a status word")
        }
    }

    func run() async throws {
        let format = ListOutputFormat(rawValue: output) ?? .table
        let selection = ListSelection(
            statuses: status, nameContains: name, sort: ListSortKey(rawValue: sort) ?? .target, reverse: reverse)
        let logger =
            verbose
            ? Logger(
                label: "dcswatch.client",
                factory: { label in
                    var handler = StreamLogHandler.standardError(label: label)
                    handler.logLevel = .debug
                    return handler
                })
            : Logger(label: "dcswatch.client", factory: { _ in SwiftLogNoOpLogHandler() })
        // Request metrics are part of the Prometheus families; no other format needs the observer.
        let metrics = format == .prometheus ? MigrationMetrics() : nil
        let connections: TargetConnections
        do {
            connections = try connection.connect(
                oneShot: true, logger: logger, requestObserver: metrics?.requestObserver
            ) { target, notice in
                printError("dcswatch: \(target): \(notice.userMessage)")
            }
        } catch let error as ConfigError {
            printError("dcswatch: error: \(error.userMessage)")
            throw ExitCode(2)
        }
        for warning in connections.warnings { printError("dcswatch: warning: \(SafeText.line(warning))") }

        let results = await Self.fetchAll(connections.clients)
        let fetchedAt = LiveClock.now()
        var tasks: [WatchedTask] = []
        var failed = false
        for (client, result) in zip(connections.clients, results) {
            switch result {
            case .success(let collection):
                tasks += collection.tasks.map { WatchedTask(target: client.target.name, task: $0) }
                for issue in collection.issues {
                    printError("dcswatch: warning: \(client.target.name): skipped \(SafeText.line(issue.description))")
                }
            case .failure(let error):
                failed = true
                printError("dcswatch: error: \(SafeText.line(client.target.name)): \(error.oneLineMessage)")
            }
        }
        let shown = selection.apply(tasks)
        var stdout = StandardOutput()
        defer { stdout.flush() }
        switch format {
        case .table:
            let terminal = Self.isTerminal(STDOUT_FILENO)
            let environment = ProcessInfo.processInfo.environment
            let colour = terminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
            let formatter = TaskTableFormatter(
                width: Self.terminalWidth(terminal: terminal, environment: environment), colour: colour,
                showTarget: connections.clients.count > 1)
            if !shown.isEmpty {
                formatter.write(shown, to: &stdout)
            } else if !failed {
                stdout.write("No migration tasks.\n")
            }
        case .json, .ndjson:
            // Bytes straight to the descriptor: at 100,000 tasks (~115 MB) a `String` per chunk showed.
            stdout.flush()
            var writable = true
            TaskJSONFormatter(lineDelimited: format == .ndjson).write(shown) { chunk in
                if writable { writable = Self.writeAll(chunk, to: STDOUT_FILENO) }
            }
        case .csv: TaskCSVFormatter().write(shown, to: &stdout)
        case .prometheus:
            stdout.flush()
            let exposition = await Self.prometheus(
                shown, clients: connections.clients, results: results, fetchedAt: fetchedAt,
                metrics: metrics ?? MigrationMetrics())
            _ = exposition.withUnsafeBufferPointer { Self.writeAll($0, to: STDOUT_FILENO) }
        }
        stdout.flush()
        if failed { throw ExitCode(1) }
        // Everything is written: end here rather than free 100,000 tasks string by string on the way
        // out (~0.1 s of `list`'s time at that size, issue 6).
        Foundation.exit(0)
    }

    /// Lists every client's tasks concurrently; results in client order.
    static func fetchAll(_ clients: [DCSClient]) async -> [Result<TaskCollection, Error>] {
        await withTaskGroup(of: (Int, Result<TaskCollection, Error>).self) { group in
            for (index, client) in clients.enumerated() {
                group.addTask {
                    do {
                        return (index, .success(try await client.listAllTasks()))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            // Collected then sorted: assigning `results[index]` inside `for await (index, result)` trapped
            // (Array subscript modify) in -O builds with Swift 6.3.1.
            var collected: [(Int, Result<TaskCollection, Error>)] = []
            for await item in group { collected.append(item) }
            return collected.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    /// Writes every byte of `chunk` to `descriptor`; false once writing fails (e.g. a closed pipe).
    static func writeAll(_ chunk: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Bool {
        guard var next = chunk.baseAddress else { return true }
        var left = chunk.count
        while left > 0 {
            let written = write(descriptor, next, left)
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return false }
            next += written
            left -= written
        }
        return true
    }

    /// True when the descriptor is a terminal.
    static func isTerminal(_ descriptor: Int32) -> Bool {
        isatty(descriptor) == 1
    }

    /// The terminal's width (TIOCGWINSZ), else `$COLUMNS`, else no limit when not a terminal (pipes get
    /// whole lines), else 80.
    static func terminalWidth(terminal: Bool, environment: [String: String]) -> Int? {
        if terminal {
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        }
        if let columns = environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 { return columns }
        return terminal ? 80 : nil
    }
}
