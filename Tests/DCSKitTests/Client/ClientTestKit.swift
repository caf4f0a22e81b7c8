import DCSKit
import DCSTestSupport
import Foundation

/// Shared set-up for client tests: a scripted server on 127.0.0.1 and a client pointed at it.
enum ClientTestKit {
    static let credentials = SigningCredentials(accessKey: "AKTESTKEY1234", secretKey: "sk-test-secret")

    static func target(_ server: ScriptedHTTPServer, auth: TargetAuth = .signing(credentials), iam: URL? = nil) -> ResolvedTarget
    {
        ResolvedTarget(name: "test", endpoint: server.baseURL, projectID: "proj-1", auth: auth, iamEndpoint: iam)
    }

    static func client(
        _ server: ScriptedHTTPServer, auth: TargetAuth = .signing(credentials), pageSize: Int = 1000, maxPages: Int = 1000,
        pageConcurrency: Int = 4, maxRetries: Int = 3, requestTimeout: TimeInterval = 10, remembersListings: Bool = true,
        sleeper: SleepRecorder = SleepRecorder(),
        clock: SteppingClock = SteppingClock(), iam: URL? = nil, onRetry: (@Sendable (RetryNotice) -> Void)? = nil,
        observer: (any APIRequestObserver)? = nil
    ) -> DCSClient {
        let options = ClientOptions(
            pageSize: pageSize, maxPages: maxPages, pageConcurrency: pageConcurrency, connectTimeout: requestTimeout,
            requestTimeout: requestTimeout,
            maxRetries: maxRetries, remembersListings: remembersListings, retrySleep: sleeper.sleep, onRetry: onRetry,
            requestObserver: observer)
        return DCSClient(
            target: target(server, auth: auth, iam: iam),
            transport: URLSessionTransport(connectTimeout: requestTimeout, requestTimeout: requestTimeout),
            options: options, now: { clock.now() })
    }

    /// Runs `body` and returns the `APIError` it throws (nil when it succeeds or throws something else).
    static func apiError<T>(_ body: () async throws -> T) async -> APIError? {
        do {
            _ = try await body()
            return nil
        } catch let error as APIError {
            return error
        } catch {
            return nil
        }
    }
}

/// Thread-safe list for values collected in `@Sendable` callbacks.
final class Collected<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Value] = []

    func append(_ value: Value) {
        lock.lock()
        items.append(value)
        lock.unlock()
    }

    var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}

/// A counter safe to bump from server threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    /// Increments and returns the new value.
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
