import Foundation
import SwitchboardCore

/// What the workbench shows of a person: the author card beside a mention, and the card of the `:contacts` view.
/// Built by the EffectRunner from its contacts fold (strings are raw: the renderer sanitises them).
public struct ContactCard: Sendable, Equatable {
    public var id: String
    /// The primary identity key (what contact actions name).
    public var primary: String
    public var name: String
    /// `@anna@social.example (mastodon)`, one per identity, primary first.
    public var handles: [String]
    /// Roles set by hand, and roles only suggested (with the reason), in role order.
    public var setRoles: [ContactRole], suggested: [(role: ContactRole, reason: String)], reach: Int, mentions: Int
    public var replies: Int, positive: Int, neutral: Int, negative: Int
    public var averageScore: Double?
    /// Weekly mean sentiment of the last `ContactCard.weeks` weeks (oldest first; nil: no analysed mention that week).
    public var weekly: [Double?]
    public var notes: [Note]
    /// Every mention and reply with this person, oldest first (the `:contacts` card; empty on the author card).
    public var history: [ContactHistoryItem]

    public static let weeks = 12

    public var roles: [ContactRole] { (setRoles + suggested.map(\.role)).sorted() }
    public var isVIP: Bool { roles.contains(.multiplier) || roles.contains(.journalist) }
    public var isCritic: Bool { roles.contains(.critic) }

    public static func == (a: ContactCard, b: ContactCard) -> Bool {
        a.id == b.id && a.name == b.name && a.handles == b.handles && a.setRoles == b.setRoles
            && a.suggested.map(\.role) == b.suggested.map(\.role)
            && a.suggested.map(\.reason) == b.suggested.map(\.reason)
            && a.reach == b.reach && a.mentions == b.mentions && a.replies == b.replies && a.weekly == b.weekly
            && a.notes == b.notes && a.history == b.history && a.averageScore == b.averageScore
    }

    /// The roles as one line: set roles plain, suggested ones with a `?` (`critic, fan?`).
    public var rolesText: String {
        let s = Set(setRoles)
        return roles.map { s.contains($0) ? Format.roleName($0) : Format.roleName($0) + "?" }.joined(separator: ", ")
    }

    /// The weekly sentiment as a sparkline on the fixed −1…+1 scale (blank: no mention that week).
    public var sparkline: String { BlockChart.sparkline(weekly, low: -1, high: 1) }
}

extension ContactCard {
    /// The card of `c`; with `history`, every mention and reply with them (the `:contacts` card).
    static func make(
        _ c: Contact, contacts: Contacts, store: Store, timeZone: TimeZone, now: Date, history withHistory: Bool
    ) -> ContactCard {
        make(
            c, contacts: contacts, events: store.events, mention: store.mention, state: store.state,
            timeZone: timeZone, now: now, history: withHistory)
    }

    /// The same from any source of mentions and states (the folded store, or the contact's mentions read from the
    /// index).
    static func make(
        _ c: Contact, contacts: Contacts, events: [AuditEvent], mention: (String) -> Mention?,
        state: (String) -> MentionState, timeZone: TimeZone, now: Date, history withHistory: Bool
    ) -> ContactCard {
        let history = contacts.history(of: c, events: events, mention: mention, state: state)
        var handles: [String] = []
        for i in c.identities { handles.append(i.displayHandle + " (" + i.platform + ")") }
        let setRoles = ContactRole.allCases.filter { c.setRoles.contains($0) }
        let suggested = ContactRole.allCases.compactMap { r in c.isSuggestedOnly(r) ? (r, c.suggested[r] ?? "") : nil }
        return ContactCard(
            id: c.id, primary: c.primary, name: c.name, handles: handles, setRoles: setRoles, suggested: suggested,
            reach: c.reach, mentions: c.mentionCount, replies: history.filter { $0.kind == .reply }.count,
            positive: c.positive, neutral: c.neutral, negative: c.negative, averageScore: c.averageScore,
            weekly: weekly(c, contacts: contacts, mention: mention, timeZone: timeZone, now: now),
            notes: c.notes, history: withHistory ? history : [])
    }

    /// Mean sentiment per ISO week for the last `weeks` weeks up to `now`.
    static func weekly(
        _ c: Contact, contacts: Contacts, mention: (String) -> Mention?, timeZone: TimeZone, now: Date
    ) -> [Double?] {
        let points = contacts.sentimentTimeline(of: c, mention: mention, timeZone: timeZone, weekly: true)
        var cal = Calendar(identifier: .iso8601)
        cal.timeZone = timeZone
        guard let thisWeek = cal.dateInterval(of: .weekOfYear, for: now)?.start else { return [] }
        var byStart: [Date: Double] = [:]
        for p in points { byStart[p.start] = p.mean }
        return (0..<weeks).map { i in
            cal.date(byAdding: .weekOfYear, value: i - (weeks - 1), to: thisWeek).flatMap { byStart[$0] }
        }
    }
}
