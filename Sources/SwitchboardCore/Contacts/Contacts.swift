import Foundation

/// Every contact: the fold of the mentions (one identity per author account) and the `contact_*` actions (merges,
/// splits, roles, notes). One pass over the mentions with dictionaries. Keep one and `update` it with what
/// `store.refresh()` brought (only the contacts touched are rebuilt), or fold again (`Contacts.current(store, team:)`).
public struct Contacts: Sendable {
    /// Every contact, ordered by first appearance.
    public private(set) var all: [Contact] = []
    private var byID: [String: Int] = [:]
    private var byIdentity: [String: Int] = [:]
    public let settings: ContactSettings
    // The fold's state, kept for `update`.
    private var identities: [ContactIdentity] = []
    private var index: [String: Int] = [:]
    private var own = Set<String>()
    private var book: ContactBook
    private let suggester: RoleSuggester

    /// Folds `mentions` (in store order) and `events` (the actions log) with the role settings of `team`.
    public init(mentions: [Mention], events: [AuditEvent], team: TeamConfig? = nil) {
        settings = ContactSettings(team: team)
        suggester = RoleSuggester(settings: settings, team: team)
        book = ContactBook(events: events)
        index.reserveCapacity(mentions.count / 4)
        _ = count(mentions)
        regroup()
    }

    /// The contacts of identities a derived index tallied (`PersonTally`, in the order of their first mentions) and the
    /// contact book's actions: the roles, reach and counts the fold over every mention gives (no mention keys).
    public init(tallies: [PersonTally], events: [AuditEvent], team: TeamConfig? = nil) {
        settings = ContactSettings(team: team)
        suggester = RoleSuggester(settings: settings, team: team)
        book = ContactBook(events: events)
        for t in tallies where index[t.identity.key] == nil {
            // As `count` tells them, by the first mention's handle and name.
            if suggester.isOwn(platform: t.identity.platform, handle: t.firstHandle) { continue }
            var id = t.identity
            id.competitor = suggester.competitor(handle: t.firstHandle, name: t.firstName)
            index[id.key] = identities.count
            identities.append(id)
        }
        regroup()
    }

    /// Adds mentions stored and actions recorded since the fold (e.g. `StoreChanges.newMentions` and the last
    /// `newEvents` of `store.events`). Contact actions regroup every contact (cheap: no pass over the mentions);
    /// otherwise only the contacts of the new mentions' authors are rebuilt.
    public mutating func update(newMentions: [Mention], newEvents: [AuditEvent]) {
        var regroupAll = false
        for e in newEvents {
            if case .contact(let a) = e.action { book.apply(a, actor: e.actor, at: e.at); regroupAll = true }
        }
        let touched = count(newMentions)
        if regroupAll { regroup(); return }
        var seen = Set<String>()
        for i in touched.sorted() {
            let p = book.owner(of: identities[i].key)
            guard seen.insert(p).inserted else { continue }
            let c = makeContact(p, book.members(of: p).compactMap { index[$0] })
            let at = byID[c.id] ?? all.count
            if at == all.count { all.append(c) } else { all[at] = c }
            byID[c.id] = at
            for m in c.identities { byIdentity[m.key] = at }
        }
    }

    /// Counts mentions into their authors' identities; the indexes of the identities touched.
    private mutating func count(_ mentions: [Mention]) -> Set<Int> {
        var touched = Set<Int>()
        let suggester = self.suggester
        // Through the buffer, so no mention is copied on the way (a mention has many reference-counted fields).
        mentions.withUnsafeBufferPointer { buf in
            for j in 0..<buf.count {
                guard let handle = buf[j].author?.handle, !handle.isEmpty, let key = ContactIdentity.key(of: buf[j])
                else { continue }
                let i: Int
                if let x = index[key] {
                    i = x
                } else {
                    // The brand's own accounts are checked once per account.
                    if own.contains(key) { continue }
                    if suggester.isOwn(platform: buf[j].platform, handle: handle) { own.insert(key); continue }
                    i = identities.count
                    index[key] = i
                    let a = buf[j].author!
                    var id = ContactIdentity(
                        key: key, platform: buf[j].platform.lowercased(), handle: a.handle, name: a.name, url: a.url,
                        followers: a.followers, firstSeen: buf[j].createdAt, lastSeen: buf[j].createdAt, mentions: [])
                    id.competitor = suggester.competitor(handle: a.handle, name: a.name)
                    identities.append(id)
                }
                suggester.count(buf[j], into: &identities[i])
                touched.insert(i)
            }
        }
        return touched
    }

