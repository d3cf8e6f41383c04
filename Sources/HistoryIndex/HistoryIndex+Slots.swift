import Foundation
import GRDB
import Insight
import SwitchboardCore

/// What the crisis chart and the trends count, from the index instead of every mention in memory: the chart's
/// 15-minute slots as one `GROUP BY` over `mention_created`, the trends' words from the topic words each mention
/// keeps in `report_part` (the same `Trends.terms`; a private message keeps none, so its words are read from its
/// record, as the workbench counts them).
extension HistoryIndex {
    /// `CrisisReport.buckets` over every stored mention: mentions per 15 minutes from `from` to `to`, with the
    /// negative and positive ones.
    public func crisisBuckets(from: Date, to: Date) throws -> [CrisisBucket] {
        let q = 900.0
        let first = (from.timeIntervalSince1970 / q).rounded(.down) * q
        let n = max(1, Int(((to.timeIntervalSince1970 - first) / q).rounded(.down)) + 1)
        guard n <= 4 * 24 * 14 else { return try crisisBuckets(from: to.addingTimeInterval(-14 * 86400 + q), to: to) }
        var out = (0..<n).map {
            CrisisBucket(start: Date(timeIntervalSince1970: first + Double($0) * q), total: 0, negative: 0, positive: 0)
        }
        let negative = QueryMatcher.sentimentCode(.negative), positive = QueryMatcher.sentimentCode(.positive)
        let rows = try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT CAST((created - ?) / ? AS INTEGER) AS slot, count(*) AS total,
                        sum(sentiment = \(negative)) AS negative, sum(sentiment = \(positive)) AS positive
                    FROM mention INDEXED BY mention_created
                    WHERE present = 1 AND created >= ? AND created <= ? GROUP BY slot
                    """, arguments: [first, q, first, to.timeIntervalSince1970])
        }
        for r in rows {
            let i: Int = r["slot"]
            guard i >= 0, i < n else { continue }
            (out[i].total, out[i].negative, out[i].positive) = (r["total"], r["negative"], r["positive"])
        }
        return out
    }

    /// The texts of the negative mentions posted from `from` to `to`, newest first, at most `limit` (the words
    /// that pick the playbook a spike suggests: `PlaybookLibrary.suggest`).
    public func negativeTexts(from: Date, to: Date, limit: Int) throws -> [String] {
        let reader = LogReader(dir: dir)
        return try pool.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT key, \(HistoryIndex.fileName), off, len, analysis, state
                    FROM mention INDEXED BY mention_created
                    WHERE present = 1 AND created >= ? AND created <= ? AND sentiment = ?
                    ORDER BY created DESC LIMIT ?
                    """,
                arguments: [
                    from.timeIntervalSince1970, to.timeIntervalSince1970, QueryMatcher.sentimentCode(.negative), limit,
                ])
            return try rows.map { try record($0, reader).0.text }
        }
    }

    /// `Trends.rising` over the mentions of the 25 hours before `now` that the brand did not post (`own`).
    public func rising(now: Date, own: OwnAccounts, exclude: [String]) throws -> [TrendingTerm] {
        let env = QueryEnvironment(me: "", now: now, own: own)
        let ownSQL = QuerySQL(try Query.parse("is:own"), environment: env)
        // A second of slack each side: the exact times (`report_part.created`) decide.
        let from = now.timeIntervalSince1970 - 25 * 3600 - 1, to = now.timeIntervalSince1970 + 1
        let reader = LogReader(dir: dir)
        let texts: [(at: Date, terms: [String])] = try pool.read { db in
            let word = try db.cachedStatement(sql: "SELECT term FROM report_term WHERE id = ?")
            var words: [Int32: String] = [:]
            var out: [(at: Date, terms: [String])] = []
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT m.key AS key, m.created AS created, p.created AS exact, p.flags AS flags, p.terms AS terms,
                        \(HistoryIndex.fileName), m.off AS off, m.len AS len, m.analysis AS analysis, m.state AS state
                    FROM mention m INDEXED BY mention_created JOIN report_part p ON p.rowid = m.rowid
                    WHERE m.present = 1 AND m.created >= ? AND m.created <= ? AND NOT (\(ownSQL.sql))
                    ORDER BY m.rowid
                    """, arguments: StatementArguments([from, to] + ownSQL.arguments))
            for r in rows {
                let at =
                    (r["exact"] as Double?).map { Date(timeIntervalSinceReferenceDate: $0) }
                    ?? Date(timeIntervalSince1970: r["created"])
                if (r["flags"] as Int) & ReportParts.isPrivate != 0 {
                    let m = try record(r, reader).0
                    out.append((at, Trends.terms(m.text)))
                    continue
                }
                var ids: [Int32] = []
                let blob: Data = r["terms"] ?? Data()
                blob.withUnsafeBytes { ReportPartWriter.decode($0, into: &ids) }
                out.append(
                    (
                        at,
                        try ids.map { id in
                            if let w = words[id] { return w }
                            let w = try String.fetchOne(word, arguments: [id]) ?? ""
                            words[id] = w
                            return w
                        }
                    ))
            }
            return out
        }
        return Trends.rising(terms: texts, now: now, exclude: exclude)
    }
}
