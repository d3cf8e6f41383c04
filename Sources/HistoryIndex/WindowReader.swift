import Foundation
import GRDB
import SwitchboardCore

/// What a workbench that never folds the store (`SWITCHBOARD_WINDOW=bounded`) reads of the history: the newest page,
/// the next older pages (keyset-paged in the current query), the counts, and — after a write or on the refresh
/// tick — the catch-up with the logs and the states of the rows it holds again. Everything leaves out what the team's
/// mute list hides (`MuteSQL`, made again when a catch-up read new mentions).
public final class WindowReader {
    public let index: HistoryIndex
    public let mute: MuteList
    public let own: OwnAccounts
    public let me: String
    public let pageSize: Int
    /// The one SLA target in seconds for the overdue count (nil: not counted; `HistoryIndex.window`).
    public let overdueAfter: Double?
    /// `is:overdue`'s target for a filter (the workbench's `sla_minutes`).
    public var slaMinutes = 60
    /// How long a filter's count may take before the window says "more than the rows read" instead (seconds).
    public var countBudget: TimeInterval = 0.15
    private(set) var hidden: MuteSQL
    /// The query the pages follow (nil: every mention).
    public private(set) var query: Query?
    /// Where the next page starts; nil once the history holds no more.
    private var next: HistoryIndex.PageCursor?
    /// The newest row read unfiltered: newer mentions caught up later are read above it.
    private var newest: HistoryIndex.PageCursor?
    /// The keys of the rows read, in the order read (their states are read again after a catch-up).
    public private(set) var keys: [String] = []
    private var known: Set<String> = []

    public init(
        index: HistoryIndex, mute: MuteList, own: OwnAccounts, me: String, pageSize: Int, overdueAfter: Double?
    ) throws {
        (self.index, self.mute, self.own, self.me, self.pageSize) = (index, mute, own, me, pageSize)
        self.overdueAfter = overdueAfter
        hidden = try index.muted(mute)
    }

    /// `role:` (the contacts a window without a store reads through the index: `WindowPanes.roleHook`); nil: it
    /// matches nothing.
    public var role: (@Sendable (Mention, String) -> Bool)?

    /// The query environment of the pages and counts at `now`.
    public func environment(_ now: Date) -> QueryEnvironment {
        var e = QueryEnvironment(me: me, now: now, defaultSLAMinutes: slaMinutes, own: own)
        e.role = role
        return e
    }

    /// The first window: the newest page and the counts.
    public func first(now: Date) throws -> HistoryIndex.Window {
        let w = try index.window(limit: pageSize, own: own, now: now, overdueAfter: overdueAfter, hiding: hidden)
        query = nil
        next = w.next
        newest = w.newest.first.map { HistoryIndex.PageCursor(created: $0.mention.createdAt, key: $0.mention.key) }
        remember(w.newest)
        return w
    }

    public var hasMore: Bool { next != nil }

    /// The next older page in the current query.
    public func nextPage(now: Date) throws -> [(mention: Mention, state: MentionState)] {
        guard let after = next else { return [] }
        let page = try index.search(
            query ?? .all, environment: environment(now), limit: pageSize, after: after, hiding: hidden)
        next = page.mentions.isEmpty ? nil : page.next
        remember(page.mentions)
        return page.mentions
    }

    /// Starts the pages again with `query` (nil: every mention): its first rows (at least `atLeast`, whole pages)
    /// and how many mentions match.
    public func restart(_ query: Query?, now: Date, atLeast: Int = 0) throws
        -> (rows: [(mention: Mention, state: MentionState)], matches: Int)
    {
        // The same query again (a state it asks for changed): at least the rows read so far, so the selection stays.
        let atLeast = query == self.query ? max(atLeast, keys.count) : atLeast
        self.query = query
        let env = environment(now)
        let limit = max(pageSize, (atLeast + pageSize - 1) / pageSize * pageSize)
        let page = try index.search(query ?? .all, environment: env, limit: limit, hiding: hidden)
        next = page.next
        if query == nil {
            newest = page.mentions.first.map {
                HistoryIndex.PageCursor(created: $0.mention.createdAt, key: $0.mention.key)
            }
        }
        keys = []
        known = []
        last = nil
        remember(page.mentions)
        // A filter's count: exact when the page holds every match; else counted for at most `countBudget` (-1: more
        // than the rows read, counting them all would have held up the next key).
        let matches: Int
        if let query {
            matches =
                page.next == nil
                ? page.mentions.count
                : try index.count(query, environment: env, hiding: hidden, within: countBudget) ?? -1
        } else {
            matches = try index.counts(own: own, now: now, overdueAfter: overdueAfter, hiding: hidden).total
        }
        return (page.mentions, matches)
    }

