import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Hands the pages a fold of the logs freed back to the system. Reading the store leaves its transient buffers (the
/// read blocks, the decoded batches, each decoding thread's malloc arena) free but resident; building the feed then
/// allocates elsewhere, so without this both add up in the workbench's peak (docs/performance.md, "Where the
/// workbench's memory goes"). glibc's `malloc_trim(0)` releases the free pages of every arena; elsewhere a no-op.
enum FreedMemory {
    private typealias Trim = @convention(c) (Int) -> Int32

    private static let trim: Trim? = {
        #if canImport(Glibc)
            // Not in the Glibc module (malloc.h): looked up once.
            guard let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
            return unsafeBitCast(sym, to: Trim.self)
        #else
            return nil
        #endif
    }()

    /// Releases what is free now (a few milliseconds).
    static func release() { _ = trim?(0) }
}
