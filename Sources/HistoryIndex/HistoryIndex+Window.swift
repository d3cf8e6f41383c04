import Foundation
import GRDB
import SwitchboardCore

/// The workbench's first frame from the index: the newest page of the feed (keyset, as `search`) and the counts the
/// title and the status bar show, counted in SQL — without folding the logs.
extension HistoryIndex {
    /// What the first frame shows.
    public struct Window: Sendable {
        /// The newest mentions, newest first, with their states.
        public var newest: [(mention: Mention, state: MentionState)]
        /// Every stored mention (the feed's title).
        public var total: Int
        /// Status new, and open (needs someone); the brand's own posts are neither.
        public var new: Int, open: Int
        /// Open, unanswered and past `overdueAfter` seconds; nil when not asked (an SLA with a target per priority
        /// band or business hours needs each mention's priority: counted once the store is loaded).
        public var overdue: Int?
        /// Where the next older page starts (`search(.all, …, after:)`); nil when the history holds no more.
        public var next: PageCursor?
    }

    /// The newest `limit` mentions and the counts at `now`. `overdueAfter`: the one SLA target in seconds (nil: the
    /// overdue count is left out).
    public func window(limit: Int, own: OwnAccounts, now: Date, overdueAfter: Double?) throws -> Window {
        let env = QueryEnvironment(me: "", now: now, own: own)
        let page = try search(.all, environment: env, limit: limit)
        let ownSQL = QuerySQL(try Query.parse("is:own"), environment: env)
        let newCode = StateColumns.statusCode(.new)
        let due = now.timeIntervalSince1970 - (overdueAfter ?? 0)
        // One pass; without own accounts the partial covering index `mention_report` answers it without the rows.
        let sql = """
            SELECT count(*) AS total,
                coalesce(sum(o = 0 AND status = \(newCode)), 0) AS new,
                coalesce(sum(o = 0 AND status IN (\(QuerySQL.openCodes))), 0) AS open,
                coalesce(sum(o = 0 AND status IN (\(QuerySQL.openCodes))
                    AND first_response IS NULL AND created < ?), 0) AS overdue
            FROM (SELECT status, first_response, created, (\(ownSQL.sql)) AS o FROM mention WHERE present = 1)
            """
        let row = try pool.read { db in
            try Row.fetchOne(db, sql: sql, arguments: StatementArguments(ownSQL.arguments + [due]))
        }
        return Window(
            newest: page.mentions, total: row?["total"] ?? 0, new: row?["new"] ?? 0, open: row?["open"] ?? 0,
            overdue: overdueAfter == nil ? nil : (row?["overdue"] ?? 0), next: page.next)
    }
}
