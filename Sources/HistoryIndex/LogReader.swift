import Foundation
import SwitchboardCore

#if canImport(Glibc)
    import Glibc
#endif

/// Reads records from the logs by offset, keeping each log open while a page is read (one `open` per log, one
/// `pread` per record).
final class LogReader {
    let dir: DataDirectory
    private var open: [String: Int32] = [:]

    /// Bytes read at once when > 0: a reader that goes through a log in order (the report) reads it in blocks and
    /// serves the records inside the last block from memory.
    let readAhead: Int
    private var block: (name: String, start: Int, bytes: [UInt8])?

    init(dir: DataDirectory, readAhead: Int = 0) { (self.dir, self.readAhead) = (dir, readAhead) }
    deinit { for fd in open.values { close(fd) } }

    func read(_ name: String, at offset: Int, count: Int) throws -> [UInt8] {
        guard readAhead > 0 else { return try readRaw(name, at: offset, count: count) }
        if let b = block, b.name == name, offset >= b.start, offset + count <= b.start + b.bytes.count {
            return Array(b.bytes[(offset - b.start)..<(offset - b.start + count)])
        }
        let bytes = try readRaw(name, at: offset, count: max(count, readAhead))
        block = (name, offset, bytes)
        return Array(bytes.prefix(count))
    }

    private func readRaw(_ name: String, at offset: Int, count: Int) throws -> [UInt8] {
        let fd: Int32
        if let known = open[name] {
            fd = known
        } else {
            let path = dir.logDir.appendingPathComponent(name).path
            fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw SwitchboardError("cannot read \(path): \(FileIO.errnoText())") }
            open[name] = fd
        }
        var out = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, count - done, off_t(offset + done)) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            done += n
        }
        if done < count { out.removeSubrange(done...) }
        return out
    }
}
