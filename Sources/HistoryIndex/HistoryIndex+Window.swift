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

    /// The counts of `window` alone (no page): after a write or a catch-up. They never pass over every row
    /// (`WindowCounts`), so the first frame and each refresh cost the same at 10k and 10M — except for a role that
    /// may not read private messages, whose counts are one pass (the private flag has no index).
    public func counts(own: OwnAccounts, now: Date, overdueAfter: Double?, hiding mute: MuteSQL? = nil) throws
        -> Window
    {
        let env = QueryEnvironment(me: "", now: now, own: own)
        let c = try pool.read { db in
            try WindowCounts(db, env: env, now: now, overdueAfter: overdueAfter, hiding: mute)
        }
        return Window(newest: [], total: c.total, new: c.new, open: c.open, overdue: c.overdue, next: nil)
    }
}
