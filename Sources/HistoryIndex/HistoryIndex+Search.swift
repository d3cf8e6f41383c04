import Foundation
import GRDB
import GRDBSQLite
import SwitchboardCore

/// Asking the index: a page of mentions matching a query, newest first, keyset-paged (the next page starts after the
/// last row of this one, so a page costs the same on page 1 and page 10,000). Records are read from the logs at the
/// offsets the index holds; states come from the index.
extension HistoryIndex {
    /// Where a page ended: the next page starts after this row. Mentions of the same `created` are ordered by key
    /// (not by row id, the order an index happened to read them in), so every site's index shows the same order.
    public struct PageCursor: Sendable, Hashable {
        public var created: Double, key: String
        init(_ row: Row) { (created, key) = (row["created"], row["key"]) }
    }

    /// One page of results.
    public struct Page: Sendable {
        public var mentions: [(mention: Mention, state: MentionState)]
        /// Nil when there is nothing after this page.
        public var next: PageCursor?
    }

    /// Mentions matching `query` (newest first), at most `limit` (0: all), after `cursor`; `hiding` leaves out what
    /// the team's mute list hides (`MuteSQL`).
    public func search(
        _ query: Query, environment env: QueryEnvironment, limit: Int = 50, after cursor: PageCursor? = nil,
        hiding mute: MuteSQL? = nil
    ) throws -> Page {
        var q = QuerySQL(query, environment: env)
        if let mute { (q.sql, q.arguments) = mute.and(q.sql, q.arguments) }
        let reader = LogReader(dir: dir)
        // A word or field found in many mentions fills a page from the newest few thousand: scan those first (instr
        // for words; a field through the row, not its index: `from:u` as a handle range sorts every mention). When
        // they match but do not fill the page, the share they matched says how many more rows would: scan on in a
        // window that size while it stays under `scanLimit` rows (a word with a selective field, e.g. `from:user12
        // upload`, fills a page from ~10,000 rows whatever the history's size, while the full-text plan reads every
        // row holding the word). Nothing matched, or too many rows to go: ask the full-text index (few candidates).
        var found: [Row] = []
        var position = cursor
        if limit > 0, q.exact {
            var scan = QuerySQL(query, environment: env, fullText: false)
            if let mute { (scan.sql, scan.arguments) = mute.and(scan.sql, scan.arguments) }
            var window = scanWindow
            var scanned = 0
            while true {
                let (bound, boundArgs, edge) = try windowBound(after: position, size: window)
                // The window is a range of `mention_created`: walked newest first, whatever other index a field
                // offers (`from:` as a handle range would read every mention of a common prefix first).
                let rows = try fetch(
                    "(" + scan.sql + ")" + bound, scan.arguments + boundArgs, after: position,
                    limit: limit - found.count, using: bound.isEmpty ? nil : "mention_created")
                found += rows
                if found.count == limit || edge == nil {
                    return Page(
                        mentions: try found.map { try record($0, reader) },
                        next: found.count == limit ? found.last.map(PageCursor.init) : nil)
                }
                scanned += window
                position = edge
                guard !found.isEmpty else { break }
                let more = Double(limit - found.count) * Double(scanned) / Double(found.count)
                if Double(scanned) + more > Double(scanLimit) { break }
                window = max(scanWindow, Int(more * 1.25) + 100)
            }
        }
        let matcher = q.exact ? nil : QueryMatcher(query, environment: env, cacheText: false)
        var out: [(mention: Mention, state: MentionState)] = try found.map { try record($0, reader) }
        let batch = limit > 0 ? (q.exact ? limit : max(limit * 4, 200)) : 5000
        while true {
            let rows = try fetch(q.sql, q.arguments, after: position, limit: batch)
            for row in rows {
                position = PageCursor(row)
                let (m, st) = try record(row, reader)
                if let matcher, !matcher.matches(m, st) { continue }
                out.append((m, st))
                if limit > 0, out.count == limit {
                    return Page(mentions: out, next: row == rows.last && rows.count < batch ? nil : position)
                }
            }
            if rows.count < batch { return Page(mentions: out, next: nil) }
        }
    }

