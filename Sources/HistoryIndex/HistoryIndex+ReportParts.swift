import Foundation
import GRDB
import GRDBSQLite
import SwitchboardCore

/// The report from what the index keeps of each mention (its row and `report_part`): no record is read from the logs
/// and no text tokenised; the period's rows are fetched in one statement and handed to the same `Report.compute` as
/// mentions without text, with their share-of-voice bits and topic words as numbers (`ReportPrepared`).
extension HistoryIndex {
    /// nil when the parts cannot answer: options other than `.insight(team:)`'s, a mute list (its terms are matched
    /// against the raw text), more competitors than the bits hold, a mention without parts, or terms that could not
    /// be brought up to date.
    func reportFromParts(
        team: TeamConfig, since: Date, until: Date, now: Date, options: ReportOptions, events: [AuditEvent],
        stored: () throws -> Report.Stored
    ) throws -> Report? {
        guard options.readsIndexedParts, MuteList(team.mute).isEmpty else { return nil }
        let terms = VoiceTerms(team: team)
        guard terms.fits, (try? refreshVoice(terms)) != nil else { return nil }
        let previous = since.timeIntervalSince1970 - until.timeIntervalSince(since)
        let triageOnly = options.band == nil || !options.bandReadsState
        let stored = try stored()
        let asColumns = reportAsColumns && ReportColumns.answers(options, team: team)
        // The rows kept per hour, made first where they are missing or stale (under the write lock); when they
        // cannot be (a read-only index, rows without parts), the columns come from the rows as before.
        let hours =
            asColumns && reportFromHours
            && ((try? refreshReportHours(
                team: team, from: previous, to: until.timeIntervalSince1970,
                vocabulary: try pool.read { try HistoryIndex.vocabulary($0) }, band: options.band)) ?? false)
        lastReportFromHours = false
        lastReportFromSums = false
        let report = try pool.read { db -> Report? in
            guard try VoiceTerms.stored(db) == terms else { return nil }
            let vocabulary = try HistoryIndex.vocabulary(db)
            let platform = try db.cachedStatement(sql: "SELECT platform FROM mention WHERE key = ? AND present = 1")
            if asColumns, hours, reportFromSums,
                let r = try HistoryIndex.reportFromSums(
                    db, team: team, since: since, until: until, now: now, options: options, events: events,
                    stored: stored, vocabulary: vocabulary,
                    networkOf: { key in try? String.fetchOne(platform, arguments: [key]) })
            {
                lastReportFromHours = true
                lastReportFromSums = true
                lastReportSummedHours = r.summed
                lastReportPeopleBlocks = r.blocks
                return r.report
            }
            if asColumns {
                let fromHours =
                    hours
                    ? try HistoryIndex.hourColumns(
                        db, from: previous, to: until.timeIntervalSince1970, team: team, vocabulary: vocabulary,
                        bands: options.band != nil) : nil
                lastReportFromHours = fromHours != nil
                guard
                    let columns = try fromHours
                        ?? HistoryIndex.reportColumns(
                            db, from: previous, to: until.timeIntervalSince1970, team: team, vocabulary: vocabulary,
                            band: options.band)
                else { return nil }
                return try Report.compute(
                    columns: columns, events: events, team: team, since: since, until: until, now: now,
                    options: options, stored: stored,
                    networkOf: { key in try? String.fetchOne(platform, arguments: [key]) })
            }
            guard
                let rows = try HistoryIndex.partRows(
                    db, from: previous, to: until.timeIntervalSince1970, triageOnly: triageOnly)
            else { return nil }
            let word = try db.cachedStatement(sql: "SELECT term FROM report_term WHERE id = ?")
            let ids = ReportTermIDs(ids: rows.ids, start: rows.start, vocabulary: vocabulary) { id in
                try? String.fetchOne(word, arguments: [id])
            }
            return try Report.compute(
                mentions: rows.mentions, states: rows.states, events: events, team: team, since: since,
                until: until, now: now, options: options, stored: stored,
                networkOf: { key in try? String.fetchOne(platform, arguments: [key]) },
                prepared: ReportPrepared(voice: rows.voice, termIDs: ids))
        }
        lastReportFromColumns = asColumns && report != nil
        return report
    }

