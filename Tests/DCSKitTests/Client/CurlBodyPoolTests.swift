import Foundation
import Testing

@testable import DCSKit

/// Response-body buffers are reused once their `Data` is gone, never while it lives (session 6).
@Suite struct CurlBodyPoolTests {
    @Test func aReleasedBodyGivesItsBufferBackAndAHeldOneDoesNot() {
        let pool = CurlBodyPool()
        var held: Data? = Self.body(pool, bytes: 0x61, count: 100_000)
        #expect(pool.freeCount == 0)
        let address = held?.withUnsafeBytes { $0.baseAddress }
        held = nil
        #expect(pool.freeCount == 1)
        // The next body of that size is written into the same memory.
        let next = Self.body(pool, bytes: 0x62, count: 100_000)
        #expect(next.withUnsafeBytes { $0.baseAddress } == address)
        #expect(next == Data(repeating: 0x62, count: 100_000))
        #expect(pool.freeCount == 0)
    }

    @Test func aSmallFreeBufferIsNotPickedForALargeBodyWhenALargeOneIsFree() {
        let pool = CurlBodyPool()
        let small = pool.take(minimum: 64 << 10)
        let large = pool.take(minimum: 2_000_000)
        pool.give(small)
        pool.give(large)
        #expect(pool.take(minimum: 1_500_000).capacity >= 2_000_000)
        #expect(pool.take(minimum: 1000).capacity == 64 << 10)
    }

    @Test func atMostKeptBuffersStayFree() {
        let pool = CurlBodyPool()
        let buffers = (1...(CurlBodyPool.kept + 3)).map { pool.take(minimum: $0 * 1000) }
        buffers.forEach(pool.give)
        #expect(pool.freeCount == CurlBodyPool.kept)
    }

    @Test func aBufferOverTheLargestKeptIsReleased() {
        // A 20 MB answer (a hostile server, or a page far larger than the API's) is not pinned.
        let pool = CurlBodyPool()
        var huge: Data? = Self.body(pool, bytes: 0x63, count: CurlBodyPool.largestKept + 1)
        #expect(huge?.count == CurlBodyPool.largestKept + 1)
        huge = nil
        #expect(pool.freeCount == 0)
        _ = Self.body(pool, bytes: 0x64, count: 1_100_000)
        #expect(pool.freeCount == 1)
    }

    /// A body as the transport makes one: chunks in, then handed over as `Data`.
    static func body(_ pool: CurlBodyPool, bytes: UInt8, count: Int) -> Data {
        let exchange = CurlExchange(pool: pool)
        let chunk = [UInt8](repeating: bytes, count: 16_384)
        var left = count
        while left > 0 {
            chunk.prefix(left).withUnsafeBytes { exchange.receiveBody($0) }
            left -= min(left, chunk.count)
        }
        return exchange.takeBody()
    }
}
