import Foundation

extension Contacts {
    /// Everything that happened with a contact, oldest first: their mentions, our replies (sent or by hand), hand-offs
    /// and the answers from inside.
    public func history(of c: Contact, store: Store) -> [ContactHistoryItem] {
        history(of: c, events: store.events, mention: store.mention, state: store.state)
    }

    /// The same from any source of mentions and states (`events`: the actions log, or what of it names hand-offs).
    public func history(
        of c: Contact, events: [AuditEvent], mention: (String) -> Mention?, state: (String) -> MentionState
    ) -> [ContactHistoryItem] {
        var out: [ContactHistoryItem] = []
        var handoffs: [String: [AuditEvent]] = [:]
        let keys = Set(c.mentionKeys)
        for e in events {
            guard case .handoff(let m, _, _) = e.action, keys.contains(m) else { continue }
            handoffs[m, default: []].append(e)
        }
        for i in c.identities {
            for k in i.mentions {
                guard let m = mention(k) else { continue }
                out.append(
                    ContactHistoryItem(
                        at: m.createdAt, kind: .mention, mention: k, identity: i.key,
                        text: m.title.map { $0 + " — " + m.text } ?? m.text,
                        sentiment: m.analysis?.sentiment, score: m.analysis?.score, actor: nil, url: m.url))
                let st = state(k)
                for r in st.replies {
                    out.append(
                        ContactHistoryItem(
                            at: r.at, kind: .reply, mention: k, identity: i.key, text: r.text, actor: r.actor,
                            url: r.url))
                }
                for e in handoffs[k] ?? [] {
                    guard case .handoff(_, let team, let note) = e.action else { continue }
                    out.append(
                        ContactHistoryItem(
                            at: e.at, kind: .handoff, mention: k, identity: i.key,
                            text: team + (note.map { ": " + $0 } ?? ""), actor: e.actor))
                }
                for r in st.handoffReplies {
                    out.append(
                        ContactHistoryItem(
                            at: r.at, kind: .handoffReply, mention: k, identity: i.key, text: r.team + ": " + r.text,
                            actor: r.actor))
                }
            }
        }
        return out.sorted { ($0.at, $0.kind.rawValue) < ($1.at, $1.kind.rawValue) }
    }

    /// Sentiment over time: one point per day (or per week, Monday first, when `weekly`) with analysed mentions.
    public func sentimentTimeline(
        of c: Contact, store: Store, timeZone: TimeZone = TimeZone(identifier: "UTC")!, weekly: Bool = false
    ) -> [SentimentPoint] {
        sentimentTimeline(of: c, mention: store.mention, timeZone: timeZone, weekly: weekly)
    }

    /// The same from any source of mentions.
    public func sentimentTimeline(
        of c: Contact, mention: (String) -> Mention?, timeZone: TimeZone = TimeZone(identifier: "UTC")!,
        weekly: Bool = false
    ) -> [SentimentPoint] {
        var cal = Calendar(identifier: .iso8601)
        cal.timeZone = timeZone
        var buckets: [Date: SentimentPoint] = [:]
        let fmt = DateFormatter()
        fmt.calendar = cal
        fmt.timeZone = timeZone
        fmt.locale = Locale(identifier: "en_US_POSIX")
        fmt.dateFormat = "yyyy-MM-dd"
        for k in c.mentionKeys {
            guard let m = mention(k), let a = m.analysis else { continue }
            let start =
                weekly
                ? (cal.dateInterval(of: .weekOfYear, for: m.createdAt)?.start ?? cal.startOfDay(for: m.createdAt))
                : cal.startOfDay(for: m.createdAt)
            var p =
                buckets[start]
                ?? SentimentPoint(
                    period: fmt.string(from: start), start: start, count: 0, positive: 0, neutral: 0, negative: 0,
                    mean: 0)
            p.mean = (p.mean * Double(p.count) + a.score) / Double(p.count + 1)
            p.count += 1
            switch a.sentiment {
            case .positive: p.positive += 1
            case .neutral: p.neutral += 1
            case .negative: p.negative += 1
            }
            buckets[start] = p
        }
        return buckets.values.sorted { $0.start < $1.start }
    }
}