    /// How many words `report_term` numbers (the largest id + 1).
    static func vocabulary(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT coalesce(max(id) + 1, 0) FROM report_term") ?? 0
    }

    /// The period's mentions as the report reads them, from their rows and parts, in rowid order.
    struct PartRows {
        var mentions: [Mention] = [], states: [String: MentionState] = [:]
        var voice: [UInt64] = [], ids: [Int32] = [], start: [Int] = [0]
    }

    /// The statement that fetches the period's rows and parts in rowid order. When the period holds a good share of
    /// the mentions (at least one in `scanShare`), the table is read in rowid order from start to end (each page
    /// once, no sort); through `mention_created` each row would be a lookup in random order (a page read per row,
    /// the table far bigger than the page cache) and the rows sorted by rowid afterwards: at 100k, 30 days, 0.5
    /// CPU-seconds against 0.03 for the scan. A short period of a long history goes through the index.
    static func partRowsSQL(_ db: Database, from: Double, to: Double) throws -> String {
        """
        SELECT m.key, m.platform, m.created, m.sentiment, m.score, m.intents, m.state, m.handle_lc,
            p.flags, p.handle, p.platform, p.created, p.followers, p.voice, p.terms
        FROM mention m \(try periodScan(db, from: from, to: to))LEFT JOIN report_part p ON p.rowid = m.rowid
        WHERE m.present = 1 AND m.created >= ? AND m.created < ? ORDER BY m.rowid
        """
    }

