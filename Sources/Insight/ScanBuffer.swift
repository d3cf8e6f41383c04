#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The scan's scratch memory, one block per thread, kept for the thread's life and grown when a longer text needs
/// more: a scan allocates nothing. (`withUnsafeTemporaryAllocation` heap-allocates above 1 KB, which a tweet's
/// tokens and keys already need.) Safe because a scan runs to its end on one thread and never calls back into one.
enum ScanBuffer {
    /// Per thread: a block that starts with its own size in bytes; freed with the thread.
    private static let key: pthread_key_t = {
        var k = pthread_key_t()
        pthread_key_create(&k) { p in free(p) }
        return k
    }()

    /// Calls `body` with at least `byteCount` bytes aligned to 16.
    @inline(__always)
    static func with<T>(byteCount: Int, _ body: (UnsafeMutableRawPointer) -> T) -> T {
        let k = key
        if let block = pthread_getspecific(k), block.load(as: Int.self) >= byteCount {
            return body(block + 16)
        }
        return body(grow(byteCount, k) + 16)
    }

    @inline(never)
    private static func grow(_ byteCount: Int, _ k: pthread_key_t) -> UnsafeMutableRawPointer {
        free(pthread_getspecific(k))
        let size = max(byteCount, 16_384)
        var p: UnsafeMutableRawPointer? = nil
        guard posix_memalign(&p, 64, size + 16) == 0, let block = p else { fatalError("out of memory") }
        block.storeBytes(of: size, as: Int.self)
        pthread_setspecific(k, block)
        return block
    }
}
