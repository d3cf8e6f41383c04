import Foundation
import GRDB
import SwitchboardCore

#if canImport(Glibc)
    import Glibc
#endif

/// A rebuild (and the first load of a large history into an index that has read nothing) is written into a file of
/// its own, `index/history.build.sqlite`, opened with `journal_mode = OFF`, `synchronous = OFF`,
/// `locking_mode = EXCLUSIVE` and a 256 MB page cache: no rollback journal or write-ahead log to write each page into
/// (in the index, a bulk load of 1M mentions wrote its 600 MB through the log, pages spilled from the cache more than
/// once, then copied them into the database), no `DELETE` of the old rows, no locks taken page by page. When it is
/// complete it is copied into the index page by page (SQLite's backup, one write transaction of the index's own), so:
///
/// - readers keep the old index until that transaction commits, then see the new one — the index stays one file
///   under one name, and processes that hold it open go on reading it (a rename over a database in WAL mode would
///   leave them on the renamed-away file, and the new file beside the old one's `-wal` and `-shm`, which SQLite
///   would read as its own);
/// - a process killed while building leaves the old index and a build file that the next catch-up removes
///   (unfinished, never read); killed while copying, SQLite rolls the copy back: the old index.
///
/// The copy costs writing the pages once more (into the write-ahead log, then the checkpoint); the build itself
/// writes each page once.
extension HistoryIndex {
    /// Where a rebuild is written before it is copied into the index.
    static func buildFile(_ dir: DataDirectory) -> URL { folder(dir).appendingPathComponent("history.build.sqlite") }

    /// The build file and whatever SQLite kept beside it (a killed build leaves them).
    static func removeBuildFiles(_ dir: DataDirectory) {
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(buildFile(dir).path + suffix) }
    }

    /// The page cache of a rebuild's fresh file (KiB): the key's and the handle's B-trees are filled in random order.
    static let buildCacheKB = 256 << 10

    /// Whether rebuilds go through a fresh file (on; the bench's `index-steps DIR build-in-place` and tests turn it
    /// off). Since schema 8 loads the rows without the key index, what a rebuild in place still pays is the
    /// write-ahead log: every page of the one big transaction is a frame of the log, and each page read back (the
    /// actions' rows, the seven index builds and the full-text pass at the end) is looked up in it first, a walk that
    /// grows with the log. Measured at 1M, a fresh file took 51–55 CPU-s against 91–94 in place, and at 10M 629 CPU-s
    /// against 1,066 (docs/performance.md, "Session 13 (lead)"); in phase 11, when the key index dominated, the two
    /// were even.
    nonisolated(unsafe) public static var freshBuilds = true

    /// Whether this catch-up (holding the write lock) is built in a fresh file, and the reason to give (nil: an index
    /// that has read nothing loads a large history); nil: caught up in place.
    func freshBuild(rebuild: String?) throws -> FreshBuild? {
        guard HistoryIndex.freshBuilds else { return nil }
        let known = try pool.read { db in try HistoryIndex.positions(db) }
        if let rebuild {
            // A new index another process built meanwhile (both found none): caught up as usual.
            if rebuild.isEmpty && !known.isEmpty { return nil }
            return FreshBuild(why: rebuild)
        }
        if let why = try rewrittenLog(known) { return FreshBuild(why: why) }
        guard known.values.allSatisfy({ $0.off == 0 }) else { return nil }
        let total = LogKind.readOrder.flatMap { logFiles($0) }.reduce(0) { $0 + FileIO.size($1) }
        return total > HistoryIndex.bulkFrom ? FreshBuild(why: nil) : nil
    }

    struct FreshBuild { var why: String? }

    /// Builds the index from the logs in `buildFile` and copies it into the index (hold the write lock).
    func buildInFreshFile(rebuild why: String?, progress: IndexProgress?) throws -> CatchUp {
        let path = HistoryIndex.buildFile(dir).path
        HistoryIndex.removeBuildFiles(dir)
        defer { HistoryIndex.removeBuildFiles(dir) }
        // The copy needs the index's page size (a database in WAL mode cannot change it).
        let pageSize = try pool.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") } ?? 4096
        var config = Configuration()
        config.label = "switchboard-index-build"
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA page_size = \(pageSize)")
            try db.execute(sql: "PRAGMA journal_mode = OFF")
            try db.execute(sql: "PRAGMA synchronous = OFF")
            try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE")
            // The secondary indexes are sorted at the end, when the reading thread is done: a second core for it.
            try db.execute(sql: "PRAGMA threads = 2")
        }
        let held = HeldProgress(progress)
        do {
            let result = try buildAndCopy(path: path, config: config, why: why, held: held, pageSize: pageSize)
            held.finish()
            return result
        } catch let e as DatabaseError where e.resultCode == .SQLITE_FULL {
            // SQLite's backup reports a full disk as "not an error" (its message is the connection's, not the
            // backup's): say what it is and what it takes. The old index and the logs are untouched.
            let built = max(FileIO.size(HistoryIndex.buildFile(dir)), FileIO.size(HistoryIndex.file(dir)))
            throw DatabaseError(
                resultCode: .SQLITE_FULL,
                message: L10n.t(
                    "index.diskFull",
                    ["path": HistoryIndex.folder(dir).path, "mb": max(1, 2 * built / 1_000_000)]))
        }
    }

    private func buildAndCopy(
        path: String, config: Configuration, why: String?, held: HeldProgress, pageSize: Int
    ) throws -> CatchUp {
        var result = CatchUp()
        let build = try DatabaseQueue(path: path, configuration: config)
        try build.writeWithoutTransaction { db in
            try db.inTransaction(.exclusive) {
                try HistoryIndex.createTables(db, writer: writer)
                result = try catchUp(db, progress: held, rebuild: why, fresh: true)
                return .commit
            }
            try HistoryIndex.beforeCopy?()
            // Into the index in one transaction (the destination's write transaction stays open from the first
            // step to the last): readers see the old index until it commits. In steps of 64 MB, to show how far.
            held.started(L10n.t("index.copying"))
            try pool.writeWithoutTransaction { dest in
                try db.backup(to: dest, pagesPerStep: CInt(max(1, (64 << 20) / pageSize))) { p in
                    held.advanced(done: p.completedPageCount, total: p.totalPageCount)
                }
            }
        }
        try build.close()
        return result
    }

    /// Removes the build file a killed rebuild left, when no one holds the write lock (a rebuild may be running);
    /// an index that is up to date takes no lock otherwise, so this costs one `access` when there is none.
    func removeLeftBuild() {
        guard access(HistoryIndex.buildFile(dir).path, F_OK) == 0,
            let fd = FileIO.tryLock(HistoryIndex.lockFile(dir))
        else { return }
        HistoryIndex.removeBuildFiles(dir)
        flock(fd, LOCK_UN)
        close(fd)
    }

    /// Runs between building the fresh file and copying it (tests: a build that fails there leaves the old index).
    nonisolated(unsafe) static var beforeCopy: (() throws -> Void)?
}

/// Passes a build's progress on, keeping its closing line until the copy into the index is done.
private final class HeldProgress: IndexProgress {
    let inner: IndexProgress?
    var summary: String?
    init(_ inner: IndexProgress?) { self.inner = inner }
    func started(_ what: String) { inner?.started(what) }
    func advanced(done: Int, total: Int) { inner?.advanced(done: done, total: total) }
    func finished(_ summary: String) { self.summary = summary }
    func finish() { if let summary { inner?.finished(summary) } }
}
