import Foundation
import GRDB
import GRDBSQLite
import SwitchboardCore

#if canImport(Glibc)
    import Glibc
#endif

/// Catch-up: read what each log gained since the offset the index recorded, apply it in one transaction, record the
/// new offsets. A recorded log that is gone, is shorter than the offset, or whose bytes before the offset changed was
/// rewritten (`compact`) or edited: the index is rebuilt from the logs, in the same transaction. A log with another
/// inode but the same bytes before the offset (a git merge wrote it anew, appended) is read on from the offset.
extension HistoryIndex {
    /// Brings the index up to date with the logs; `rebuild` (a reason) starts from scratch whatever it finds.
    /// `following`: a writer in this process is appending to the logs (`ingest`); the catch-up reads what they gain
    /// each time the feed says so, in the same transaction, and returns once the feed is finished — the index
    /// written on this thread while the writer decodes, analyses and appends on another.
    @discardableResult
    public func catchUp(
        progress: IndexProgress? = nil, rebuild: String? = nil, following feed: AppendFeed? = nil,
        waiting: Bool = true
    ) throws -> CatchUp {
        // Nothing new and nothing changed (the usual case): no lock, no write.
        if feed == nil, rebuild == nil, pendingReason == nil, try isCurrent() {
            removeLeftBuild()
            lastCatchUp = CatchUp()
            return lastCatchUp
        }
        // `waiting: false` (a workbench's refresh tick): when another process holds the write lock — an `ingest`
        // holds it for its whole run, committing batch by batch — nothing is read here; what it committed can be read.
        if !waiting {
            switch FileIO.tryLockResult(HistoryIndex.lockFile(dir)) {
            case .busy:
                var busy = CatchUp()
                busy.busy = true
                lastCatchUp = busy
                return busy
            case .locked(let fd):
                defer {
                    flock(fd, LOCK_UN)
                    close(fd)
                }
                return try caughtUpLocked(progress: progress, rebuild: rebuild, following: feed)
            case .unavailable: break
            }
        }
        return try FileIO.withLock(HistoryIndex.lockFile(dir)) {
            try caughtUpLocked(progress: progress, rebuild: rebuild, following: feed)
        }
    }

    /// `catchUp` holding the index's write lock.
    private func caughtUpLocked(progress: IndexProgress?, rebuild: String?, following feed: AppendFeed?) throws
        -> CatchUp
    {
        // What a build killed half-way left (never read).
        if access(HistoryIndex.buildFile(dir).path, F_OK) == 0 { HistoryIndex.removeBuildFiles(dir) }
        let result: CatchUp
        if let fresh = try freshBuild(rebuild: rebuild ?? pendingReason, following: feed) {
            // A rebuild, a first load of a large history, or an `ingest` of a large file into an index that has read
            // nothing (following its appends): built in a file of its own, then copied in.
            terms.pending = nil
            do { result = try buildInFreshFile(rebuild: fresh.why, progress: progress, following: feed) } catch {
                terms.forget()
                throw error
            }
            terms.commit()
        } else {
            result = try pool.writeWithoutTransaction { db -> CatchUp in
                // 100 mentions dirty ~500 pages (their rows, and a leaf of each index they fall into); SQLite's
                // default 2 MB cache spilled them into the write-ahead log mid-transaction and read them back.
                try db.execute(sql: "PRAGMA cache_size = \(HistoryIndex.writerCache)")
                var result = CatchUp()
                terms.pending = nil
                do {
                    try db.inTransaction(.immediate) {
                        result = try catchUp(
                            db, progress: progress, rebuild: rebuild ?? pendingReason, following: feed)
                        return .commit
                    }
                } catch {
                    terms.forget()
                    throw error
                }
                terms.commit()
                return result
            }
        }
        pendingReason = nil
        lastCatchUp = result
        maintain()
        return result
    }

