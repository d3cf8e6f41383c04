import CSQLiteShim
import Foundation
import GRDB
import GRDBSQLite
import SwitchboardCore

#if canImport(Glibc)
    import Glibc
#endif

/// The derived index of the data directory's logs (`index/history.sqlite`, SQLite in WAL mode): the folded state of
/// every mention, a full-text index of its text, and how far each log was read. It is a cache: the logs stay the
/// truth, opening it reads only what the logs gained since (catch-up), and whenever it cannot be trusted (missing,
/// corrupt, another schema, a log rewritten by `compact` or edited in the middle) it is rebuilt from the logs.
///
/// One writer at a time across processes (`index/history.lock`); readers are never blocked (WAL).
public final class HistoryIndex: @unchecked Sendable {
    /// The layout of the tables; an index of another version (older or newer) is rebuilt, never trusted.
    public static let schemaVersion = 14

    public let dir: DataDirectory
    private(set) var pool: DatabasePool
    /// How many of the newest mentions a search with words scans before it asks the full-text index (a common word
    /// fills a page from them; a rare one falls through to the index).
    public var scanWindow = 5000
    /// How many of the newest rows a search with words may scan in all, in windows sized by what the first ones
    /// matched, before it asks the full-text index instead (at ~1 µs a row: ~0.1 s at most).
    public var scanLimit = 100_000
    /// What opening did: caught up (new records applied), or rebuilt (and why).
    public internal(set) var lastCatchUp = CatchUp()
    /// Whether the last `report` came from the parts the index keeps per mention (no record read; `report_part`).
    public internal(set) var lastReportFromParts = false
    /// Whether the last `report` came from the parts as columns (`ReportColumns`: no `Mention` per row).
    public internal(set) var lastReportFromColumns = false
    /// Whether `report` may read the parts as columns (the bench turns it off to time the row-by-row way).
    public var reportAsColumns = true
    /// Whether the columns may come from the rows kept per hour (`ReportHours`; the bench turns it off to time the
    /// columns read from the rows).
    public var reportFromHours = true
    /// Whether the last `report` read its columns from the rows kept per hour.
    public internal(set) var lastReportFromHours = false
    /// Whether the hours that lie whole in a bucket may be added as sums (`report_sum`; the bench and the tests turn
    /// it off to compare with the rows kept per hour).
    public var reportFromSums = true
    /// Whether the last `report` added hours as sums.
    public internal(set) var lastReportFromSums = false
    /// How many hours the last `report` added as sums (the rest of its hours were read as rows).
    public internal(set) var lastReportSummedHours = 0
    /// How many blocks of hours' people (`ReportBlocks`) the last `report` added instead of their hours' tallies.
    public internal(set) var lastReportPeopleBlocks = 0

    /// The team file and the report's options a rebuild makes the report's hours for, beside its full-text pass
    /// (`HoursAside`; `reindex` sets them, as its `prepareReports` would make them after the copy). nil: none.
    public var rebuildReports: (team: TeamConfig, options: ReportOptions)?

    /// The outcome of bringing the index up to date.
    public struct CatchUp: Sendable, Equatable {
        /// Why the index was rebuilt from the logs (nil: it was only brought up to date).
        public var rebuiltBecause: String?
        public var mentions = 0, analyses = 0, events = 0
        /// Bytes of the logs read.
        public var bytes = 0
        /// Another process held the write lock and the catch-up did not wait for it (`catchUp(waiting: false)`).
        public var busy = false
        public init() {}
    }

    public static func folder(_ dir: DataDirectory) -> URL { dir.root.appendingPathComponent("index") }
    public static func file(_ dir: DataDirectory) -> URL { folder(dir).appendingPathComponent("history.sqlite") }
    static func lockFile(_ dir: DataDirectory) -> URL { folder(dir).appendingPathComponent("history.lock") }

    /// Opens the index (creating or rebuilding it as needed) and brings it up to date with the logs.
    /// `progress` hears how a rebuild goes (a line on stderr in the command-line tools).
    public init(
        dir: DataDirectory, writer: String = "switchboard", progress: IndexProgress? = nil, catchUp: Bool = true
    ) throws {
        (self.dir, self.writer) = (dir, writer)
        try FileIO.makeDirectory(HistoryIndex.folder(dir))
        var opened: DatabasePool?
        var reason: String?
        do {
            let p = try HistoryIndex.openPool(dir)
            switch try HistoryIndex.schemaState(p) {
            case .current: opened = p
            case .empty: opened = p; reason = ""
            case .other(let v):
                reason = L10n.t(v > HistoryIndex.schemaVersion ? "index.whyNewer" : "index.whyOlder")
            }
        } catch { reason = L10n.t("index.whyUnreadable", ["error": HistoryIndex.describe(error)]) }
        if opened == nil {
            try FileIO.withLock(HistoryIndex.lockFile(dir)) { HistoryIndex.removeFiles(dir) }
            opened = try HistoryIndex.openPool(dir)
        }
        pool = opened!
        if let reason {
            try FileIO.withLock(HistoryIndex.lockFile(dir)) {
                if try HistoryIndex.schemaState(pool) != .current { try createSchema() }
            }
            pendingReason = reason
        }
        guard catchUp else { return }
        do { try self.catchUp(progress: progress) } catch let e as DatabaseError
            where [.SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_ERROR, .SQLITE_MISMATCH].contains(e.resultCode)
        {
            // Damaged (or of a layout this version does not know) where opening did not look: made anew.
            try FileIO.withLock(HistoryIndex.lockFile(dir)) {
                HistoryIndex.removeFiles(dir)
                pool = try HistoryIndex.openPool(dir)
                try createSchema()
            }
            try self.catchUp(
                progress: progress, rebuild: L10n.t("index.whyUnreadable", ["error": HistoryIndex.describe(e)]))
        }
    }

