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

    init(dir: DataDirectory) { self.dir = dir }
    deinit { for fd in open.values { close(fd) } }

    func read(_ name: String, at offset: Int, count: Int) throws -> [UInt8] {
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
