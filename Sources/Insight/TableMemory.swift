#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Memory for the model's large lookup tables. On Linux a table of 1 MB or more sits in transparent huge pages
/// (2 MB, `MADV_HUGEPAGE`): the scan's probes land on random lines of the word table (8 MB) and the learned table
/// (2 MB), and with 4 KB pages most of them also missed the TLB (a page walk, dearer still in a virtual machine).
/// Smaller tables, and systems without huge pages, get ordinary memory. The contents are the same either way.
enum TableMemory {
    static let hugePage = 2 << 20

    /// `byteCount` bytes aligned to at least 64 (uninitialised); free with `deallocate(_:byteCount:)`.
    static func allocate(byteCount: Int) -> UnsafeMutableRawPointer {
        #if os(Linux)
            if byteCount >= 1 << 20 {
                let size = (byteCount + hugePage - 1) / hugePage * hugePage
                var p: UnsafeMutableRawPointer? = nil
                if posix_memalign(&p, hugePage, size) == 0, let block = p {
                    _ = madvise(block, size, 14)  // MADV_HUGEPAGE (a hint: ignored where unsupported)
                    return block
                }
            }
        #endif
        return UnsafeMutableRawPointer.allocate(byteCount: max(byteCount, 1), alignment: 64)
    }

    static func deallocate(_ p: UnsafeMutableRawPointer, byteCount: Int) {
        #if os(Linux)
            if byteCount >= 1 << 20 { free(p); return }
        #endif
        p.deallocate()
    }
}
