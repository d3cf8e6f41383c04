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

    /// Where a rebuild makes the report's hours beside its full-text pass (`HoursAside`), before they are copied
    /// into the build file.
    static func hoursFile(_ dir: DataDirectory) -> URL {
        folder(dir).appendingPathComponent("history.build-hours.sqlite")
    }

    /// The build file, the hours' file and whatever SQLite kept beside them (a killed build leaves them). The hours'
    /// file first: a process killed in between leaves the build file, which `removeLeftBuild` looks for.
    static func removeBuildFiles(_ dir: DataDirectory) {
        for file in [hoursFile(dir), buildFile(dir)] {
            for suffix in ["", "-journal", "-wal", "-shm"] { unlink(file.path + suffix) }
        }
    }

    /// The page cache of a rebuild's fresh file (KiB): the key's and the handle's B-trees are filled in random order.
    static let buildCacheKB = 256 << 10

    /// The page cache while a bulk load's secondary indexes are sorted (KiB; a rebuild's fresh file and a large
    /// `ingest` into the index; see `endBulk`).
    static let buildSortCacheKB = 16 << 10

    /// Whether rebuilds go through a fresh file (on; the bench's `index-steps DIR build-in-place` and tests turn it
    /// off). Since schema 8 loads the rows without the key index, what a rebuild in place still pays is the
    /// write-ahead log: every page of the one big transaction is a frame of the log, and each page read back (the
    /// actions' rows, the seven index builds and the full-text pass at the end) is looked up in it first, a walk that
    /// grows with the log. Measured at 1M, a fresh file took 51–55 CPU-s against 91–94 in place, and at 10M 629 CPU-s
    /// against 1,066 (docs/performance.md, "Session 13 (lead)"); in phase 11, when the key index dominated, the two
    /// were even.
    nonisolated(unsafe) public static var freshBuilds = true

    /// Whether this catch-up (holding the write lock) is built in a fresh file, and the reason to give (nil: an index
    /// that has read nothing loads a large history); nil: caught up in place. Following an `ingest` (`feed`), what
    /// it is about to append counts too: a large import into an index that has read nothing (a first import) is
    /// built in a fresh file as a rebuild is, instead of in place through the write-ahead log (at 10M the log grew
    /// to 5.8 GB and the index builds after the load read 116 GB through it).
    func freshBuild(rebuild: String?, following feed: AppendFeed? = nil) throws -> FreshBuild? {
        guard HistoryIndex.freshBuilds else { return nil }
        // A follower of a pipe (size unknown) or of a small import: in place, as before.
        if let feed, rebuild == nil, feed.expectedBytes <= HistoryIndex.bulkFrom { return nil }
        let known = try pool.read { db in try HistoryIndex.positions(db) }
        if let rebuild {
            // A new index another process built meanwhile (both found none): caught up as usual.
            if rebuild.isEmpty && !known.isEmpty { return nil }
            return FreshBuild(why: rebuild)
        }
        if let why = try rewrittenLog(known) { return FreshBuild(why: why) }
        guard known.values.allSatisfy({ $0.off == 0 }) else { return nil }
        let total = LogKind.readOrder.flatMap { logFiles($0) }.reduce(0) { $0 + FileIO.size($1) }
        return total + (feed?.expectedBytes ?? 0) > HistoryIndex.bulkFrom ? FreshBuild(why: nil) : nil
    }

    struct FreshBuild { var why: String? }

    /// Builds the index from the logs in `buildFile` and copies it into the index (hold the write lock); `feed`: the
    /// build follows an `ingest`'s appends until it finishes.
    func buildInFreshFile(rebuild why: String?, progress: IndexProgress?, following feed: AppendFeed? = nil) throws
        -> CatchUp
    {
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
        // The full-text pass's commit waits for the hours' thread to end its read (`HoursAside`).
        config.busyMode = .timeout(3600)
        let held = HeldProgress(progress)
        do {
            let result = try buildAndCopy(
                path: path, config: config, why: why, held: held, pageSize: pageSize, following: feed)
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
        path: String, config: Configuration, why: String?, held: HeldProgress, pageSize: Int, following feed: AppendFeed?
    ) throws -> CatchUp {
        var result = CatchUp()
        let build = try DatabaseQueue(path: path, configuration: config)
        try build.writeWithoutTransaction { db in
            // The rows, their parts and the secondary indexes (`catchUp` in bulk leaves the full-text pass out).
            try db.inTransaction(.exclusive) {
                try HistoryIndex.createTables(db, writer: writer)
                result = try catchUp(db, progress: held, rebuild: why, fresh: true, following: feed)
                return .commit
            }
            // After the load the writer works alone: the report's hours are made from the committed rows on a
            // second connection and thread while the writer runs the full-text pass (both read the rows; only the
            // writer writes the build file). The file's lock is let go for that (a build file is never read by
            // anyone else: the index's write lock is held).
            try db.execute(sql: "PRAGMA locking_mode = NORMAL")
            _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM meta")
            let aside = (try? HoursAside.start(self, build: db, buildPath: path)) ?? nil
            defer { aside?.wait() }
            // (`endBulk` set the writer's cache back; the full-text pass keeps its pages in the build's cache.)
            try db.execute(sql: "PRAGMA cache_size = -\(HistoryIndex.buildCacheKB)")
            try db.inTransaction(.immediate) {
                try HistoryIndex.buildFullText(db) { done, total in
                    if why != nil { held.advanced(done: done, total: total) }
                }
                return .commit
            }
            if let aside { try aside.copyIn(db) }
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

/// The report's hours of a rebuild (`HistoryIndex.rebuildReports`, set by `reindex`), made as the first report would
/// make them (`makeReportHours` over the history's last `ReportHours.maxHours`), but from the build file's committed
/// rows and on a thread of its own, while the writer runs the full-text pass: after the load the second core was
/// idle for the writer's ~40 CPU-s at 1M, ~10 of them these hours made after the copy (docs/performance.md,
/// phases 16 and 18). The hours are written into a file of their own (`hoursFile`: the build file has one writer),
/// on a connection that attaches the build file to read the rows; the writer copies the tables in once both are
/// done. Anything that keeps them from being made here (the options read more than the index keeps, voice terms
/// not the team's, an error) leaves them to `prepareReports` after the copy, as before.
final class HoursAside: @unchecked Sendable {
    private let path: String
    private let finished = DispatchSemaphore(value: 0)
    private var made = false
    private var waited = false

    private init(path: String) { self.path = path }

    /// Starts the hours' thread (nil: nothing to make here). `db` is the build file's connection, its rows, parts,
    /// counts and secondary indexes committed.
    static func start(_ index: HistoryIndex, build db: Database, buildPath: String) throws -> HoursAside? {
        guard let wanted = index.rebuildReports else { return nil }
        let (team, options) = (wanted.team, wanted.options)
        guard index.reportAsColumns, index.reportFromHours, options.readsIndexedParts,
            ReportColumns.answers(options, team: team)
        else { return nil }
        let terms = VoiceTerms(team: team)
        guard terms.fits, try VoiceTerms.stored(db) == terms else { return nil }
        let vocabulary = try HistoryIndex.vocabulary(db)
        guard
            let span = try Row.fetchOne(
                db,
                sql: "SELECT min(created), max(created) FROM mention INDEXED BY mention_created WHERE present = 1"),
            let lo = span[0] as Double?, let hi = span[1] as Double?
        else { return nil }
        let last = ReportHours.hour(hi)
        let first = max(ReportHours.hour(lo), last - ReportHours.maxHours + 1, 1)
        guard first <= last else { return nil }
        let signature = ReportHours.signature(team: team, bands: options.band != nil)
        let band = options.band
        let aside = HoursAside(path: HistoryIndex.hoursFile(index.dir).path)
        let job = Job(run: {
            var config = Configuration()
            config.label = "switchboard-index-hours"
            config.busyMode = .timeout(3600)
            config.prepareDatabase { db in
                try db.execute(sql: "PRAGMA journal_mode = OFF")
                try db.execute(sql: "PRAGMA synchronous = OFF")
            }
            let hours = try DatabaseQueue(path: aside.path, configuration: config)
            defer { try? hours.close() }
            try hours.writeWithoutTransaction { h in
                // The report's tables in the hours' file (found first by their names), the rows in the build file.
                try h.execute(sql: "CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL)")
                for sql in ReportHours.tables { try h.execute(sql: sql) }
                try h.execute(sql: "ATTACH DATABASE ? AS build", arguments: [buildPath])
                try h.execute(sql: "PRAGMA build.cache_size = -65536")
                aside.made = try HistoryIndex.makeReportHours(
                    h, first...last, signature: signature, team: team, vocabulary: vocabulary, band: band,
                    kind: .deferred)
                try h.execute(sql: "DETACH DATABASE build")
            }
        })
        Thread.detachNewThread {
            do { try job.run() } catch { aside.made = false }
            aside.finished.signal()
        }
        return aside
    }

    /// Waits for the thread (once).
    func wait() {
        guard !waited else { return }
        finished.wait()
        waited = true
    }

    /// Copies the hours made into the build file in one transaction (after the full-text pass committed).
    func copyIn(_ db: Database) throws {
        wait()
        guard made else { return }
        try db.execute(sql: "ATTACH DATABASE ? AS hours", arguments: [path])
        try db.inTransaction(.immediate) {
            for t in ReportHours.tableNames {
                try db.execute(sql: "DELETE FROM main.\(t)")
                try db.execute(sql: "INSERT INTO main.\(t) SELECT * FROM hours.\(t)")
            }
            // Every meta row the hours' path wrote (the signature `report_hours`, the last person's number
            // `report_people`): its `meta` held nothing else.
            try db.execute(sql: "INSERT OR REPLACE INTO main.meta(k, v) SELECT k, v FROM hours.meta")
            return .commit
        }
        try db.execute(sql: "DETACH DATABASE hours")
    }

    /// What the thread runs (its captures are only read there).
    private struct Job: @unchecked Sendable { let run: () throws -> Void }
}