    /// Rows matching `condition` after `position`, newest first.
    func fetch(
        _ condition: String, _ arguments: [DatabaseValueConvertible?], after position: PageCursor?, limit: Int,
        using index: String? = nil
    ) throws -> [Row] {
        var sql =
            "SELECT rowid, key, created, \(HistoryIndex.fileName), off, len, analysis, state FROM mention "
            + (index.map { "INDEXED BY \($0) " } ?? "") + "WHERE present = 1 AND (" + condition + ")"
        var args = arguments
        if let p = position {
            sql += " AND " + HistoryIndex.before
            args += [p.created, p.key]
        }
        sql += " ORDER BY created DESC, key DESC LIMIT \(limit)"
        return try pool.read { db in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)) }
    }

    /// The condition " AND (at or after the `size`th mention after `position`)" and that mention (where the next
    /// window starts after), or ("", nil) when fewer remain.
    func windowBound(after position: PageCursor?, size: Int) throws
        -> (String, [DatabaseValueConvertible?], PageCursor?)
    {
        var sql = "SELECT created, key FROM mention WHERE present = 1"
        var args: [DatabaseValueConvertible?] = []
        if let p = position {
            sql += " AND " + HistoryIndex.before
            args += [p.created, p.key]
        }
        sql += " ORDER BY created DESC, key DESC LIMIT 1 OFFSET \(max(0, size - 1))"
        let row = try pool.read { db in try Row.fetchOne(db, sql: sql, arguments: StatementArguments(args)) }
        guard let row else { return ("", [], nil) }
        let b = PageCursor(row)
        return (" AND (created, key) >= (?, ?)", [b.created, b.key], b)
    }

    /// How SQLite answers the first page of `query` (the `detail` lines of EXPLAIN QUERY PLAN): which index it uses.
    public func queryPlan(_ query: Query, environment env: QueryEnvironment) throws -> [String] {
        let q = QuerySQL(query, environment: env)
        return try pool.read { db in
            try Row.fetchAll(
                db,
                sql: "EXPLAIN QUERY PLAN SELECT rowid FROM mention WHERE present = 1 AND (\(q.sql)) "
                    + "ORDER BY created DESC, key DESC LIMIT 50", arguments: StatementArguments(q.arguments)
            ).map { $0["detail"] as String }
        }
    }

    /// How many mentions match `query`, or nil when counting them would take longer than `budget` seconds (the
    /// statement is stopped by SQLite's progress handler) or needs code the index cannot run. A filter typed into a
    /// window of ten million mentions counts on every key: `from:u` or a one-letter word would read every row.
    public func count(
        _ query: Query, environment env: QueryEnvironment, hiding mute: MuteSQL? = nil, within budget: TimeInterval
    ) throws -> Int? {
        var q = QuerySQL(query, environment: env)
        if let mute { (q.sql, q.arguments) = mute.and(q.sql, q.arguments) }
        let end = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, budget) * 1e9)
        guard q.exact else {
            // Candidates checked by the matcher (`is:overdue`, `role:`), a batch at a time until the budget is spent.
            let matcher = QueryMatcher(query, environment: env, cacheText: false)
            let reader = LogReader(dir: dir)
            var (n, position) = (0, PageCursor?.none)
            while true {
                let rows = try fetch(q.sql, q.arguments, after: position, limit: 2000)
                for row in rows {
                    position = PageCursor(row)
                    let (m, st) = try record(row, reader)
                    if matcher.matches(m, st) { n += 1 }
                }
                if rows.count < 2000 { return n }
                if DispatchTime.now().uptimeNanoseconds > end { return nil }
            }
        }
        return try pool.read { db in
            let deadline = UnsafeMutablePointer<UInt64>.allocate(capacity: 1)
            deadline.pointee = end
            sqlite3_progress_handler(
                db.sqliteConnection, 2000,
                { ctx in
                    let d = ctx!.assumingMemoryBound(to: UInt64.self).pointee
                    return DispatchTime.now().uptimeNanoseconds > d ? 1 : 0
                }, deadline)
            defer {
                sqlite3_progress_handler(db.sqliteConnection, 0, nil, nil)
                deadline.deallocate()
            }
            do {
                return try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM mention WHERE present = 1 AND (\(q.sql))",
                    arguments: StatementArguments(q.arguments)) ?? 0
            } catch let e as DatabaseError where e.resultCode == .SQLITE_INTERRUPT {
                return nil
            }
        }
    }

    /// How many mentions match `query` (counted in SQL when the query compiles whole); `hiding` as `search`.
    public func count(_ query: Query, environment env: QueryEnvironment, hiding mute: MuteSQL? = nil) throws -> Int {
        var q = QuerySQL(query, environment: env)
        if let mute { (q.sql, q.arguments) = mute.and(q.sql, q.arguments) }
        if q.exact {
            return try pool.read { db in
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM mention WHERE present = 1 AND (\(q.sql))",
                    arguments: StatementArguments(q.arguments)) ?? 0
            }
        }
        return try search(query, environment: env, limit: 0, hiding: mute).mentions.count
    }

    /// The keys of the mentions matching `query`, newest first.
    public func keys(matching query: Query, environment env: QueryEnvironment) throws -> [String] {
        let q = QuerySQL(query, environment: env)
        if !q.exact { return try search(query, environment: env, limit: 0).mentions.map(\.mention.key) }
        return try pool.read { db in
            try String.fetchAll(
                db,
                sql: "SELECT key FROM mention WHERE present = 1 AND (\(q.sql)) ORDER BY created DESC, key DESC",
                arguments: StatementArguments(q.arguments))
        }
    }

    /// One mention and its state by key (nil when the index has no record of it).
    public func mention(_ key: String) throws -> (mention: Mention, state: MentionState)? {
        let row = try pool.read { db in
            try Row.fetchOne(
                db,
                sql:
                    "SELECT key, \(HistoryIndex.fileName), off, len, analysis, state FROM mention WHERE key = ? AND present = 1",
                arguments: [key])
        }
        return try row.map { try record($0, LogReader(dir: dir)) }
    }

    /// Reads the record a row points at from its log, with the analysis and state the index folded.
    func record(_ row: Row, _ reader: LogReader) throws -> (Mention, MentionState) {
        let place = RecordPlace(row)
        let m = try ReportLoader.record(place, reader)
        return (m, place.state.map { ReportLoader.state($0, triageOnly: false) } ?? MentionState())
    }

    /// "After `position` in the newest-first order" as a row value: SQLite answers it as a range of `mention_created`
    /// (the same condition spelt `created < ?1 OR (created = ?2 AND key < ?3)` is a scan of the whole index when a page
    /// does not fill: the planner cannot know that ?1 and ?2 are equal).
    static let before = "(created, key) < (?, ?)"

    /// The name of the log a row's record is in.
    static let fileName = "(SELECT name FROM logfile WHERE id = file) AS fname"

    static let jsonDecoder: JSONDecoder = {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .switchboard
        return d
    }()
}
