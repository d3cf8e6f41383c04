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
    /// overdue count is left out). `hiding`: what the team's mute list hides is neither shown nor counted.
    public func window(
        limit: Int, own: OwnAccounts, now: Date, overdueAfter: Double?, hiding mute: MuteSQL? = nil
    ) throws -> Window {
        let env = QueryEnvironment(me: "", now: now, own: own)
        let page = try search(.all, environment: env, limit: limit, hiding: mute)
        var counts = try self.counts(own: own, now: now, overdueAfter: overdueAfter, hiding: mute)
        counts.newest = page.mentions
        counts.next = page.next
        return counts
    }

    /// The counts of `window` alone (no page): after a write or a catch-up.
    public func counts(own: OwnAccounts, now: Date, overdueAfter: Double?, hiding mute: MuteSQL? = nil) throws
        -> Window
    {
        let env = QueryEnvironment(me: "", now: now, own: own)
        let ownSQL = QuerySQL(try Query.parse("is:own"), environment: env)
        let shown = mute?.shown ?? (sql: "1", arguments: [])
        let andShown = shown.sql == "1" ? "" : " AND " + shown.sql
        let newCode = StateColumns.statusCode(.new)
        let due = now.timeIntervalSince1970 - (overdueAfter ?? 0)
        // One pass (placeholders in the order they appear: the due time, own accounts, the mute list); without own
        // accounts the partial covering index `mention_report` answers it without the rows.
        let sql = """
            SELECT count(*) AS total,
                coalesce(sum(o = 0 AND status = \(newCode)), 0) AS new,
                coalesce(sum(o = 0 AND status IN (\(QuerySQL.openCodes))), 0) AS open,
                coalesce(sum(o = 0 AND status IN (\(QuerySQL.openCodes))
                    AND first_response IS NULL AND created < ?), 0) AS overdue
            FROM (SELECT status, first_response, created, (\(ownSQL.sql)) AS o
                FROM mention WHERE present = 1\(andShown))
            """
        let row = try pool.read { db in
            try Row.fetchOne(db, sql: sql, arguments: StatementArguments([due] + ownSQL.arguments + shown.arguments))
        }
        return Window(
            newest: [], total: row?["total"] ?? 0, new: row?["new"] ?? 0, open: row?["open"] ?? 0,
            overdue: overdueAfter == nil ? nil : (row?["overdue"] ?? 0), next: nil)
    }
}
