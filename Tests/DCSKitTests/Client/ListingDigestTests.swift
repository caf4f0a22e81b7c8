import Foundation
import Testing

@testable import DCSKit

/// The page digest decides whether a page is decoded again (session 6: keyed SipHash instead of
/// SHA-256). Equal bodies must give equal digests, and any changed byte or length a different one.
@Suite struct ListingDigestTests {
    @Test func aChangedByteAnywhereOrAnotherLengthChangesTheDigest() {
        var generator = SystemRandomNumberGenerator()
        let body = Data((0..<1_100_000).map { _ in UInt8.random(in: 0x20...0x7E, using: &generator) })
        let digest = ListingCache.digest(body)
        #expect(ListingCache.digest(Data(body)) == digest)
        for _ in 0..<200 {
            var changed = body
            let index = Int.random(in: 0..<body.count, using: &generator)
            changed[index] = changed[index] == 0x41 ? 0x42 : 0x41
            #expect(ListingCache.digest(changed) != digest, "byte \(index)")
        }
        #expect(ListingCache.digest(body.dropLast()) != digest)
        #expect(ListingCache.digest(body + Data([0])) != digest)
        #expect(ListingCache.digest(Data()) != ListingCache.digest(Data([0])))
    }
}
