import Foundation

/// One stats reading kept for sparklines and the time-left estimate.
public struct ProgressSample: Sendable, Hashable {
    /// When the reading arrived.
    public var at: Date
    /// `full_migration_progress`, percent.
    public var progress: Double?
    /// `offset`, the incremental lag.
    public var lag: Double?

    /// Builds a sample.
    public init(at: Date, progress: Double?, lag: Double?) {
        self.at = at
        self.progress = progress
        self.lag = lag
    }
}

/// A fixed-size ring of the latest samples of one task (oldest dropped first), so a session of
/// hours keeps a bounded history per task.
public struct TaskHistory: Sendable, Hashable {
    /// Samples kept at most.
    public let capacity: Int
    private var storage: [ProgressSample] = []
    private var start = 0

    /// Builds an empty history (capacity at least 2).
    public init(capacity: Int = 120) {
        self.capacity = max(capacity, 2)
    }

    /// Adds a sample, dropping the oldest when full.
    public mutating func append(_ sample: ProgressSample) {
        if storage.count < capacity {
            storage.append(sample)
        } else {
            storage[start] = sample
            start = (start + 1) % capacity
        }
    }

    /// The samples, oldest first.
    public var samples: [ProgressSample] {
        Array(storage[start...] + storage[..<start])
    }

    /// The latest sample.
    public var latest: ProgressSample? {
        storage.isEmpty ? nil : storage[(start + storage.count - 1) % storage.count]
    }

    /// Number of samples held.
    public var count: Int { storage.count }
}
