import ArgumentParser
import DCSKit
import Foundation
import Logging

/// `dcswatch debug fetch`: lists every task of every target with the real client and prints only how
/// many and how long — the fetch path alone, without formatting (the benchmarks' "fetch every page",
/// issue 6; also a quick way to see how long a project takes to list).
struct DebugFetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch every task once and print the count and the time it took.")

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let logger = Logger(label: "dcswatch.client", factory: { _ in SwiftLogNoOpLogHandler() })
        let connections: TargetConnections
        do {
            connections = try connection.connect(oneShot: true, logger: logger) { _, _ in }
        } catch let error as ConfigError {
            FileHandle.standardError.write(Data("dcswatch: error: \(error.userMessage)\n".utf8))
            throw ExitCode(2)
        }
        var failed = false
        var kept: [TaskCollection] = []
        for client in connections.clients {
            let started = DispatchTime.now().uptimeNanoseconds
            do {
                let collection = try await client.listAllTasks()
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                let line = "{\"tasks\":\(collection.tasks.count),\"seconds\":\(seconds)}\n"
                StandardOutput.write(line)
                kept.append(collection)
            } catch {
                failed = true
                FileHandle.standardError.write(Data("dcswatch: \(error.oneLineMessage)\n".utf8))
            }
        }
        // As `list`: end here rather than free every task on the way out (~40 ms at 100,000 tasks, which
        // a user of this command would wait for too). `kept` holds the collections until then.
        withExtendedLifetime(kept) { Foundation.exit(failed ? 1 : 0) }
    }
}
