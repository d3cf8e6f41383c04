import Foundation
import GRDB
import SwitchboardCore

/// The tables. `mention` holds one row per mention key: the record's place in its log (`file` (a `logfile` id),
/// `off`, `len`: the index never copies a whole record), the columns the query language reads, and the folded team state (the columns
/// plus the whole `MentionState` as JSON). A key that an action names before its mention was read has a row with
/// `present = 0`. `mention_fts` indexes the folded text (`hay`: text, title, handle, name, folded as the search
/// folds them) with the trigram tokenizer without positions (`detail=none`, a third of the size) nor per-row sizes
/// (`columnsize=0`: nothing ranks by them): a word or phrase asks for rows with all of its trigrams, and `instr` on
/// `hay` keeps those where it occurs, as the search does.
///
/// The handle is kept once (schema 12): `handle` is the folded handle the `from:` range reads, and `handle_lc` (the
/// lower-case handle `is:own`, mute lists and the report compare) is a virtual column, computed when read from
/// `handle_lower` — NULL, the common case, when the lower-case handle has the folded one's bytes (only a handle with
/// accents or a German umlaut differs). Likewise `source` is computed from `source_other`, NULL when the source is
/// the network (most mentions: 88 % of the bench's). At 100k the two were 3 MB of the rows (`docs/performance.md`,
/// "Phase 17").
extension HistoryIndex {
    static let tables = [
        """
        CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL)
        """,
        """
        CREATE TABLE logfile (
            id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, off INTEGER NOT NULL,
            inode INTEGER NOT NULL, tail TEXT NOT NULL, lines INTEGER NOT NULL DEFAULT 0)
        """,
        """
        CREATE TABLE mention (
            rowid INTEGER PRIMARY KEY, key TEXT NOT NULL, present INTEGER NOT NULL DEFAULT 0,
            file INTEGER, off INTEGER, len INTEGER,
            platform TEXT NOT NULL DEFAULT '', source_other TEXT,
            source TEXT GENERATED ALWAYS AS (coalesce(source_other, platform)) VIRTUAL, created REAL NOT NULL DEFAULT 0,
            handle BLOB NOT NULL DEFAULT x'', handle_lower TEXT,
            handle_lc TEXT GENERATED ALWAYS AS (coalesce(handle_lower, CAST(handle AS TEXT))) VIRTUAL,
            handle_local TEXT NOT NULL DEFAULT '',
            author_name TEXT, own_lang INTEGER NOT NULL DEFAULT 0, lang TEXT NOT NULL DEFAULT '',
            sentiment INTEGER NOT NULL DEFAULT 0, score REAL, intents INTEGER NOT NULL DEFAULT 0, analysis BLOB,
            hay TEXT NOT NULL DEFAULT '',
            status INTEGER NOT NULL DEFAULT 0, assignee TEXT, assignee_lc TEXT, tags TEXT NOT NULL DEFAULT '',
            handoff_team TEXT, first_response REAL, last_changed REAL, reply_count INTEGER NOT NULL DEFAULT 0,
            note_count INTEGER NOT NULL DEFAULT 0, state BLOB, root_ref TEXT, reply_ref TEXT, person INTEGER)
        """,
        // Each author account's (identity's) part of the contacts fold (`PersonTally`, schema 9): what the roles read
        // — mentions, sentiment counts, the score sum in billionths, followers as last reported, first and last seen,
        // news items and reviews — kept by the catch-up as mentions and re-analyses come, so a person mark (★/⚑) of a
        // bounded workbench is a row per identity (`HistoryIndex.personTallies`). `mention.person` is the row of the
        // mention's author (NULL without one), so a re-analysis finds the tally to correct. Dates as seconds since
        // 2001 (`Date`'s own, exact). Schema 10: the id is a hash of the key, probed past other keys' rows
        // (`PersonRows.find`), so no index of the keys is kept; `seq` is the order of the identities' first mentions.
        // Schema 12: `first_handle` NULL when it is `handle`, `first_name` NULL when it is `name` (an empty blob: none,
        // while `name` is set), as they almost always are (`PersonRows.bindValues`). Schema 14: a catch-up's new
        // mentions wait in the person tail (`mention.person` NULL after `fts_upto`) until the full-text tail goes in
        // (`HistoryIndex.foldPersonTail`).
        """
        CREATE TABLE person (
            id INTEGER PRIMARY KEY, seq INTEGER NOT NULL, key TEXT NOT NULL, platform TEXT NOT NULL,
            first_handle TEXT, first_name, handle TEXT NOT NULL, name TEXT, url TEXT, followers INTEGER,
            first REAL NOT NULL, last REAL NOT NULL, n INTEGER NOT NULL, positive INTEGER NOT NULL,
            neutral INTEGER NOT NULL, negative INTEGER NOT NULL, scored INTEGER NOT NULL, score_nanos INTEGER NOT NULL,
            news INTEGER NOT NULL, employee INTEGER NOT NULL, former INTEGER NOT NULL, customer INTEGER NOT NULL)
        """,
        // How many present mentions each status has, answered or not (`mentionCountTriggers` keep it; a bulk load
        // counts once at its end): the first frame's counts without a pass over the rows (`HistoryIndex.window`).
        """
        CREATE TABLE mention_count (
            status INTEGER NOT NULL, answered INTEGER NOT NULL, n INTEGER NOT NULL,
            PRIMARY KEY (status, answered)) WITHOUT ROWID
        """,
        // Lines of the logs that could not be read (as the store reports them: file, line, why).
        "CREATE TABLE warning (file TEXT NOT NULL, line INTEGER NOT NULL, message TEXT NOT NULL)",
        // Where the queue's, the crisis's and the contact book's actions (`queue_*`, `crisis_*`, `contact_*`) stand in
        // the actions logs: the brands overview folds the queue and a running crisis from just these lines, read by
        // offset, and a bounded workbench its contact book (merges, roles, notes).
        "CREATE TABLE agenda (file INTEGER NOT NULL, off INTEGER NOT NULL, len INTEGER NOT NULL)",
        // Where the actions the report decodes (`ReportEvents.keep`: publishing, replies, crisis runs, metrics,
        // contact merges — not a single mention's triage, which it takes from the rows) stand in the actions logs:
        // `switchboard report` reads these lines by offset instead of the whole logs (schema 9).
        "CREATE TABLE report_event (file INTEGER NOT NULL, off INTEGER NOT NULL, len INTEGER NOT NULL)",
        // What the report reads of each present mention beyond its row (`ReportParts`, one row per mention, keyed
        // by the mention's rowid): the handle as written (NULL: `handle_lc` is it), the network as written (NULL:
        // lower case), the exact creation time (NULL: `created` is it), followers, flags (private 1, reply 2, has an
        // author 4), the share-of-voice bits for the terms in meta `report_voice`, the topic words as varints of
        // `report_term` ids. Written by `ReportPartWriter`, read by `HistoryIndex.reportFromParts` (schema 4).
        """
        CREATE TABLE report_part (
            rowid INTEGER PRIMARY KEY, handle TEXT, platform TEXT, created REAL, followers INTEGER,
            flags INTEGER NOT NULL, voice INTEGER NOT NULL, terms BLOB NOT NULL)
        """,
        "CREATE TABLE report_term (id INTEGER PRIMARY KEY, term TEXT NOT NULL UNIQUE)",
        // One row per key: a unique index of its own (not the column's `UNIQUE`, which SQLite cannot drop), so a
        // bulk load goes without it and sorts it once at the end (`beginBulk`, `BulkKeys`; schema 8).
        "CREATE UNIQUE INDEX mention_key ON mention(key)",
        // Pages: newest first, mentions of the same second by key (the same order at every site of a team). Partial
        // (only what every listing asks for: `present = 1`), so it covers the page bound's walk of the newest rows
        // without reading the table (`windowBound`: 0.2 ms for 5,000 rows; through an index without the key and a
        // sort by key it was 11.7 ms at 100k). It also carries what the report's figures read (`reportFigures`: one
        // pass without reading a row; a team with own accounts reads their handle parts from the row) and the
        // recount. Schema 13: one index for both (it was two, `mention_created` and `mention_report`, both in the
        // order of `created`): every new mention went into two leaves of the newest hours instead of one — at 10M
        // a seventh of a catch-up's page writes — and a bulk load sorted the rows twice.
        """
        CREATE INDEX mention_created ON mention(created, key, status, platform, sentiment, intents, first_response)
        WHERE present = 1
        """,
        // A status other than `new` (0), by time. Partial (schema 13): every mention arrives as `new`, so a catch-up's
        // new rows never go into it — at 10M, `new` rows were 90 % of it and each of 100 new mentions of the last
        // hour a leaf of their own (a seventh of the catch-up's page writes). `status:new` and `is:open` (new among
        // others) walk the newest rows instead, as every listing does; the others say `status != 0` beside their
        // status, so SQLite may use the index (`QuerySQL`).
        "CREATE INDEX mention_status ON mention(status, created) WHERE status != 0",
        // `from:` is a range of the folded handle, and the contacts, own accounts and mute lists ask for handles:
        // `mention_by_handle` holds (folded handle, row id) of every present mention up to `fts_upto` — what an
        // index on `mention(handle)` held — and the newest rows after it are found through their row ids
        // (`HistoryIndex.handleRows`). Schema 13: a table kept with the full-text tail, not an index kept row by row:
        // a new mention's handle falls anywhere among the others, so each of a catch-up's 100 mentions took a leaf
        // of its own (at 10M, ~110 of ~650 pages read and written per catch-up); the tail goes in as one sorted
        // statement with the full-text index's, on the maintenance thread.
        """
        CREATE TABLE mention_by_handle (
            handle BLOB NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (handle, id)) WITHOUT ROWID
        """,
        // The Mention pane's thread (`HistoryIndex.related`): the mentions that name a post as their thread's root or
        // as the post they answer (`root_ref`, `reply_ref`: network and post id as `ThreadIndex` keys them, NULL for
        // the many that name none, so both stay small).
        "CREATE INDEX mention_root ON mention(root_ref) WHERE root_ref IS NOT NULL",
        "CREATE INDEX mention_reply ON mention(reply_ref) WHERE reply_ref IS NOT NULL",
        """
        CREATE VIRTUAL TABLE mention_fts USING fts5(
            hay, content='mention', content_rowid='rowid', tokenize='trigram case_sensitive 1', detail=none,
            columnsize=0)
        """,
        // Terms gathered in memory up to 16 MB before a segment is written (1 MB by default): a bulk load writes a
        // few large segments instead of many small ones merged again and again.
        "INSERT INTO mention_fts(mention_fts, rank) VALUES ('hashsize', 16777216)",
    ]