    /// Builds every contact from the identities and the contact actions.
    private mutating func regroup() {
        // Most identities are a contact of their own; only merged ones are grouped.
        var groups: [String: [Int]] = [:]
        var order: [(primary: String, single: Int?)] = []
        for (i, id) in identities.enumerated() {
            let p = book.owner(of: id.key)
            if p == id.key && !book.isMerged(p) { order.append((p, i)); continue }
            if groups[p] == nil { order.append((p, nil)) }
            groups[p, default: []].append(i)
        }
        (all, byID, byIdentity) = ([], [:], [:])
        all.reserveCapacity(order.count)
        byID.reserveCapacity(order.count)
        byIdentity.reserveCapacity(identities.count)
        for (p, single) in order {
            let c = makeContact(p, single.map { [$0] } ?? groups[p]!)
            byID[c.id] = all.count
            for m in c.identities { byIdentity[m.key] = all.count }
            all.append(c)
        }
    }

    /// The contact named after `p` with the identities at `idxs` (at least one).
    private func makeContact(_ p: String, _ idxs: [Int]) -> Contact {
        var members = idxs.map { identities[$0] }
        if members.count > 1 {
            // Primary first, then in merge order.
            let rank = book.rank(in: p)
            members.sort { (rank[$0.key] ?? Int.max, $0.firstSeen) < (rank[$1.key] ?? Int.max, $1.firstSeen) }
        }
        let data = book.data[p] ?? ContactBook.Data()
        var c = Contact(
            id: Contact.id(forPrimary: p), primary: p, identities: members,
            name: members.first { $0.key == p }.flatMap { $0.name ?? $0.handle } ?? members[0].name
                ?? members[0].handle,
            reach: members.reduce(0) { $0 + ($1.followers ?? 0) },
            firstSeen: members.map(\.firstSeen).min()!, lastSeen: members.map(\.lastSeen).max()!,
            mentionCount: members.reduce(0) { $0 + $1.mentionCount },
            positive: members.reduce(0) { $0 + $1.positive }, neutral: members.reduce(0) { $0 + $1.neutral },
            negative: members.reduce(0) { $0 + $1.negative }, averageScore: nil, suggested: [:],
            setRoles: data.set, removedRoles: data.removed, notes: data.notes)
        let scored = members.reduce(0) { $0 + $1.scored }
        if scored > 0 { c.averageScore = members.reduce(0.0) { $0 + $1.scoreSum } / Double(scored) }
        c.suggested = suggester.suggest(for: c)
        return c
    }

    /// The contacts of a store as of now (reads other processes' writes first).
    public static func current(_ store: Store, team: TeamConfig?) -> Contacts {
        _ = try? store.refresh()
        return Contacts(mentions: store.mentions, events: store.events, team: team)
    }

    public var count: Int { all.count }

    public func contact(id: String) -> Contact? { byID[id].map { all[$0] } }
    public func contact(identity key: String) -> Contact? { byIdentity[key].map { all[$0] } }
    public func contact(for m: Mention) -> Contact? { ContactIdentity.key(of: m).flatMap { contact(identity: $0) } }

    /// The roles in effect for a mention's author (empty when the author is no contact).
    public func roles(of m: Mention) -> [ContactRole] { contact(for: m)?.roles ?? [] }

    /// Finds a contact by id or unambiguous id prefix (4+ characters), identity key (`mastodon:anna@social.example`),
    /// or handle (`@anna@social.example`, `anna.bsky.social`).
    public func resolve(_ s: String) throws -> Contact {
        let t = s.trimmingCharacters(in: .whitespaces)
        if let c = contact(id: t) ?? contact(identity: t.lowercased()) { return c }
        var h = t.lowercased()
        while h.hasPrefix("@") { h.removeFirst() }
        let byHandle = Set(
            byIdentity.compactMap { k, i -> Int? in
                guard let colon = k.firstIndex(of: ":") else { return nil }
                let rest = k[k.index(after: colon)...]
                return rest == h || rest.hasSuffix("/" + h) ? i : nil
            })
        if byHandle.count == 1 { return all[byHandle.first!] }
        if byHandle.count > 1 {
            throw SwitchboardError(
                ImportFormat.clean(
                    L10n.t(
                        "contacts.ambiguous",
                        [
                            "id": s,
                            "hits": byHandle.sorted().prefix(5).map { all[$0].id + " " + all[$0].name }
                                .joined(separator: ", "),
                        ]),
                    newlines: false))
        }
        guard t.count >= 4 else {
            throw SwitchboardError(L10n.t("contacts.tooShort", ["id": s]))
        }
        let hits = byID.keys.filter { $0.hasPrefix(t) }
        if hits.count == 1 { return all[byID[hits[0]]!] }
        if hits.isEmpty { throw SwitchboardError(L10n.t("contacts.noContact", ["id": s])) }
        throw SwitchboardError(
            L10n.t("contacts.ambiguous", ["id": s, "hits": hits.sorted().prefix(5).joined(separator: ", ")]))
    }

