import Foundation

/// Response-body buffers kept between requests (issue 6, session 6). A 1,000-task page is 1.1 MB:
/// a new buffer for it is mapped by malloc (it is above the mmap threshold that keeps resident memory
/// following the live heap, `MemoryTuning`) and its 270 pages are faulted in and zeroed on every
/// refresh — a sixth of the idle dashboard's CPU. A body handed out is a `Data` over a pooled buffer
/// whose deallocator gives the buffer back, so the next refresh writes into pages already resident;
/// nothing is reused while a `Data` still refers to it.
///
/// `@unchecked Sendable`: the free list is guarded by the lock.
final class CurlBodyPool: @unchecked Sendable {
    /// A buffer and the bytes it can hold.
    struct Buffer {
        let pointer: UnsafeMutableRawPointer
        let capacity: Int
    }

    /// Free buffers kept (a page body and a small answer); more are released: each page in flight at
    /// 100,000 tasks has its own, and keeping them all would hold megabytes between refreshes.
    static let kept = 2
    /// The largest buffer kept: one huge (or hostile) response must not pin its memory until the end of
    /// the process; a 1,000-task page is 1.1 MB.
    static let largestKept = 8 << 20
    private let lock = NSLock()
    private var free: [Buffer] = []

    /// How many buffers are free (for tests).
    var freeCount: Int { lock.withLock { free.count } }

    /// The smallest free buffer of at least `minimum` bytes, else the largest free one grown to it,
    /// else a new one.
    func take(minimum: Int) -> Buffer {
        let size = max(minimum, 1)
        let reused: Buffer? = lock.withLock {
            if let index = free.indices.filter({ free[$0].capacity >= size }).min(by: { free[$0].capacity < free[$1].capacity }) {
                return free.remove(at: index)
            }
            guard let largest = free.indices.max(by: { free[$0].capacity < free[$1].capacity }) else { return nil }
            return free.remove(at: largest)
        }
        if let reused, reused.capacity >= size { return reused }
        if let reused { return Self.grow(reused, to: size) }
        return Buffer(pointer: UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16), capacity: size)
    }

    /// Takes a buffer back; one over `largestKept`, or beyond `kept` the smallest, is released.
    func give(_ buffer: Buffer) {
        guard buffer.capacity <= Self.largestKept else {
            buffer.pointer.deallocate()
            return
        }
        let released: Buffer? = lock.withLock {
            free.append(buffer)
            guard free.count > Self.kept, let smallest = free.indices.min(by: { free[$0].capacity < free[$1].capacity })
            else { return nil }
            return free.remove(at: smallest)
        }
        released?.pointer.deallocate()
    }

    /// A larger buffer with the same first bytes (`count` of them are kept).
    static func grow(_ buffer: Buffer, to size: Int, keeping count: Int = 0) -> Buffer {
        let larger = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        if count > 0 { larger.copyMemory(from: buffer.pointer, byteCount: count) }
        buffer.pointer.deallocate()
        return Buffer(pointer: larger, capacity: size)
    }

    deinit {
        for buffer in free { buffer.pointer.deallocate() }
    }
}