    /// Keep `mention_count` as rows come, change and go (dropped around a bulk load, which counts once at its end).
    /// Without an upsert (`ON CONFLICT … DO UPDATE`): its update is compiled to abort on a constraint, whatever the
    /// statement that fired the trigger says, so every insert into `mention` opened a statement journal (a copy
    /// of each page it changed, in memory, released at its end: ~12 % of a catch-up's instructions). A row of zero
    /// made first (`OR IGNORE`) and then counted up takes the firing statement's `OR IGNORE` instead (schema 11).
    static let mentionCountTriggers = [
        """
        CREATE TRIGGER mention_count_insert AFTER INSERT ON mention WHEN new.present = 1 BEGIN
            INSERT OR IGNORE INTO mention_count(status, answered, n)
                VALUES (new.status, new.first_response IS NOT NULL, 0);
            UPDATE mention_count SET n = n + 1
                WHERE status = new.status AND answered = (new.first_response IS NOT NULL);
        END
        """,
        """
        CREATE TRIGGER mention_count_delete AFTER DELETE ON mention WHEN old.present = 1 BEGIN
            UPDATE mention_count SET n = n - 1 WHERE status = old.status AND answered = (old.first_response IS NOT NULL);
        END
        """,
        """
        CREATE TRIGGER mention_count_update AFTER UPDATE OF present, status, first_response ON mention
        WHEN old.present != new.present OR old.status != new.status
            OR (old.first_response IS NULL) != (new.first_response IS NULL) BEGIN
            UPDATE mention_count SET n = n - 1
                WHERE old.present = 1 AND status = old.status AND answered = (old.first_response IS NOT NULL);
            INSERT OR IGNORE INTO mention_count(status, answered, n)
                SELECT new.status, new.first_response IS NOT NULL, 0 WHERE new.present = 1;
            UPDATE mention_count SET n = n + 1
                WHERE new.present = 1 AND status = new.status AND answered = (new.first_response IS NOT NULL);
        END
        """,
    ]