    /// What changed since the last look.
    public struct Reread: Sendable {
        /// The state of every row read (`MentionState()`: none).
        public var states: [String: MentionState]
        /// Mentions newer than the newest row read (newest first; unfiltered only).
        public var newer: [(mention: Mention, state: MentionState)]
        public var counts: HistoryIndex.Window
    }

    /// Catches the index up with the logs (another process's writes, or this one's) and reads the states of the rows
    /// read, the newer mentions and the counts again.
    public func reread(now: Date) throws -> Reread {
        // Not waiting for another writer (an `ingest` holds the lock for its whole run): the window reads what it
        // committed so far, and the tick after it ends catches up the rest.
        let c = try index.catchUp(waiting: false)
        // How far the index has read the logs: another process that caught it up itself (`ingest`, a listener, a
        // CLI command) leaves this catch-up nothing to read, but the window something new to show.
        let read = try index.logsRead()
        // Nothing new in the logs nor in the index (the usual tick): the last answer, its counts read again once a
        // minute (overdue moves with the clock).
        if c.bytes == 0, c.rebuiltBecause == nil, !c.busy, read == lastRead, var last,
            now.timeIntervalSince(lastCounted) < 60
        {
            last.newer = []
            return last
        }
        if c.mentions > 0 || c.rebuiltBecause != nil || read != lastRead { hidden = try index.muted(mute) }
        lastRead = read
        var newer: [(mention: Mention, state: MentionState)] = []
        if query == nil {
            newer = try index.newer(than: newest, limit: pageSize, hiding: hidden)
            if let n = newer.first {
                newest = HistoryIndex.PageCursor(created: n.mention.createdAt, key: n.mention.key)
            }
            remember(newer)
        }
        let states = try index.states(keys)
        let counts = try index.counts(own: own, now: now, overdueAfter: overdueAfter, hiding: hidden)
        let r = Reread(states: states, newer: newer, counts: counts)
        (last, lastCounted) = (r, now)
        return r
    }

    /// The last `reread` and when its counts were read, and how far the index had read the logs then.
    private var last: Reread?
    private var lastRead: [Int64] = []
    private var lastCounted = Date.distantPast

    private func remember(_ rows: [(mention: Mention, state: MentionState)]) {
        for r in rows where known.insert(r.mention.key).inserted {
            keys.append(r.mention.key)
            last?.states[r.mention.key] = r.state
        }
    }
}

extension HistoryIndex.PageCursor {
    init(created: Date, key: String) { (self.created, self.key) = (created.timeIntervalSince1970, key) }
}

extension HistoryIndex {
    /// The mentions after `cursor` in time (newer, or of the same second with a greater key), newest first, at most
    /// `limit`; every present mention when `cursor` is nil.
    func newer(than cursor: PageCursor?, limit: Int, hiding mute: MuteSQL?) throws
        -> [(mention: Mention, state: MentionState)]
    {
        guard let c = cursor else {
            return try search(.all, environment: QueryEnvironment(me: ""), limit: limit, hiding: mute).mentions
        }
        var (cond, args) = (
            "(created, key) > (?, ?)", [c.created, c.key] as [DatabaseValueConvertible?]
        )
        if let mute { (cond, args) = mute.and(cond, args) }
        let rows = try fetch(cond, args, after: nil, limit: limit)
        let reader = LogReader(dir: dir)
        return try rows.map { try record($0, reader) }
    }

    /// The states of `keys` from the index (`MentionState()` for a mention without one); keys it does not hold are
    /// left out.
    func states(_ keys: [String]) throws -> [String: MentionState] {
        var out: [String: MentionState] = [:]
        for chunk in stride(from: 0, to: keys.count, by: 500).map({ keys[$0..<min($0 + 500, keys.count)] }) {
            let sql =
                "SELECT key, state FROM mention WHERE present = 1 AND key IN ("
                + chunk.map { _ in "?" }.joined(separator: ",") + ")"
            let rows = try pool.read { db in
                try Row.fetchAll(db, sql: sql, arguments: StatementArguments(Array(chunk)))
            }
            for row in rows {
                let blob: Data? = row["state"]
                out[row["key"]] = blob.map { ReportLoader.state($0, triageOnly: false) } ?? MentionState()
            }
        }
        return out
    }
}
