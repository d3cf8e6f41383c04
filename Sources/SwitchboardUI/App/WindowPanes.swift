import Foundation
import Insight
import SwitchboardCore

/// The Mention pane's thread and author card, the feed's person marks (★/⚑) and `role:` for a window without a
/// store: each person is folded from their own mentions only (`Contacts` over what `HistorySource` finds for the
/// identities the contact book groups with the author), which gives the person the fold over every mention gives.
/// The roles come from the index's tallies instead (a row per identity, `PersonTally`) where those count as the
/// user's fold would: not for a user who may not read private messages, nor for a team with its own employer-review
/// sites. Roles are kept per identity once worked out; the card is read anew each time a mention opens.
public final class WindowPanes: @unchecked Sendable {
    let source: HistorySource
    let team: TeamConfig?
    let timeZone: TimeZone
    let clock: () -> Date
    /// Whether the user's role may not read private messages: they are out of the contacts as out of the feed.
    let hidesPrivate: Bool
    let lock = NSLock()
    private var book: (merges: ContactMerges, events: [AuditEvent])?
    /// Roles by identity key, for identities whose person was folded.
    private var roles: [String: [ContactRole]] = [:]
    /// Mentions read into the window whose person marks are not worked out yet.
    var unmarked: [Mention] = []

    public init(
        source: HistorySource, team: TeamConfig?, user: String, timeZone: TimeZone,
        clock: @escaping () -> Date = Date.init
    ) {
        (self.source, self.team, self.timeZone, self.clock) = (source, team, timeZone, clock)
        hidesPrivate = !(team?.mayReadPrivate(user) ?? true)
        usesTallies = !hidesPrivate && ContactSettings(team: team).employeeReviewSites == PersonTally.employeeReviewSites
    }

    /// Whether the roles come from the index's tallies (`tallied`).
    let usesTallies: Bool

    /// Queues mentions read into the window for their person marks (`AppState.markPersons`).
    public func queue(_ mentions: [Mention]) { lock.withLock { unmarked += mentions } }

    /// The mention with its thread (the last 20 related mentions, oldest first) and its author's card.
    public func detail(_ m: Mention) throws -> MentionDetail {
        let thread = try source.related(m).map(\.mention).sorted { ($0.createdAt, $0.key) < ($1.createdAt, $1.key) }
        var d = MentionDetail(mention: m, thread: Array(thread.suffix(20)))
        if let p = try person(m) {
            let byKey = Dictionary(p.mentions.map { ($0.mention.key, $0) }, uniquingKeysWith: { a, _ in a })
            d.contact = ContactCard.make(
                p.contact, contacts: p.contacts, events: try contactBook().events, mention: { byKey[$0]?.mention },
                state: { byKey[$0]?.state ?? MentionState() }, timeZone: timeZone, now: clock(), history: false)
        }
        return d
    }

    /// The rising terms, as the store's `loadTrends` finds them.
    public func trends(now: Date) throws -> [TrendingTerm] {
        try source.rising(now: now, own: OwnAccounts(team: team), exclude: EffectRunner.brandTerms(team: team))
    }

    /// The roles of `m`'s author (empty when the author is no contact: none, or one of the brand's accounts).
    public func roles(of m: Mention) throws -> [ContactRole] {
        guard let key = ContactIdentity.key(of: m) else { return [] }
        if let known = lock.withLock({ roles[key] }) { return known }
        let found = try tallied(m) ?? person(m)?.contact.roles ?? []
        lock.withLock { roles[key] = found }
        return found
    }

    /// The roles of `m`'s author from the index's tallies of the person's identities (nil when `usesTallies` is off or
    /// the mention has no author).
    func tallied(_ m: Mention) throws -> [ContactRole]? {
        guard usesTallies, let key = ContactIdentity.key(of: m), let handle = m.author?.handle, !handle.isEmpty else {
            return nil
        }
        let (merges, events) = try contactBook()
        let tallies = try source.personTallies(ofIdentities: Set(merges.members(of: key)))
        // None: the brand's own account, or an author the index has no mention of.
        guard let c = Contacts(tallies: tallies, events: events, team: team).contact(identity: key) else { return [] }
        lock.withLock { for i in c.identities { roles[i.key] = c.roles } }
        return c.roles
    }