    /// Counts every present mention into `mention_count` anew (after a bulk load), through `mention_created` (present
    /// rows only, status and first response in it): the planner chose `mention_status` and read every row for
    /// `present` and `first_response` — 0.26 s at 100k against 0.04 s (`endBulk` calls it after the secondary
    /// indexes are built).
    static func recount(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM mention_count")
        try db.execute(
            sql: """
                INSERT INTO mention_count(status, answered, n)
                SELECT status, first_response IS NOT NULL, count(*) FROM mention INDEXED BY mention_created
                WHERE present = 1 GROUP BY 1, 2
                """)
    }

    static func dropCountTriggers(_ db: Database) throws {
        for name in ["mention_count_insert", "mention_count_delete", "mention_count_update"] {
            try db.execute(sql: "DROP TRIGGER IF EXISTS \(name)")
        }
    }

    /// Drops whatever is there and creates the tables (call holding the write lock).
    func createSchema() throws {
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.inTransaction(.immediate) {
                for t in [
                    "mention_fts", "mention", "mention_by_handle", "logfile", "warning", "agenda", "report_part",
                    "report_term", "meta", "mention_count", "person", "report_event",
                ] + ReportHours.tableNames {
                    try db.execute(sql: "DROP TABLE IF EXISTS \(t)")
                }
                try HistoryIndex.createTables(db, writer: writer)
                return .commit
            }
        }
    }

    /// Creates the tables, triggers and meta rows of an empty database (the index, or a rebuild's fresh file).
    static func createTables(_ db: Database, writer: String) throws {
        for sql in tables + mentionCountTriggers + ReportHours.tables + ReportHours.triggers { try db.execute(sql: sql) }
        try db.execute(
            sql: "INSERT INTO meta(k, v) VALUES ('schema', ?), ('writer', ?), ('events', '0'), ('fts_upto', '0')",
            arguments: ["\(schemaVersion)", writer])
        try TermCache.newBuild(db)
    }

    /// The secondary indexes (created after the tables, dropped and made again around a rebuild).
    static let secondaryIndexes = tables.filter { $0.hasPrefix("CREATE INDEX") || $0.hasPrefix("CREATE UNIQUE INDEX") }

    /// Before a rebuild's bulk load (in its transaction): without the secondary indexes, a page cache of `cacheKB`
    /// (64 MB in the index itself; a rebuild's fresh file, `buildCacheKB`).
    static func beginBulk(_ db: Database, cacheKB: Int = 65536) throws {
        for sql in secondaryIndexes {
            let name = sql.split(separator: " ").first { $0.hasPrefix("mention_") }!
            try db.execute(sql: "DROP INDEX IF EXISTS \(name)")
        }
        try dropCountTriggers(db)
        try ReportHours.dropTriggers(db)
        try db.execute(sql: "PRAGMA cache_size = -\(cacheKB)")
        // The indexes sorted at the end, when the reading thread is done: a second core for SQLite's sorter.
        try db.execute(sql: "PRAGMA threads = 2")
    }

    /// After it: the secondary indexes and the full-text index built in one pass each, the page cache as before.
    /// `step` hears each of the passes done (done, total): at 10M they take minutes after the logs are read.
    /// `fullText: false` (a rebuild's fresh file): the full-text pass is left to the caller, who runs it in a
    /// transaction of its own after this one committed (`buildFullText`), while another thread makes the report's
    /// hours from the committed rows; `fts_upto` is recorded as if it were done (the file is not used before it is).
    /// The indexes are sorted with a page cache of `buildSortCacheKB` (16 MB). SQLite's sorter keeps
    /// up to a cache's worth of keys in memory: with the fresh file's 256 MB every index of 1M mentions is sorted
    /// in one piece on the writer's thread, and `PRAGMA threads` never starts a worker. With 16 MB the keys are
    /// sorted in 16 MB runs by worker threads while the writer reads the table, then merged: measured at 1M (the
    /// seven indexes on a copy, load 10–12) 38–42 s wall and 7.0–7.8 CPU-s against 71–72 s and 8.9–9.6 CPU-s.
    /// A bulk load into the index itself (an `ingest` of a large file) sorts with it too (its 64 MB cache kept
    /// most indexes in one piece as well): `ingest` of 1M into a new store 36.2 / 37.8 s, 52.4 CPU-s against
    /// 39.7 / 40.2 s, 58.5 CPU-s, and ~40 MB less memory (session 15, alternating, load 1.6–1.9).
    static func endBulk(_ db: Database, fullText: Bool = true, step: ((Int, Int) -> Void)? = nil) throws {
        let passes = bulkPasses
        try db.execute(sql: "PRAGMA cache_size = -\(buildSortCacheKB)")
        for (i, sql) in secondaryIndexes.enumerated() {
            step?(i, passes)
            try db.execute(sql: sql)
            if sql.hasPrefix("CREATE UNIQUE INDEX mention_key ") { try loosenKeyIndex(db) }
        }
        // The handles of every present row, sorted once (as an index is made; `mention_by_handle`).
        step?(passes - 2, passes)
        try db.execute(sql: "DELETE FROM mention_by_handle")
        try addHandles(db, after: 0)
        if fullText { try buildFullText(db, step: step) }
        try setFullTextUpTo(db, nil)
        try recount(db)
        for sql in mentionCountTriggers { try db.execute(sql: sql) }
        try ReportHours.afterBulk(db)
        try db.execute(sql: "PRAGMA cache_size = \(writerCache)")
        try db.execute(sql: "PRAGMA threads = 0")
    }

    /// Leaves room in the key index's leaves after it was sorted (schema 13). SQLite fills every leaf of an index it
    /// sorts to the last byte, and keys are hashes: each new key of a catch-up fell into a full leaf and split it (at
    /// 10M, 100 new mentions wrote ~370 pages of the key index alone — 100 new pages, 220 leaves, 48 interior pages —
    /// until every one of its 52,000 leaves had split once). A spacer row after about every 64th key (`key` with
    /// byte 1 appended: it sorts right after its key and is no key a mention has), added in key order, splits about
    /// every third leaf and spreads the cells over it and its neighbours; the spacers are deleted again (a fill
    /// factor, as other databases let one choose). At 1M: 5,166 leaves of which 6 full, ~10 % of their space free
    /// (room for ~20 more keys each), against 4,653 of which 4,651 full. Costs one pass over the key index. Runs
    /// before the other indexes are made (a spacer is not present, so it would go into none of them anyway) and
    /// before the full-text pass.
    static func loosenKeyIndex(_ db: Database) throws {
        let last = try Int64.fetchOne(db, sql: "SELECT coalesce(max(rowid), 0) FROM mention") ?? 0
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO mention(key, present)
                SELECT key || char(1), 0 FROM mention INDEXED BY mention_key WHERE rowid % 64 = 0 ORDER BY key
                """)
        try db.execute(sql: "DELETE FROM mention WHERE rowid > ?", arguments: [last])
    }

    /// The passes after a bulk load: the secondary indexes, the handles, the full-text index.
    static var bulkPasses: Int { secondaryIndexes.count + 2 }

    /// The full-text index of every row in one pass (the last of `endBulk`'s passes).
    static func buildFullText(_ db: Database, step: ((Int, Int) -> Void)? = nil) throws {
        let passes = bulkPasses
        step?(passes - 1, passes)
        try db.execute(sql: "INSERT INTO mention_fts(mention_fts) VALUES ('rebuild')")
        step?(passes, passes)
    }

    /// Empties the tables in the current transaction (a rebuild from the logs follows in the same transaction, so a
    /// process killed half-way leaves the old index, never half of a new one).
    static func clear(_ db: Database) throws {
        // Without the triggers, so the delete empties the table at once (not row by row); `endBulk` or the
        // next open puts them back and counts anew.
        try dropCountTriggers(db)
        try db.execute(sql: "DELETE FROM mention")
        try db.execute(sql: "DELETE FROM mention_count")
        try db.execute(sql: "INSERT INTO mention_fts(mention_fts) VALUES ('delete-all')")
        try db.execute(sql: "DELETE FROM mention_by_handle")
        try setFullTextUpTo(db, 0)
        try db.execute(sql: "DELETE FROM logfile")
        try db.execute(sql: "DELETE FROM warning")
        try db.execute(sql: "DELETE FROM agenda")
        try db.execute(sql: "DELETE FROM report_part")
        try db.execute(sql: "DELETE FROM report_term")
        try db.execute(sql: "DELETE FROM person")
        try db.execute(sql: "DELETE FROM meta WHERE k = 'person_seq'")
        try db.execute(sql: "DELETE FROM report_event")
        try db.execute(sql: "DELETE FROM meta WHERE k = 'report_voice'")
        try ReportHours.clear(db)
        try db.execute(sql: "UPDATE meta SET v = '0' WHERE k = 'events'")
        try TermCache.newBuild(db)
    }
}

/// The full-text tail. A catch-up does not write its new mentions into `mention_fts` one by one: every transaction
/// that adds rows to an FTS5 index writes a new segment and, every few, merges segments — at 1M mentions most of a
/// catch-up's page writes (`docs/performance.md`, "Phase 9"). Instead the present rows after the row id in meta
/// `fts_upto` are the tail: not in the full-text index, found by a word through their row ids (a few thousand at
/// most; `instr` on `hay` decides as for every candidate, `QuerySQL`). When the tail reaches `fullTextTail` rows
/// (4,096) they are added in one statement (one segment) after the catch-up committed, on the maintenance thread
/// (`maintain()`). Every present row up to `fts_upto` is in the index; a row that becomes present later (an action
/// named its key first, so its row id is old) goes in at once.
extension HistoryIndex {
    /// The row id up to which the full-text index is complete, as SQL (an index from before the tail has no
    /// `fts_upto`: all of it is indexed).
    static let fullTextUpToSQL =
        "coalesce((SELECT CAST(v AS INTEGER) FROM meta WHERE k = 'fts_upto'), 9223372036854775807)"

    /// The row ids of the mentions whose folded handle meets `condition` (SQL on `handle`, made twice — once for
    /// each part, so a caller that binds as it makes it binds in the order the placeholders appear): those up to
    /// `fts_upto` through `mention_by_handle` (present rows), the tail after it by row id (a few thousand at most;
    /// the caller asks for `present = 1`).
    static func handleRows(_ condition: () -> String) -> String {
        let indexed = condition()
        let tail = condition()
        return "SELECT id FROM mention_by_handle WHERE " + indexed
            + " UNION ALL SELECT rowid FROM mention WHERE rowid > " + fullTextUpToSQL + " AND " + tail
    }

    /// Adds the folded handles of the present rows after row id `after` to `mention_by_handle`, in handle order (each
    /// leaf they fall into written once): all of them after a bulk load (`after` 0), the tail when it goes in.
    static func addHandles(_ db: Database, after: Int64) throws {
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO mention_by_handle(handle, id)
                SELECT handle, rowid FROM mention WHERE rowid > ? AND present = 1 ORDER BY 1, 2
                """,
            arguments: [after])
    }

    static func fullTextUpTo(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(try db.cachedStatement(sql: "SELECT " + fullTextUpToSQL)) ?? Int64.max
    }

    /// Records `upTo` (nil: the last row id, everything is indexed).
    static func setFullTextUpTo(_ db: Database, _ upTo: Int64?) throws {
        let v = try upTo ?? Int64.fetchOne(try db.cachedStatement(sql: "SELECT coalesce(max(rowid), 0) FROM mention")) ?? 0
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO meta(k, v) VALUES ('fts_upto', ?)").execute(arguments: ["\(v)"])
    }

    /// How many row ids the tail spans (0 when there is none).
    static func fullTextTailLength(_ db: Database) throws -> Int64 {
        let upTo = try fullTextUpTo(db)
        guard upTo != Int64.max else { return 0 }
        let last = try Int64.fetchOne(try db.cachedStatement(sql: "SELECT coalesce(max(rowid), 0) FROM mention")) ?? 0
        return max(0, last - upTo)
    }

    /// Ends the tails now (what the maintenance thread does after a catch-up that left them long).
    /// Returns how many rows went into the full-text index.
    @discardableResult
    public func flushTails() throws -> Int {
        let dir = self.dir
        return try pool.writeWithoutTransaction { db in try HistoryIndex.flushFullText(db, dir) }
    }

    /// Adds the tail to the full-text index in its own transaction (one segment), and its mentions to their
    /// authors' `person` rows (`foldPersonTail`, reading their records in `dir`'s logs); returns how many rows it
    /// added to the full-text index.
    @discardableResult
    static func flushFullText(_ db: Database, _ dir: DataDirectory) throws -> Int {
        var added = 0
        try db.inTransaction(.immediate) {
            let upTo = try fullTextUpTo(db)
            guard upTo != Int64.max else { return .commit }
            try foldPersonTail(db, dir, after: upTo)
            try db.execute(
                sql: "INSERT INTO mention_fts(rowid, hay) SELECT rowid, hay FROM mention WHERE rowid > ? AND present = 1",
                arguments: [upTo])
            added = db.changesCount
            // The tail's handles likewise.
            try addHandles(db, after: upTo)
            try setFullTextUpTo(db, nil)
            return .commit
        }
        return added
    }
}