    /// After a catch-up that left the full-text tail at `fullTextTail` rows or more, or the write-ahead log over
    /// `walLimit`: the tail is added to the full-text index (`flushFullText`, its own transaction) and the checkpoint
    /// (and the new log's first frame, see `checkpointIfLong(_:_:)`) runs, on another thread, so the catch-up returns
    /// without waiting for them (nor for the three `fsync`s); closing the index waits for it. A log over four times
    /// the limit (checkpoints cut short by readers) or a tail over four times its limit (flushes lost with a killed
    /// process) is dealt with before returning.
    func maintain() {
        let size = FileIO.size(URL(fileURLWithPath: HistoryIndex.file(dir).path + "-wal"))
        let flush = fullTextTailRows >= Int64(fullTextTail)
        guard flush || size > HistoryIndex.walLimit else { return }
        maintenance.wait()
        let (pool, dir) = (self.pool, self.dir)
        let checkpoint: @Sendable () -> Void = {
            pool.writeWithoutTransaction { db in
                // A full disk or a busy writer leaves the tail for the next catch-up: searches stay right.
                if flush { _ = try? HistoryIndex.flushFullText(db, dir) }
                HistoryIndex.checkpointIfLong(db, dir)
            }
        }
        let now = size > 4 * HistoryIndex.walLimit || fullTextTailRows >= 4 * Int64(fullTextTail)
        if flush { fullTextTailRows = 0 }
        if now {
            checkpoint()
            return
        }
        maintenance.enter()
        let group = maintenance
        Thread.detachNewThread {
            checkpoint()
            group.leave()
        }
    }

    /// Whether every log is exactly as far as the index read it (same inode, size, sampled bytes; no new log).
    func isCurrent() throws -> Bool {
        let known = try pool.read { db in try HistoryIndex.positions(db) }
        for kind in LogKind.readOrder {
            for file in logFiles(kind) {
                var st = stat()
                guard let pos = known[dir.logName(file)], stat(file.path, &st) == 0, pos.off == Int(st.st_size),
                    pos.inode == UInt64(st.st_ino)
                else { return false }
            }
        }
        return try rewrittenLog(known) == nil
    }

    static func positions(_ db: Database) throws -> [String: LogPosition] {
        var known: [String: LogPosition] = [:]
        for row in try Row.fetchAll(try db.cachedStatement(sql: "SELECT name, kind, off, inode, tail, lines FROM logfile")) {
            let name: String = row["name"]
            known[name] = LogPosition(
                name: name, kind: LogKind(rawValue: row["kind"]) ?? .mentions, off: row["off"],
                inode: UInt64(bitPattern: row["inode"] as Int64), tail: row["tail"], lines: row["lines"])
        }
        return known
    }

    struct LogPosition {
        var name: String, kind: LogKind, off: Int, inode: UInt64, tail: String, lines: Int
    }