    /// A flush of the full-text tail and a checkpoint running on another thread (`maintain()`); closing waits for it.
    let maintenance = DispatchGroup()

    deinit { maintenance.wait() }

    /// The full-text tail's length after the last catch-up.
    var fullTextTailRows: Int64 = 0
    /// The report's topic words and their numbers (`report_term`) met by this process's catch-ups, with the index
    /// build they belong to (meta `build`, new with every rebuild): a word is numbered once per build and never
    /// renumbered, so a later catch-up asks SQL only for words it has not met (`ReportPartWriter`). Kept after a
    /// commit only (`TermCache.pending`), dropped beyond `TermCache.limit` words.
    var terms = TermCache()
    /// How many new mentions wait outside the full-text index (searched through their row ids) before a catch-up
    /// adds them in one go (see "The full-text tail" in HistoryIndex+Schema.swift).
    public var fullTextTail = 4096
    /// The person tail's rows by folded handle (`personTallies`), with the state of the index it was read at.
    let personTailLock = NSLock()
    var personTailCache: PersonTailMap?
    /// How many bytes of new log lines make a catch-up of an index that holds fewer a bulk load (`bulkFrom`;
    /// tests set it lower).
    var bulkFromBytes = HistoryIndex.bulkFrom

    /// Who writes (the program and its version), recorded in the meta table.
    let writer: String
    /// A reason to rebuild found while opening (another schema, unreadable; "" for a new index): the first catch-up
    /// rebuilds.
    var pendingReason: String?

    enum SchemaState: Equatable { case empty, current, other(Int) }

