#if canImport(Glibc)
    import CMalloc
#endif

/// glibc malloc settings applied at start-up, before any thread exists, so that the resident memory of
/// a dashboard that runs for hours follows what it uses instead of its high-water mark.
///
/// Why (DECISIONS.md, 2026-11-29): with glibc's defaults the soak run saw a 2,000-task dashboard grow
/// from 59 to 157 MiB in five minutes and stay there: every thread that allocates (URLSession's, the
/// monitor's queue, Dispatch workers decoding pages) is given its own arena, up to 8 per core, each
/// keeping its freed pages; and the mmap threshold rises after the first large free, so the next
/// 1,000-task page bodies and snapshot arrays land in those heaps instead of being unmapped when freed.
/// A `MALLOC_*` variable the user sets still wins over these values: glibc reads the environment when
/// malloc initialises, and the variables are honoured by leaving the setting alone here.
enum MemoryTuning {
    /// Applies the settings unless the environment already chooses them.
    static func apply(environment: [String: String]) {
        #if canImport(Glibc)
            // Two arenas: the UI thread and everything else rarely contend on one lock for long.
            if environment["MALLOC_ARENA_MAX"] == nil { _ = mallopt(M_ARENA_MAX, 2) }
            // Blocks of 1 MiB and more (1,000-task page bodies, snapshot arrays) are mapped on their own and given
            // back on free; setting it fixes the threshold (glibc's dynamic raise is switched off).
            if environment["MALLOC_MMAP_THRESHOLD_"] == nil { _ = mallopt(M_MMAP_THRESHOLD, 1024 * 1024) }
            // Free memory above 256 KiB at the top of a heap is returned to the system.
            if environment["MALLOC_TRIM_THRESHOLD_"] == nil { _ = mallopt(M_TRIM_THRESHOLD, 256 * 1024) }
        #endif
    }
}
