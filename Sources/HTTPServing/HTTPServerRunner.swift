import FlyingFox
import FlyingSocks
import Foundation
import Logging

/// Runs one FlyingFox server in a task of its own: starts it, waits until it listens, tells the bound
/// address, and stops it with every open connection. The simulator and `serve` both run theirs here.
///
/// `@unchecked Sendable`: `start`/`stop` may be called from different tasks; the server and its run
/// task are guarded by `lock`.
package final class HTTPServerRunner: @unchecked Sendable {
    /// Errors of starting the server.
    package enum StartError: Error, Sendable {
        /// `start` was called twice.
        case alreadyRunning
    }

    private let logger: Logger
    private let name: String
    private let lock = NSLock()
    private var server: HTTPServer?
    private var runTask: Task<Void, Never>?
    private var stopping = false

    /// A runner whose failures are logged to `logger` as "`name` server failed: …".
    package init(name: String, logger: Logger) {
        self.name = name
        self.logger = logger
    }

    /// Starts serving `handler` as configured and returns the address it listens on (the port the
    /// system chose for port 0). Throws what binding threw (an address in use, a foreign address).
    package func start(_ configuration: HTTPServer.Configuration, handler: some HTTPHandler) async throws
        -> Socket.Address?
    {
        let server = HTTPServer(config: configuration, handler: handler)
        try lock.withLock {
            guard self.server == nil else { throw StartError.alreadyRunning }
            self.server = server
        }
        let bound = BindOutcome()
        let logger = self.logger
        let name = self.name
        let task = Task {
            do {
                try await server.run()
            } catch {
                bound.fail(error)
                if self.lock.withLock({ !self.stopping }) { logger.error("\(name) server failed: \(error)") }
            }
        }
        lock.withLock { runTask = task }
        do {
            // A bind failure ends `run` at once but leaves `waitUntilListening` waiting for its timeout:
            // whichever comes first decides.
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await server.waitUntilListening(timeout: 10) }
                group.addTask { try await bound.waitForFailure() }
                defer { group.cancelAll() }
                try await group.next()
            }
        } catch {
            await stop()
            throw error
        }
        return await server.listeningAddress
    }

    /// Stops listening, cancels connections still open (a hanging request among them) and waits.
    package func stop() async {
        let (server, task) = lock.withLock {
            stopping = true
            defer {
                self.server = nil
                runTask = nil
            }
            return (self.server, runTask)
        }
        await server?.stop(timeout: 0)
        task?.cancel()
        await task?.value
    }
}

/// The error that ended `run` before the server listened, and the one task waiting for it.
/// `@unchecked Sendable`: every field is guarded by `lock`.
private final class BindOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var failure: (any Error)?
    private var cancelled = false
    private var waiter: CheckedContinuation<Void, any Error>?

    /// Records the error and wakes the waiter with it.
    func fail(_ error: any Error) {
        let waiter = lock.withLock {
            failure = error
            defer { self.waiter = nil }
            return self.waiter
        }
        waiter?.resume(throwing: error)
    }

    /// Throws the error once `run` failed; returns when the waiting task is cancelled first.
    func waitForFailure() async throws {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                lock.withLock {
                    if let failure {
                        continuation.resume(throwing: failure)
                    } else if cancelled {
                        continuation.resume()
                    } else {
                        waiter = continuation
                    }
                }
            }
        } onCancel: {
            let waiter = lock.withLock {
                cancelled = true
                defer { self.waiter = nil }
                return self.waiter
            }
            waiter?.resume()
        }
    }
}