    /// Reads the logs into `db` in the caller's transaction. `fresh`: `db` is a rebuild's own file (a bigger page
    /// cache, `HistoryIndex+FreshBuild.swift`).
    func catchUp(
        _ db: Database, progress: IndexProgress?, rebuild: String?, fresh: Bool = false, following feed: AppendFeed? = nil
    ) throws -> CatchUp {
        var known = try HistoryIndex.positions(db)
        // A new index another process built meanwhile (both found none): catch up what it read.
        var why = rebuild == "" && !known.isEmpty ? nil : rebuild
        if why == nil { why = try rewrittenLog(known) }
        var result = CatchUp()
        if let why {
            try HistoryIndex.clear(db)
            known = [:]
            result.rebuiltBecause = why.isEmpty ? "a new index" : why
        }
        let files = LogKind.readOrder.flatMap { kind in logFiles(kind).map { (kind, $0) } }
        let total = files.reduce(0) { $0 + max(0, FileIO.size($1.1) - (known[dir.logName($1.1)]?.off ?? 0)) }
        let report = progress != nil && (why != nil || total > 64 << 20)
        if report {
            progress?.started(
                why.map { $0.isEmpty ? L10n.t("index.building") : L10n.t("index.rebuilding", ["why": $0]) }
                    ?? L10n.t("index.catchingUp")
            )
        }
        let started = Date()
        // Rebuilding, or reading more than the index held (an `ingest` of a large file): the secondary indexes and
        // the full-text index are built once at the end (a sort each) instead of row by row; a bigger page cache.
        let indexed = known.values.reduce(0) { $0 + $1.off }
        // (Following an `ingest`: what it is about to append counts too.)
        // (A rebuild's fresh file starts empty: always in bulk, and its full-text pass is left to the caller.)
        let bulk = fresh || why != nil || total + (feed?.expectedBytes ?? 0) > max(bulkFromBytes, indexed)
        // (Following an `ingest` in a fresh file: the index's bulk cache, so the import's memory stays what it was.)
        if bulk {
            // The person tail left by earlier catch-ups is counted first: a bulk load counts as it goes, and
            // `endBulk` ends the tail.
            let upTo = try HistoryIndex.fullTextUpTo(db)
            if upTo != Int64.max { try HistoryIndex.foldPersonTail(db, dir, after: upTo) }
            try HistoryIndex.beginBulk(
                db, cacheKB: fresh && feed == nil ? HistoryIndex.buildCacheKB : HistoryIndex.bulkCacheKB)
        }
        // An index made before the full-text tail has every row in the full-text index: the tail starts here.
        if !bulk, try HistoryIndex.fullTextUpTo(db) == Int64.max { try HistoryIndex.setFullTextUpTo(db, nil) }
        let build = try TermCache.build(db)
        var applier = try LogApplier(
            db: db, dir: dir, deferFullText: bulk, teamFile: dir.teamFile, knownTerms: terms.known(for: build))
        let reader = LogPrefetch(
            files: files, dir: dir, from: known.mapValues(\.off),
            block: feed == nil ? HistoryIndex.block(for: total) : HistoryIndex.readBlock,
            inline: total < HistoryIndex.inlineTail,
            following: feed.map { feed in
                LogPrefetch.Following(feed: feed) { [self] in
                    LogKind.readOrder.flatMap { kind in logFiles(kind).map { (kind, $0) } }
                }
            })
        defer { reader.cancel() }
        // The log being read: its row, how far, how many lines; and how far each log was read in this catch-up (a
        // follower comes back to a log it read before, when the writer appended to it again).
        var open: (id: Int64, file: URL, name: String, off: Int, line: Int, inode: UInt64)?
        var reached: [String: (off: Int, line: Int)] = [:]
        func recordOffset() throws {
            guard let o = open else { return }
            reached[o.name] = (o.off, o.line)
            try db.cachedStatement(sql: "UPDATE logfile SET off = ?, inode = ?, tail = ?, lines = ? WHERE id = ?").execute(
                arguments: [o.off, Int64(bitPattern: o.inode), try tailHash(o.file, o.off), o.line, o.id])
            open = nil
        }
        while let step = try reader.next() {
            switch step {
            case .log(let kind, let file, let name, let size, let inode):
                try recordOffset()
                if reached[name] == nil, let pos = known[name], pos.off >= size {
                    // Written anew with the same bytes (a git merge, a compaction that dropped nothing): its inode.
                    if pos.inode != inode {
                        try db.execute(
                            sql: "UPDATE logfile SET inode = ? WHERE name = ?",
                            arguments: [Int64(bitPattern: inode), name])
                    }
                    continue
                }
                try db.cachedStatement(
                    sql: "INSERT OR IGNORE INTO logfile(name, kind, off, inode, tail) VALUES (?, ?, 0, ?, ?)"
                ).execute(
                    arguments: [name, kind.rawValue, Int64(bitPattern: inode), try tailHash(file, 0)])
                let id =
                    try Int64.fetchOne(
                        try db.cachedStatement(sql: "SELECT id FROM logfile WHERE name = ?"), arguments: [name]) ?? 0
                let from = reached[name] ?? known[name].map { ($0.off, $0.lines) } ?? (0, 0)
                open = (id, file, name, from.off, from.line, inode)
            case .block(let prepared, let offset, let bytes):
                guard var o = open else { continue }
                o.line += try applier.apply(prepared, file: o.id, name: o.name, at: offset, line: o.line)
                o.off = offset + bytes
                open = o
                result.bytes += bytes
                if report { progress?.advanced(done: result.bytes, total: total) }
            }
        }
        try recordOffset()
        try applier.finish()
        terms.pending = build.map { ($0, applier.termsMet) }
        if bulk {
            if report, why != nil { progress?.started(L10n.t("index.sorting")) }
            try HistoryIndex.endBulk(db, fullText: !fresh) { done, total in
                if report, why != nil { progress?.advanced(done: done, total: total) }
            }
        }
        fullTextTailRows = bulk ? 0 : try HistoryIndex.fullTextTailLength(db)
        (result.mentions, result.analyses, result.events) = (applier.mentions, applier.analyses, applier.events)
        if applier.events > 0 {
            try db.execute(
                sql: "UPDATE meta SET v = CAST(CAST(v AS INTEGER) + ? AS TEXT) WHERE k = 'events'",
                arguments: [applier.events])
        }
        if result.bytes > 0 || why != nil {
            try db.cachedStatement(sql: "INSERT OR REPLACE INTO meta(k, v) VALUES ('writer', ?)").execute(arguments: [writer])
        }
        if report {
            let secs = Date().timeIntervalSince(started)
            progress?.finished(
                L10n.t("index.read", ["mentions": applier.mentions, "actions": applier.events])
                    + String(format: " %.1f s", secs))
        }
        return result
    }

