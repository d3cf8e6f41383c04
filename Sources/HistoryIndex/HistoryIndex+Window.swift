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
        let due = now.timeIntervalSince1970 - (overdueAfter ?? 0)
        // Counted through the covering index, the brand's own posts taken off (`windowCounts`).
        let c = try windowCounts(own: own, now: now, due: due)
        return Window(
            newest: page.mentions, total: c.total, new: c.new, open: c.open,
            overdue: overdueAfter == nil ? nil : c.overdue, next: page.next)
    }
}
