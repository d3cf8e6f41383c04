import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a file's new content incrementally into a temporary file beside it (`.NAME.tmp-PID-N`), then replaces the
/// file in one rename: readers see the old content or the new, never a mix, and a large file is never held whole.
public final class AtomicWriter {
    public let file: URL
    let tmp: URL
    private var fd: Int32

    public init(_ file: URL, mode: mode_t = 0o664) throws {
        self.file = file
        let dir = file.deletingLastPathComponent()
        tmp = dir.appendingPathComponent(
            ".\(file.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        fd = open(tmp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw SwitchboardError("cannot create \(tmp.path): \(FileIO.errnoText())") }
        FileIO.fixGroupMode(fd: fd, in: dir, mode: mode)
        if mode & 0o077 == 0 { fchmod(fd, mode) }
    }

    deinit { abandon() }

    /// Appends `bytes` to the new content.
    public func write(_ bytes: [UInt8]) throws {
        guard !bytes.isEmpty else { return }
        try FileIO.writeAll(fd: fd, bytes: bytes, path: tmp.path)
    }

    /// Makes the new content durable and puts it in place of the file.
    public func commit() throws {
        guard fd >= 0 else { throw SwitchboardError("\(tmp.path): already closed") }
        guard fsync(fd) == 0 else {
            let m = FileIO.errnoText()
            abandon()
            throw SwitchboardError("cannot sync \(tmp.path): \(m)")
        }
        close(fd)
        fd = -1
        guard rename(tmp.path, file.path) == 0 else {
            let m = FileIO.errnoText()
            unlink(tmp.path)
            throw SwitchboardError("cannot replace \(file.path): \(m)")
        }
        FileIO.syncDirectory(file.deletingLastPathComponent())
    }

    /// Drops the new content; the file stays as it was.
    public func abandon() {
        guard fd >= 0 else { return }
        close(fd)
        fd = -1
        unlink(tmp.path)
    }
}
