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
    ///
    /// The counts never pass over every row: `mention_count` holds them per status; the brand's own posts are
    /// found through the handle index and taken away; overdue is the open, unanswered ones less those of the last
    /// `overdueAfter` seconds (a range of `mention_status`). So the first frame costs the same at 10k and 10M.
    public func window(limit: Int, own: OwnAccounts, now: Date, overdueAfter: Double?) throws -> Window {
        let env = QueryEnvironment(me: "", now: now, own: own)
        let page = try search(.all, environment: env, limit: limit)
        let counts = try pool.read { db in try WindowCounts(db, env: env, now: now, overdueAfter: overdueAfter) }
        return Window(
            newest: page.mentions, total: counts.total, new: counts.new, open: counts.open,
            overdue: counts.overdue, next: page.next)
    }
}