    /// The query language's `role:` hook: `QueryEnvironment(role: contacts.roleHook())`. `role:fan,critic` means
    /// either;
    /// `role:vip` is a multiplier or a journalist; an unknown role matches nothing.
    public func roleHook() -> @Sendable (Mention, String) -> Bool {
        // Roles as bits, by mention key (every stored mention of a contact) and by identity (mentions that came later).
        var byMention: [String: UInt16] = [:]
        var byIdentity: [String: UInt16] = [:]
        byMention.reserveCapacity(all.reduce(0) { $0 + $1.mentionCount })
        for c in all {
            let bits = c.roles.reduce(UInt16(0)) { $0 | Contacts.bit($1) }
            for i in c.identities {
                if bits != 0 { byIdentity[i.key] = bits }
                for k in i.mentions { byMention[k] = bits }
            }
        }
        let (mentionTable, identityTable) = (byMention, byIdentity)
        return { m, value in
            let have: UInt16
            if let b = mentionTable[m.key] {
                have = b
            } else if let key = ContactIdentity.key(of: m), let b = identityTable[key] {
                have = b
            } else {
                return false
            }
            if have == 0 { return false }
            return have & Contacts.wanted(value) != 0
        }
    }

    /// The role bits a `role:` value asks for (`fan`, `fan,critic`, `vip`); 0 for unknown roles.
    static func wanted(_ value: String) -> UInt16 {
        if let w = wantedTable[value] { return w }
        return value.split(separator: ",").reduce(0) { $0 | (wantedTable[String($1)] ?? 0) }
    }

    static let wantedTable: [String: UInt16] = {
        var t: [String: UInt16] = ["vip": bit(.multiplier) | bit(.journalist)]
        for r in ContactRole.allCases { t[r.rawValue] = bit(r) }
        for alias in [
            "former_employee", "formeremployee", "ex-employee", "former", "press", "journalists", "fans", "critics",
            "multipliers", "influencer",
        ] {
            t[alias] = ContactRole(parsing: alias).map(bit)
        }
        return t
    }()

    static func bit(_ r: ContactRole) -> UInt16 { UInt16(1) << UInt16(ContactRole.allCases.firstIndex(of: r)!) }
}

extension Contacts {
    public func sorted(by sort: ContactSort) -> [Contact] {
        switch sort {
        case .reach:
            return all.sorted { ($0.reach, $0.mentionCount, $0.lastSeen) > ($1.reach, $1.mentionCount, $1.lastSeen) }
        case .activity: return all.sorted { ($0.mentionCount, $0.lastSeen) > ($1.mentionCount, $1.lastSeen) }
        case .recent: return all.sorted { $0.lastSeen > $1.lastSeen }
        case .sentiment:
            return all.sorted { a, b in
                switch (a.averageScore, b.averageScore) {
                case let (x?, y?): return x != y ? x < y : a.mentionCount > b.mentionCount
                case (.some, nil): return true
                case (nil, .some): return false
                case (nil, nil): return a.lastSeen > b.lastSeen
                }
            }
        }
    }

    /// Contacts whose name, handles, identity keys or notes contain `text` (case- and accent-insensitive).
    public func search(_ text: String) -> [Contact] {
        let needles = QueryText.needles(text.trimmingCharacters(in: .whitespaces))
        if needles[0].isEmpty { return all }
        return all.filter { c in
            var hay = QueryText.fold(c.name)
            for i in c.identities { hay += [10] + QueryText.fold(i.key) + [10] + QueryText.fold(i.name ?? "") }
            for n in c.notes { hay += [10] + QueryText.fold(n.text) }
            return needles.contains { QueryText.contains(hay, $0) }
        }
    }
}