    /// "NOT INDEXED " when [from, to) holds at least one in `scanShare` of the mentions (read the table in rowid
    /// order), else "" (look the rows up through the creation index).
    static func periodScan(_ db: Database, from: Double, to: Double) throws -> String {
        // The present mentions from `mention_count` (kept by triggers), the period's counted only as far as the
        // share needs (a 30-day report of a 1M history would count every row otherwise).
        let total = try presentCount(db)
        let needed = (total + scanShare - 1) / scanShare
        let inPeriod =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM (SELECT 1 FROM mention INDEXED BY mention_created
                    WHERE present = 1 AND created >= ? AND created < ? LIMIT ?)
                    """, arguments: [from, to, needed]) ?? 0
        return inPeriod * scanShare >= total ? "NOT INDEXED " : ""
    }

    /// How many mentions are present (`mention_count`, no pass over the rows).
    static func presentCount(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT coalesce(sum(n), 0) FROM mention_count") ?? 0
    }

    /// See `partRowsSQL`: below one mention in this many, the period's rows are looked up through the index.
    static let scanShare = 16

    /// How SQLite fetches the report's rows for [since, until) (`EXPLAIN QUERY PLAN`, one line per step).
    public func reportPlan(since: Date, until: Date) throws -> [String] {
        let previous = since.timeIntervalSince1970 - until.timeIntervalSince(since)
        return try pool.read { db in
            let sql = try HistoryIndex.partRowsSQL(db, from: previous, to: until.timeIntervalSince1970)
            return try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: [previous, until.timeIntervalSince1970]
            ).map { $0["detail"] as String }
        }
    }

    /// nil when a mention has no parts (an index that did not keep them for it).
    static func partRows(_ db: Database, from: Double, to: Double, triageOnly: Bool) throws -> PartRows? {
        let statement = try db.makeStatement(sql: try partRowsSQL(db, from: from, to: to))
        let s = statement.sqliteStatement
        sqlite3_bind_double(s, 1, from)
        sqlite3_bind_double(s, 2, to)
        defer { sqlite3_reset(s) }
        func text(_ i: Int32) -> String? {
            guard let p = sqlite3_column_text(s, i) else { return nil }
            return String(
                decoding: UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(s, i))), as: UTF8.self)
        }
        func isNull(_ i: Int32) -> Bool { sqlite3_column_type(s, i) == SQLITE_NULL }
        var out = PartRows()
        while try HistoryIndex.step(s, db) {
            if isNull(8) { return nil }
            let key = text(0) ?? ""
            let sentiment = Int(sqlite3_column_int64(s, 3))
            let analysis =
                sentiment == 0
                ? nil
                : Analysis(
                    lang: "", sentiment: sentiment == 1 ? .negative : sentiment == 2 ? .neutral : .positive,
                    score: sqlite3_column_double(s, 4), intents: intentSets[Int(sqlite3_column_int64(s, 5)) & 0x7F])
            let parts = ReportParts.StoredParts(
                handle: text(9), platform: text(10), created: isNull(11) ? nil : sqlite3_column_double(s, 11),
                followers: isNull(12) ? nil : Int(sqlite3_column_int64(s, 12)), flags: Int(sqlite3_column_int64(s, 8)))
            out.mentions.append(
                ReportParts.mention(
                    key: key, platform: text(1) ?? "", created: sqlite3_column_double(s, 2), analysis: analysis,
                    handleLC: text(7) ?? "", parts: parts))
            if let p = sqlite3_column_blob(s, 6) {
                let data = Data(bytes: p, count: Int(sqlite3_column_bytes(s, 6)))
                out.states[key] = ReportLoader.state(data, triageOnly: triageOnly)
            }
            out.voice.append(UInt64(bitPattern: sqlite3_column_int64(s, 13)))
            if let p = sqlite3_column_blob(s, 14) {
                ReportPartWriter.decode(
                    UnsafeRawBufferPointer(start: p, count: Int(sqlite3_column_bytes(s, 14))), into: &out.ids)
            }
            out.start.append(out.ids.count)
        }
        return out
    }

    /// The intents of each combination of intent bits (`QueryMatcher.bit`), in the order Insight lists them.
    static let intentSets: [[Intent]] = (0..<128).map { bits in
        Intent.allCases.filter { Int(QueryMatcher.bit($0)) & bits != 0 }
    }

    /// Works out every mention's share-of-voice bits anew when the index holds them for other terms than `terms`
    /// (brands or competitors edited since): each record's text read from the logs once (on every core), under the
    /// write lock, in one transaction, with the new terms recorded.
    func refreshVoice(_ terms: VoiceTerms) throws {
        if try pool.read({ try VoiceTerms.stored($0) }) == terms { return }
        try FileIO.withLock(HistoryIndex.lockFile(dir)) {
            try pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    guard try VoiceTerms.stored(db) != terms else { return .commit }
                    let places = try Row.fetchAll(
                        db,
                        sql: """
                            SELECT m.rowid AS rowid, m.key AS key, f.name AS fname, m.off AS off, m.len AS len
                            FROM report_part p JOIN mention m ON m.rowid = p.rowid JOIN logfile f ON f.id = m.file
                            WHERE m.present = 1 ORDER BY m.rowid
                            """
                    ).map { (rowid: $0["rowid"] as Int64, place: RecordPlace($0)) }
                    let bits = try ReportLoader.voice(places.map(\.place), dir: dir, matchers: terms.matchers)
                    let update = try db.cachedStatement(sql: "UPDATE report_part SET voice = ? WHERE rowid = ?")
                    for (p, b) in zip(places, bits) { try update.execute(arguments: [b, p.rowid]) }
                    try terms.store(db)
                    return .commit
                }
            }
        }
    }
}

extension HistoryIndex {
    /// Steps a statement read column by column through SQLite's C interface: true for a row, false at its end; any
    /// other answer is thrown with SQLite's message.
    static func step(_ s: SQLiteStatement, _ db: Database) throws -> Bool {
        let rc = sqlite3_step(s)
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { return false }
        throw DatabaseError(
            resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
    }
}