    /// ★ for a multiplier's or journalist's mention, ⚑ for a critic's, by mention key.
    public func marks(for mentions: [Mention]) throws -> [String: PersonMark] {
        var out: [String: PersonMark] = [:]
        for m in mentions {
            let r = try roles(of: m)
            if r.contains(.multiplier) || r.contains(.journalist) {
                out[m.key] = .vip
            } else if r.contains(.critic) {
                out[m.key] = .critic
            }
        }
        return out
    }

    /// The query language's `role:` (`QueryEnvironment.role`), as `Contacts.roleHook()` answers it.
    public func roleHook() -> @Sendable (Mention, String) -> Bool {
        { [self] m, value in
            Contacts.matches(roles: (try? roles(of: m)) ?? [], value)
        }
    }

    /// The contact of `m`'s author folded from their own mentions, with those mentions.
    func person(_ m: Mention) throws -> (
        contact: Contact, contacts: Contacts, mentions: [(mention: Mention, state: MentionState)]
    )? {
        guard let key = ContactIdentity.key(of: m), let handle = m.author?.handle, !handle.isEmpty else { return nil }
        let (merges, events) = try contactBook()
        var mine = try source.mentions(ofIdentities: Set(merges.members(of: key)), handles: [handle])
        if hidesPrivate { mine = mine.filter { !$0.mention.isPrivate } }
        let contacts = Contacts(mentions: mine.map(\.mention), events: events, team: team)
        guard let c = contacts.contact(for: m) else { return nil }
        lock.withLock { for i in c.identities { roles[i.key] = c.roles } }
        return (c, contacts, mine)
    }

    private func contactBook() throws -> (merges: ContactMerges, events: [AuditEvent]) {
        if let b = lock.withLock({ book }) { return b }
        let events = try source.contactEvents()
        let b = (ContactMerges(events: events), events)
        lock.withLock { book = b }
        return b
    }
}

extension AppState {
    /// Works out the person marks of the mentions the window read since the last call and shows them: the rows on
    /// the screen first, then the others — for at most `budget` seconds when given (a person's marks read their
    /// mentions from the logs: a page of 200 new authors took 0.25 s of CPU at a million mentions, one key's wait while
    /// scrolling); the rest stay queued for the next call. Returns whether some are still waiting.
    @discardableResult
    public mutating func markPersons(_ panes: WindowPanes?, budget: TimeInterval? = nil) -> Bool {
        guard let panes else { return false }
        var todo = panes.lock.withLock { () -> [Mention] in
            defer { panes.unmarked.removeAll() }
            return panes.unmarked
        }
        guard !todo.isEmpty else { return false }
        if budget != nil {
            // The rows on the screen (and a screen below) before the rows read ahead.
            let shown = Set(
                (feed.scrollTop..<min(feed.rows.count, feed.scrollTop + 2 * max(1, Layout.feedViewport(self)))).map {
                    feed.item(atRow: $0).key
                })
            let first = todo.filter { shown.contains($0.key) }
            if !first.isEmpty { todo = first + todo.filter { !shown.contains($0.key) } }
        }
        let start = Date()
        var done = 0
        defer {
            if done < todo.count { panes.lock.withLock { panes.unmarked.insert(contentsOf: todo[done...], at: 0) } }
        }
        while done < todo.count {
            // One at a time (a new author's marks cost ~1 ms at a million mentions; a known one's are cached).
            let batch = [todo[done]]
            guard let marks = try? panes.marks(for: batch) else {
                done = todo.count
                return false
            }
            for (k, m) in marks { feed.personMarks[k] = m }
            done += batch.count
            if let budget, Date().timeIntervalSince(start) >= budget { break }
        }
        return done < todo.count
    }
}