    /// The write-ahead log outlives each process (see `keepWriteAheadLog`), and what a process checkpointed is known
    /// only to the processes that have it open: a new one counts the whole log as not yet copied, and SQLite would
    /// never start it again from its beginning (and its automatic checkpoint, off here, would copy the whole log
    /// again after every commit). So a writer that leaves it over `walLimit` bytes copies it into the database and
    /// starts it again (a restarting checkpoint: every few catch-ups of 100 mentions). Readers in the way (the busy
    /// handler waits at most 100 ms for them): as much as they allow is copied, the rest left for the next writer.
    ///
    /// The log is started again from its beginning (a restarting checkpoint), not cut to nothing: an empty log makes
    /// the next process that opens the index write a transaction of its own (GRDB makes sure readers find a log),
    /// with the new log's header and directory entry synced (two `fsync`s). And the first frame of the new log is
    /// written here, with the `fsync` of its header, so the next catch-up's commit writes frames only (none synced
    /// in WAL mode with `synchronous = NORMAL`). `journal_size_limit` keeps the file at most 4 MB.
    static func checkpointIfLong(_ db: Database, _ dir: DataDirectory) {
        guard FileIO.size(URL(fileURLWithPath: file(dir).path + "-wal")) > walLimit else { return }
        sqlite3_busy_timeout(db.sqliteConnection, 100)
        if (try? db.checkpoint(.restart)) == nil {
            _ = try? db.checkpoint(.passive)
        } else {
            // A write that changes a page (rewriting a row with the same bytes writes no frame).
            try? db.execute(
                sql: """
                    INSERT INTO meta(k, v) VALUES ('log_restarts', '1')
                    ON CONFLICT(k) DO UPDATE SET v = CAST(CAST(v AS INTEGER) + 1 AS TEXT)
                    """)
        }
        sqlite3_busy_timeout(db.sqliteConnection, 60_000)
    }

    /// See `checkpointIfLong`.
    static let walLimit = 4 << 20
    /// The writer's page cache while it catches up (`PRAGMA cache_size`: negative is KiB): 16 MB.
    static let writerCache = -16384

    /// The page cache of a bulk load in the index (KiB; the bench tries others).
    nonisolated(unsafe) public static var bulkCacheKB = 65536

    static let readBlock = 8 << 20
    /// A tail shorter than this is read and decoded on the writer's thread (no thread started for a few mentions).
    static let inlineTail = 16 << 10
    /// The blocks a tail of `total` bytes is read in: a short tail (a listener's poll, another process's 100
    /// mentions: ~60 KB) in four, so the reading thread decodes the next while the writer stores one — a single
    /// block would leave the writer waiting for all of it (decoding and the columns are a quarter of such a
    /// catch-up's instructions); a long one in `readBlock`s.
    static func block(for total: Int) -> Int { min(readBlock, max(inlineTail / 2, total / 4)) }
    /// Catching up at least this many bytes (and more than the index has read) loads in bulk, as a rebuild does.
    static let bulkFrom = 32 << 20

    /// Why the recorded offsets cannot be trusted (a log gone, replaced or changed before its offset), or nil.
    func rewrittenLog(_ known: [String: LogPosition]) throws -> String? {
        for (name, pos) in known.sorted(by: { $0.key < $1.key }) {
            let file = dir.logDir.appendingPathComponent(name)
            var st = stat()
            guard stat(file.path, &st) == 0 else { return "log/\(name) is gone (compacted?)" }
            let replaced = UInt64(st.st_ino) != pos.inode
            if Int(st.st_size) < pos.off { return "log/\(name) was rewritten (compacted?)" }
            // A new inode with the same bytes before the offset: written anew with lines appended (a git merge
            // rewrites other sites' segments so): read on from the offset.
            if try tailHash(file, pos.off) != pos.tail {
                return replaced ? "log/\(name) was rewritten (compacted?)" : "log/\(name) was changed before the end"
            }
        }
        return nil
    }

    /// A hash of the (up to) 4096 bytes before `off`, and of 4096 bytes at the start and in the middle of what was
    /// read: changes when the log was edited there (reading it costs three small reads, whatever the log's size).
    func tailHash(_ file: URL, _ off: Int) throws -> String {
        let n = min(off, 4096)
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for start in Set([0, max(0, off / 2 - n / 2), off - n]).sorted() where n > 0 {
            for b in try FileIO.readBytes(file, from: start, count: n) { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        }
        return "\(n):" + String(h, radix: 16)
    }

    func logFiles(_ kind: LogKind) -> [URL] { HistoryLogs(dir: dir).files(kind) }
}

extension LogKind {
    /// Mentions before analysis before actions, as the store folds them.
    static let readOrder: [LogKind] = [.mentions, .analysis, .actions]
}
