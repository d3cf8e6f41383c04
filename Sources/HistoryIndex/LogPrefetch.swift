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
    /// reads them all now, on this thread. `following`: then, each time the feed says the logs grew, reads what
    /// grew in the logs `list` gives (in that order) until the feed is finished (`HistoryIndex.catchUp(following:)`).
    init(
        files: [(LogKind, URL)], dir: DataDirectory, from offsets: [String: Int], block: Int, inline: Bool = false,
        following: Following? = nil
    ) {
        self.inline = inline && following == nil
        following?.feed.attach()
        if self.inline {
            produce(files: files, dir: dir, offsets: offsets, block: block, following: nil)
            done = true
            return
        }
        Thread.detachNewThread { [self] in
            produce(files: files, dir: dir, offsets: offsets, block: block, following: following)
            condition.withLock {
                done = true
                condition.broadcast()
            }
        }
    }

    /// A writer's appends to follow: its feed, and the logs to look at after each word from it.
    struct Following: @unchecked Sendable {
        let feed: AppendFeed
        let list: () -> [(LogKind, URL)]
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

    private var isCancelled: Bool { condition.withLock { cancelled } }

    private func produce(
        files: [(LogKind, URL)], dir: DataDirectory, offsets: [String: Int], block: Int, following: Following?
    ) {
        // How far each log was read (by name), and its inode when reading began: a log replaced under a follower
        // (compacted) is left to the next catch-up, which finds it rewritten.
        defer { following?.feed.detach() }
        var reached = offsets
        var inodes: [String: UInt64] = [:]
        var current: String?
        /// Reads what `file` holds beyond `reached`; `always`: says which log it is even when nothing grew (the
        /// first pass: the catch-up records a new inode). False to stop (cancelled, or a log was replaced).
        func read(_ kind: LogKind, _ file: URL, always: Bool) throws -> Bool {
            let name = dir.logName(file)
            var st = stat()
            guard stat(file.path, &st) == 0 else { return true }
            let size = Int(st.st_size)
            let inode = UInt64(st.st_ino)
            if let seen = inodes[name], seen != inode { return false }
            inodes[name] = inode
            var off = reached[name] ?? 0
            if !always && off >= size { return true }
            if always || current != name {
                let log = Step.log(kind: kind, file: file, name: name, size: size, inode: inode)
                guard emit(.success(log)) else { return false }
                current = name
            }
            // A log announced with nothing to read may be passed over by the catch-up (it opens no row for it):
            // when it grows later, it is announced again, so its lines are never read into no log's row.
            if off >= size { current = nil }
            let path = kind == .mentions && following != nil ? file.standardizedFileURL.path : nil
            while off < size {
                // Mentions this process appended here and handed over: taken instead of decoded, when the log
                // holds exactly their bytes (else read as any other lines).
                if let path, let feed = following?.feed, let handed = feed.take(path: path, at: off),
                    handed.bytes.count <= size - off,
                    try FileIO.readBytes(file, from: off, count: handed.bytes.count) == handed.bytes,
                    let prepared = LogApplier.prepare(handed)
                {
                    feed.countTaken()
                    guard emit(.success(.block(prepared, offset: off, bytes: handed.bytes.count))) else { return false }
                    off += handed.bytes.count
                    reached[name] = off
                    continue
                }
                var count = min(size - off, block)
                if let path, let next = following?.feed.nextHanded(path: path, after: off) {
                    count = min(count, next - off)
                }
                var data = try FileIO.readBytes(file, from: off, count: count)
                if let nl = data.lastIndex(of: 10) {
                    data.removeSubrange((nl + 1)...)
                } else {
                    // An incomplete record at the end waits for its writer; a record longer than a block is
                    // read whole.
                    if data.count < count { break }
                    data = try FileIO.readBytes(file, from: off, count: size - off)
                    guard let nl = data.lastIndex(of: 10) else { break }
                    data.removeSubrange((nl + 1)...)
                }
                let step = Step.block(LogApplier.prepare(data, kind: kind), offset: off, bytes: data.count)
                guard emit(.success(step)) else { return false }
                off += data.count
                reached[name] = off
            }
            return true
        }
        do {
            for (kind, file) in files { guard try read(kind, file, always: true) else { return } }
            guard let following else { return }
            var seen = 0
            while true {
                let (generation, finished) = following.feed.wait(after: seen, stop: { isCancelled })
                if isCancelled { return }
                seen = generation
                for (kind, file) in following.list() { guard try read(kind, file, always: false) else { return } }
                if finished { return }
            }
        } catch { _ = emit(.failure(error)) }
    }
}