    static func openPool(_ dir: DataDirectory) throws -> DatabasePool {
        var config = Configuration()
        config.busyMode = .timeout(60)
        config.label = "switchboard-index"
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Statement journals (the count triggers) and sorts stay in memory: no file under /var/tmp a catch-up
            // writes and reads back (it did, up to 480 pages a round), none on a full or read-only /var/tmp.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            try HistoryIndex.keepWriteAheadLog(db)
        }
        // In a shared (setgid) data directory every member must be able to write the index: the database file is
        // made group-writable before SQLite opens it, and SQLite gives its -wal and -shm files the same mode.
        // By path, never opening a file that exists: closing any descriptor of the database or its `-shm` drops
        // every POSIX lock this process holds on it (SQLite's locks are such locks); another process then takes
        // itself for the only one, re-initialises the `-shm` this one has mapped, and this one dies of SIGBUS.
        let path = file(dir).path
        if access(path, F_OK) != 0 {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o666)
            if fd >= 0 { close(fd) }
        }
        for suffix in ["", "-wal", "-shm"] { shareWithGroup(path: path + suffix) }
        let pool = try DatabasePool(path: path, configuration: config)
        for suffix in ["", "-wal", "-shm"] { shareWithGroup(path: path + suffix) }
        return pool
    }

    /// The write-ahead log outlives the process (`SQLITE_FCNTL_PERSIST_WAL`) and closing does not checkpoint it
    /// (`SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE`): a command that opens the index alone, catches up and closes pays no
    /// `fsync` for a new log's header and directory entry nor for a checkpoint at close. A catch-up that leaves it
    /// over 4 MB starts it again (`checkpointIfLong`, instead of SQLite's automatic checkpoint), so it does not grow
    /// without bound; `journal_size_limit` cuts it back to 1 MB when SQLite starts it again, so a quiet index does not
    /// keep 4 MB of spent log on the disk (a full small disk, `Scripts/faults --only full-disk-compaction`).
    static func keepWriteAheadLog(_ db: Database) throws {
        let handle = UnsafeMutableRawPointer(db.sqliteConnection)
        for rc in [csqliteshim_persist_wal(handle, 1), csqliteshim_no_checkpoint_on_close(handle, 1)] where rc != 0 {
            throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: "cannot keep the write-ahead log")
        }
        try db.execute(sql: "PRAGMA journal_size_limit = \(1 << 20)")
        try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
    }

    /// In a setgid (group-shared) directory, makes the file at `path` group-writable, without opening it.
    static func shareWithGroup(path: String) {
        var st = stat()
        guard stat((path as NSString).deletingLastPathComponent, &st) == 0, st.st_mode & S_ISGID != 0 else { return }
        var fs = stat()
        guard stat(path, &fs) == 0, fs.st_uid == geteuid(), fs.st_mode & 0o060 != 0o060 else { return }
        chmod(path, (fs.st_mode & 0o7777) | 0o060)
    }

    static func schemaState(_ pool: DatabasePool) throws -> SchemaState {
        try pool.read { db in
            guard try db.tableExists("meta") else { return .empty }
            let v = try Int.fetchOne(db, sql: "SELECT CAST(v AS INTEGER) FROM meta WHERE k = 'schema'") ?? 0
            return v == schemaVersion ? .current : .other(v)
        }
    }

    static func removeFiles(_ dir: DataDirectory) {
        for suffix in ["", "-wal", "-shm"] { unlink(file(dir).path + suffix) }
    }

    /// Why the index could not be brought up to date when it is the disk's fault (full, failing), else nil.
    public static func behindBecause(_ error: Error) -> String? {
        guard let e = error as? DatabaseError, [.SQLITE_FULL, .SQLITE_IOERR].contains(e.resultCode) else { return nil }
        return describe(e)
    }

    static func describe(_ error: Error) -> String {
        if let e = error as? DatabaseError { return e.message ?? "\(e.resultCode)" }
        return "\(error)"
    }

    /// A value of the meta table (`schema`, `writer`, `mentions`, `events`…).
    public func meta(_ key: String) throws -> String? {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT v FROM meta WHERE k = ?", arguments: [key]) }
    }

    /// Stored mentions (those whose record was read; keys only named by an action are not counted).
    public func mentionCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM mention WHERE present = 1") ?? 0 }
    }

    /// Actions read from the actions logs (every record, about a mention or not).
    /// How far the index has read the logs (the logs it knows and the sum of their offsets): it changes whenever a
    /// process catches the index up with new lines, or a rebuild starts again.
    public func logsRead() throws -> [Int64] {
        try pool.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT count(*), coalesce(sum(off), 0) FROM logfile")
            return [row?[0] ?? 0, row?[1] ?? 0]
        }
    }

    public func eventCount() throws -> Int { Int(try meta("events") ?? "0") ?? 0 }

    /// What reading the logs met, as the store says it: each line that could not be read (file, line, why), and each
    /// log that ends in an incomplete record (a writer cut short; `doctor --fix` sets it aside).
    public func warnings() throws -> [String] {
        var out = try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT file, line, message FROM warning ORDER BY rowid").map { row -> String in
                "log/\(row["file"] as String):\(row["line"] as Int): \(row["message"] as String)"
            }
        }
        for kind in LogKind.allCases {
            for file in logFiles(kind) {
                let size = FileIO.size(file)
                guard size > 0, let last = try? FileIO.readBytes(file, from: size - 1, count: 1), last != [10] else {
                    continue
                }
                out.append(
                    "log/\(dir.logName(file)): ends in an incomplete record (left by an interrupted write); "
                        + "run: switchboard doctor --fix (it moves the record to log/\(dir.logName(file)).corrupt)"
                )
            }
        }
        return out
    }

    /// Moves the write-ahead log into the database (after a rebuild, so the size on disk is the index's own).
    public func checkpoint() throws { try pool.writeWithoutTransaction { _ = try $0.checkpoint(.truncate) } }

    /// The size of the index on disk (the database with its write-ahead log).
    public func sizeOnDisk() -> Int {
        ["", "-wal"].reduce(0) { $0 + FileIO.size(URL(fileURLWithPath: HistoryIndex.file(dir).path + $1)) }
    }
}

extension HistoryIndex {
    /// The writer connection's page cache since the last call (SQLite's `SQLITE_DBSTATUS_CACHE_*`, reset on reading):
    /// pages found in its cache, pages read from the file or the write-ahead log, and pages written. For the bench
    /// (what a catch-up reads and writes).
    public func writerPages() -> (hits: Int, misses: Int, writes: Int) {
        (try? pool.writeWithoutTransaction { db -> (Int, Int, Int) in
            func status(_ op: Int32) -> Int {
                var cur: Int32 = 0, hi: Int32 = 0
                sqlite3_db_status(db.sqliteConnection, op, &cur, &hi, 1)
                return Int(cur)
            }
            return (status(SQLITE_DBSTATUS_CACHE_HIT), status(SQLITE_DBSTATUS_CACHE_MISS),
                status(SQLITE_DBSTATUS_CACHE_WRITE))
        }) ?? (0, 0, 0)
    }
}
