/// SplitMix64: a tiny, fast, seedable generator. The scenario must be reproducible from its seed, so
/// `SystemRandomNumberGenerator` is never used anywhere in the simulator.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Starts the sequence at `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// A generator for one named stream of one seed (e.g. task 7 of seed 1), independent of the others.
    public init(seed: UInt64, stream: UInt64, salt: UInt64 = 0) {
        var mixer = SeededGenerator(seed: seed ^ 0x9E37_79B9_7F4A_7C15)
        let first = mixer.next()
        state = first ^ (stream &* 0xBF58_476D_1CE4_E5B9) ^ (salt &* 0x94D0_49BB_1331_11EB)
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1).
    public mutating func unit() -> Double {
        Double(next() >> 11) / Double(UInt64(1) << 53)
    }

    /// One element of a non-empty array (the first when empty is impossible by construction).
    public mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[Int(next() % UInt64(elements.count))]
    }

    /// Lowercase hex of `count` random nibbles.
    public mutating func hex(_ count: Int) -> String {
        // Straight into the string's storage: building a [Character] first made start-up with 100,000
        // tasks take ~20 s (issue 6). Same draws, same output.
        String(unsafeUninitializedCapacity: max(count, 0)) { buffer in
            for index in 0..<max(count, 0) { buffer[index] = Self.hexDigits[Int(next() & 0xF)] }
            return max(count, 0)
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A random UUID-shaped string (8-4-4-4-12 lowercase hex), as DCS task and instance ids look.
    public mutating func uuid() -> String {
        "\(hex(8))-\(hex(4))-4\(hex(3))-\(pick(["8", "9", "a", "b"]))\(hex(3))-\(hex(12))"
    }

    /// A pure noise value in [0, 1) for (seed, stream, step): used for lag and throughput that must be
    /// a function of time, not of how often someone asked.
    public static func noise(seed: UInt64, stream: UInt64, step: Int64) -> Double {
        var generator = SeededGenerator(seed: seed, stream: stream, salt: UInt64(bitPattern: step))
        return generator.unit()
    }
}
