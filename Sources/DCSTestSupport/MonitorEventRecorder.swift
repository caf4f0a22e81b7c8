import DCSKit
import Foundation

/// Collects a monitor's events so async tests can wait for the next one of a kind.
public final class MonitorEventRecorder: Sendable {
    private let stream: AsyncStream<MonitorEvent>
    private let continuation: AsyncStream<MonitorEvent>.Continuation

    /// Builds an empty recorder.
    public init() {
        (stream, continuation) = AsyncStream.makeStream(of: MonitorEvent.self)
    }

    /// The callback to pass as the monitor's `publish`.
    public var publish: @Sendable (MonitorEvent) -> Void {
        let continuation = self.continuation
        return { continuation.yield($0) }
    }

    /// The next event that is not `.fetchStarted` (a result), skipping starts; nil if the stream ended.
    public func nextResult() async -> MonitorEvent? {
        for await event in stream {
            if case .fetchStarted = event { continue }
            return event
        }
        return nil
    }
}
