import Foundation
import SwitchboardCore

#if canImport(Glibc)
    import Glibc
#endif

/// Reads the logs a catch-up needs on another thread, a block ahead of the writer: each block is split and decoded
/// (`LogApplier.prepare`, the mentions' columns included) while the writer applies the one before, so reading and
/// decoding run on one core while SQLite writes on the other. At most `depth` blocks wait.
final class LogPrefetch: @unchecked Sendable {
    enum Step {
        /// A log as it was when reading it began: its size is where the reading stops.
        case log(kind: LogKind, file: URL, name: String, size: Int, inode: UInt64)
        /// A block of complete lines at `offset` of the last log.
        case block(LogApplier.Prepared, offset: Int, bytes: Int)
    }

    static let depth = 2
    private var waiting: [Result<Step, Error>] = []
    private var done = false, cancelled = false
    private let condition = NSCondition()

    /// Reads everything on the caller's thread before the first step (a short tail: no thread to start).
    private let inline: Bool

    /// Starts reading `files` in order, each from its offset in `from` (by log name; 0 when not there); `inline`:
    /// reads them all now, on this thread.
    init(files: [(LogKind, URL)], dir: DataDirectory, from offsets: [String: Int], block: Int, inline: Bool = false) {
        self.inline = inline
        if inline {
            produce(files: files, dir: dir, offsets: offsets, block: block)
            done = true
            return
        }
        Thread.detachNewThread { [self] in
            produce(files: files, dir: dir, offsets: offsets, block: block)
            condition.withLock {
                done = true
                condition.broadcast()
            }
        }
    }

    /// The next step, nil at the end; rethrows a read error.
    func next() throws -> Step? {
        condition.lock()
        while waiting.isEmpty && !done { condition.wait() }
        guard !waiting.isEmpty else {
            condition.unlock()
            return nil
        }
        let step = waiting.removeFirst()
        condition.broadcast()
        condition.unlock()
        return try step.get()
    }

    /// Stops the reading thread (the writer is done, or failed).
    func cancel() {
        condition.withLock {
            cancelled = true
            waiting.removeAll()
            condition.broadcast()
        }
    }

    /// Hands a step over, waiting while `depth` are queued; false once cancelled.
    private func emit(_ step: Result<Step, Error>) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= LogPrefetch.depth && !cancelled && !inline { condition.wait() }
        if cancelled { return false }
        waiting.append(step)
        condition.broadcast()
        return true
    }

    private func produce(files: [(LogKind, URL)], dir: DataDirectory, offsets: [String: Int], block: Int) {
        do {
            for (kind, file) in files {
                let name = dir.logName(file)
                var st = stat()
                guard stat(file.path, &st) == 0 else { continue }
                let size = Int(st.st_size)
                let log = Step.log(kind: kind, file: file, name: name, size: size, inode: UInt64(st.st_ino))
                guard emit(.success(log)) else { return }
                var off = offsets[name] ?? 0
                while off < size {
                    var data = try FileIO.readBytes(file, from: off, count: min(size - off, block))
                    if let nl = data.lastIndex(of: 10) {
                        data.removeSubrange((nl + 1)...)
                    } else {
                        // An incomplete record at the end waits for its writer; a record longer than a block is
                        // read whole.
                        if data.count < block { break }
                        data = try FileIO.readBytes(file, from: off, count: size - off)
                        guard let nl = data.lastIndex(of: 10) else { break }
                        data.removeSubrange((nl + 1)...)
                    }
                    let step = Step.block(LogApplier.prepare(data, kind: kind), offset: off, bytes: data.count)
                    guard emit(.success(step)) else { return }
                    off += data.count
                }
            }
        } catch { _ = emit(.failure(error)) }
    }
}
