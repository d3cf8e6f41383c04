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
        return try pool.read { db in
            var f = ReportFigures()
            let a = StatementArguments(args)
            for row in try Row.fetchAll(
                db, sql: "SELECT platform, created >= ? AS cur, count(*) AS n FROM mention WHERE \(base) GROUP BY 1, 2",
                arguments: [s] + a)
            {
                let n: Int = row["n"]
                if row["cur"] as Int == 1 {
                    f.total += n
                    f.networks[Report.cleanName(row["platform"]), default: 0] += n
                } else {
                    f.previousTotal += n
                }
            }
            for row in try Row.fetchAll(
                db,
                sql: "SELECT sentiment, count(*) AS n FROM mention WHERE \(base) AND created >= ? GROUP BY sentiment",
                arguments: a + [s])
            {
                let n: Int = row["n"]
                switch row["sentiment"] as Int {
                case Int(QueryMatcher.sentimentCode(.positive)): f.positive = n
                case Int(QueryMatcher.sentimentCode(.neutral)): f.neutral = n
                case Int(QueryMatcher.sentimentCode(.negative)): f.negative = n
                default: continue
                }
                f.analysed += n
            }
            let questions = "\(base) AND created >= ? AND (intents & \(questionBits)) != 0"
            f.questions =
                try Int.fetchOne(db, sql: "SELECT count(*) FROM mention WHERE \(questions)", arguments: a + [s]) ?? 0
            let times = try Double.fetchAll(
                db,
                sql: """
                    SELECT max(0, first_response - created) FROM mention
                    WHERE \(questions) AND first_response IS NOT NULL AND first_response <= ?
                    """, arguments: a + [s, now.timeIntervalSince1970])
            f.answered = times.count
            f.medianSeconds = Report.median(times)
            return f
        }
    }
}
