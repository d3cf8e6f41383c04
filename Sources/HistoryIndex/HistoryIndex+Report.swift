import Foundation
import GRDB
import SwitchboardCore

/// The report's simple figures (`ReportFigures`) in SQL.
extension HistoryIndex {
    /// The figures for [since, until) at `now`; the previous period is as long and ends at `since`.
    public func reportFigures(since: Date, until: Date, now: Date, team: TeamConfig) throws -> ReportFigures? {
        guard MuteList(team.mute).isEmpty else { return nil }
        let own = OwnAccounts(team: team)
        var args: [DatabaseValueConvertible?] = []
        let notOwn = QuerySQL.compile(.not(.own), QueryEnvironment(me: "", own: own), &args)!
        let s = since.timeIntervalSince1970
        let previous = s - until.timeIntervalSince(since)
        let base =
            "present = 1 AND status != \(StateColumns.statusCode(.spam)) AND (\(notOwn)) AND created >= ? AND created < ?"
        args += [previous, until.timeIntervalSince1970]
        let questionBits = Int(QueryMatcher.bit(.question) | QueryMatcher.bit(.help))
        let (pos, neu, neg) = (
            QueryMatcher.sentimentCode(.positive), QueryMatcher.sentimentCode(.neutral),
            QueryMatcher.sentimentCode(.negative)
        )
        let question = "(intents & \(questionBits)) != 0"
        return try pool.read { db in
            var f = ReportFigures()
            // One pass over the covering index `mention_created` (no row read): counts by network and period,
            // sentiment and questions as conditional sums.
            var times: [Double] = []
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT platform, created >= ? AS cur, count(*) AS n, sum(sentiment = \(pos)) AS pos,
                        sum(sentiment = \(neu)) AS neu, sum(sentiment = \(neg)) AS neg, sum(\(question)) AS q
                    FROM mention INDEXED BY mention_created WHERE \(base) GROUP BY 1, 2
                    """,
                arguments: [s] + StatementArguments(args))
            while let row = try rows.next() {
                let n: Int = row["n"]
                guard row["cur"] as Int == 1 else {
                    f.previousTotal += n
                    continue
                }
                f.total += n
                f.networks[Report.cleanName(row["platform"]), default: 0] += n
                f.positive += row["pos"] as Int
                f.neutral += row["neu"] as Int
                f.negative += row["neg"] as Int
                f.questions += row["q"] as Int
            }
            // The current period's answered questions: their first-response times (the same index, no row read).
            times = try Double.fetchAll(
                db,
                sql: """
                    SELECT max(0, first_response - created) FROM mention INDEXED BY mention_created
                    WHERE \(base) AND created >= ? AND \(question) AND first_response IS NOT NULL AND first_response <= ?
                    """, arguments: StatementArguments(args) + [s, now.timeIntervalSince1970])
            f.analysed = f.positive + f.neutral + f.negative
            f.answered = times.count
            f.medianSeconds = Report.median(times)
            return f
        }
    }
}

/// The whole report through the index: only the two periods' records are read from the logs (by offset, in store
/// order, on every core); what the report says about the rest of the store (how many, the oldest and newest, the
/// network of a reply's mention) comes from SQL. The same `Report.compute` as over the folded store, so the same
/// report.
extension HistoryIndex {
    /// `events`: the actions, when the caller has read them already (`events()`).
    public func report(
        team: TeamConfig, since: Date, until: Date, now: Date, options: ReportOptions = ReportOptions(),
        events known: [AuditEvent]? = nil
    ) throws -> Report {
        let events = try known ?? self.events()
        let reader = LogReader(dir: dir, readAhead: 1 << 20)
        // What the report says about the whole store: how many, the oldest and the newest (two records read).
        let stored = {
            try self.pool.read { db -> Report.Stored in
                let n = try HistoryIndex.presentCount(db)
                func end(_ order: String) throws -> Date? {
                    let row = try Row.fetchOne(
                        db,
                        sql: """
                            SELECT key, \(HistoryIndex.fileName), off, len, analysis, state FROM mention
                            WHERE present = 1 ORDER BY created \(order), key \(order) LIMIT 1
                            """)
                    return try row.map { try self.record($0, reader).0.createdAt }
                }
                return Report.Stored(mentions: n, first: try end("ASC"), last: try end("DESC"))
            }
        }
        lastReportFromColumns = false
        if let r = try reportFromParts(
            team: team, since: since, until: until, now: now, options: options, events: events, stored: stored)
        {
            lastReportFromParts = true
            return r
        }
        lastReportFromParts = false
        let previous = since.timeIntervalSince1970 - until.timeIntervalSince(since)
        // Through a cursor by column position, the log names looked up once (not a row object per mention).
        let places = try pool.read { db -> [RecordPlace] in
            var names: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, name FROM logfile") { names[row[0]] = row[1] }
            var out: [RecordPlace] = []
            let to = until.timeIntervalSince1970
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT key, file, off, len, analysis, state FROM mention \(try HistoryIndex.periodScan(
                        db, from: previous, to: to))
                    WHERE present = 1 AND created >= ? AND created < ? ORDER BY rowid
                    """, arguments: [previous, to])
            while let row = try rows.next() {
                out.append(
                    RecordPlace(
                        key: row[0], file: names[row[1]] ?? "?", off: row[2], len: row[3], analysis: row[4],
                        state: row[5]))
            }
            return out
        }
        // The report reads only the status and first response of a state unless the priority band reads more.
        let loaded = try ReportLoader.load(
            places, dir: dir, terms: options.terms, triageOnly: options.band == nil || !options.bandReadsState)
        let storedFigures = try stored()
        return try pool.read { db in
            let platform = try db.cachedStatement(sql: "SELECT platform FROM mention WHERE key = ? AND present = 1")
            return try Report.compute(
                mentions: loaded.mentions, states: loaded.states, events: events, team: team, since: since,
                until: until, now: now, options: options, stored: storedFigures,
                networkOf: { key in try? String.fetchOne(platform, arguments: [key]) }, prepared: loaded.prepared)
        }
    }

    /// The actions the report decodes (`ReportEvents.keep`), read by the places the catch-up recorded in
    /// `report_event` (schema 9): what `events(keep: ReportEvents.keep)` reads from the whole actions logs, without
    /// reading them (at 10M, 217 MB for — in a history of triage — no line at all).
    public func reportEvents() throws -> [AuditEvent] { try events(at: "report_event") }

    /// Every action in the logs, in the order the store folds them (the report reads publishing, replies and
    /// crisis runs from them).
    /// `keep` picks the lines worth decoding by their raw bytes (nil: every line).
    public func events(keep: ((ArraySlice<UInt8>) -> Bool)? = nil) throws -> [AuditEvent] {
        var out: [AuditEvent] = []
        for file in logFiles(.actions) {
            let size = FileIO.size(file)
            var off = 0
            while off < size {
                var data = try FileIO.readBytes(file, from: off, count: min(size - off, HistoryIndex.readBlock))
                guard let nl = data.lastIndex(of: 10) else {
                    if data.count < HistoryIndex.readBlock { break }
                    data = try FileIO.readBytes(file, from: off, count: size - off)
                    guard let last = data.lastIndex(of: 10) else { break }
                    data.removeSubrange((last + 1)...)
                    off += data.count
                    out += Self.decodeEvents(data, keep: keep)
                    continue
                }
                data.removeSubrange((nl + 1)...)
                off += data.count
                out += Self.decodeEvents(data, keep: keep)
            }
        }
        return out
    }

    static func decodeEvents(_ data: [UInt8], keep: ((ArraySlice<UInt8>) -> Bool)? = nil) -> [AuditEvent] {
        var lines = LineSplitter.split(data)
        if let keep { lines = lines.filter { keep($0.bytes) } }
        return RecordDecoder.decode(AuditEvent.self, lines: lines, fast: AuditEvent.fastDecode).compactMap {
            if case .success(let e) = $0 { return e }
            return nil
        }
    }
}
