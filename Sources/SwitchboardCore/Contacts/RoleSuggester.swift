import Foundation

/// Counts the evidence for roles while the contacts are folded, and turns it into suggestions.
struct RoleSuggester: Sendable {
    let settings: ContactSettings
    /// The brand's own accounts (never contacts).
    let own: OwnAccounts
    /// Competitor terms folded to letters and digits (4 or more), with the competitor's name.
    let competitors: [(term: [UInt8], name: String)]

    init(settings: ContactSettings, team: TeamConfig?) {
        self.settings = settings
        own = OwnAccounts(team: team)
        competitors = (team?.competitors ?? []).flatMap { c in
            (c.terms + [c.name]).map { (RoleSuggester.alnum($0), c.name) }.filter { $0.0.count >= 4 }
        }
    }

    static func alnum(_ s: String) -> [UInt8] {
        QueryText.fold(s).filter { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 122) || $0 >= 0x80 }
    }

    func isOwn(platform: String, handle: String) -> Bool { own.contains(handle: handle) }

    static let formerPatterns = [
        "former employee", "former-employee", "ex-employee", "ex employee", "ex-mitarbeiter", "ehemalige",
        "ex-werkstudent", "ex-praktikant", "ex-angestellte", "former intern", "former contractor",
    ]
    static let currentPatterns = [
        "current employee", "angestellte", "mitarbeiter/in", "mitarbeiter", "mitarbeiterin", "werkstudent",
        "praktikant", "employee", "intern -", "contractor -",
    ]

    /// Adds one mention's evidence to its author's identity.
    func count(_ m: Mention, into id: inout ContactIdentity) {
        id.mentions.append(m.key)
        tally(m, into: &id)
    }

    /// `count` without keeping the mention's key (`PersonTally`).
    func tally(_ m: Mention, into id: inout ContactIdentity) {
        id.mentionCount += 1
        if m.createdAt < id.firstSeen { id.firstSeen = m.createdAt }
        if m.createdAt >= id.lastSeen {
            id.lastSeen = m.createdAt
            if let a = m.author {
                id.handle = a.handle
                if let n = a.name, !n.isEmpty { id.name = n }
                if let u = a.url { id.url = u }
                if let f = a.followers { id.followers = f }
            }
        } else if id.followers == nil, let f = m.author?.followers {
            id.followers = f
        }
        if let an = m.analysis {
            switch an.sentiment {
            case .positive: id.positive += 1
            case .neutral: id.neutral += 1
            case .negative: id.negative += 1
            }
            id.scoreSum += an.score
            id.scored += 1
            if an.intents.contains(.praise) { id.praise += 1 }
        }
        guard let ex = m.extra, let kind = ex["kind"]?.stringValue?.lowercased() ?? (m.platform == "rss" ? "" : nil)
        else { return }
        if kind == "news" || kind == "press" { id.newsItems += 1; return }
        let host = m.url.flatMap(ContactIdentity.host(of:)) ?? ""
        let employerPortal =
            kind.contains("employ") || kind.contains("job")
            || settings.employeeReviewSites.contains { host == $0 || host.hasSuffix("." + $0) }
        guard employerPortal || kind.contains("review") else { return }
        let h = (m.author?.handle ?? "").lowercased()
        if RoleSuggester.formerPatterns.contains(where: h.contains) {
            id.formerEmployeeReviews += 1
        } else if RoleSuggester.currentPatterns.contains(where: h.contains) || employerPortal {
            id.employeeReviews += 1
        } else { id.customerReviews += 1 }
    }

    /// The suggested roles of a contact, each with its reason.
    func suggest(for c: Contact) -> [ContactRole: String] {
        var out: [ContactRole: String] = [:]
        let s = settings
        func n(_ x: Int, _ what: String) -> String { "\(x) \(what)\(x == 1 ? "" : "s")" }
        let positive = c.positive
        if c.reach >= s.multiplierFollowers && positive > 0 {
            out[.multiplier] = "reach \(c.reach.grouped) and " + n(positive, "positive mention")
        }
        // Reporting is no opinion: contacts who only appear as authors of news items are neither fans nor critics.
        let news = c.identities.reduce(0) { $0 + $1.newsItems }
        let opinions = news < c.mentionCount
        // Fans are clearly positive (at least twice as many positive as negative mentions); critics repeatedly
        // negative.
        if opinions && positive >= s.fanPositive && positive >= 2 * c.negative && (c.averageScore ?? 0) > 0 {
            out[.fan] = n(positive, "positive mention")
        }
        if opinions && c.negative >= s.criticNegative && c.negative > positive {
            out[.critic] = n(c.negative, "negative mention")
        }
        let former = c.identities.reduce(0) { $0 + $1.formerEmployeeReviews }
        let current = c.identities.reduce(0) { $0 + $1.employeeReviews }
        if former > 0 {
            out[.formerEmployee] = n(former, "review") + " as a former employee"
        } else if current > 0 {
            out[.employee] = n(current, "employee review")
        }
        if news > 0 { out[.journalist] = n(news, "news item") }
        let reviews = c.identities.reduce(0) { $0 + $1.customerReviews }
        if reviews > 0 { out[.customer] = n(reviews, "customer review") }
        if let name = c.identities.lazy.compactMap(\.competitor).first {
            out[.competitor] = "account named like competitor \(name)"
        }
        return out
    }

    /// The competitor whose name or term the account's handle or display name contains (checked once per account).
    func competitor(handle: String, name: String?) -> String? {
        if competitors.isEmpty { return nil }
        let hay = RoleSuggester.alnum(handle) + [32] + RoleSuggester.alnum(name ?? "")
        return competitors.first { QueryText.contains(hay, $0.term) }?.name
    }
}
