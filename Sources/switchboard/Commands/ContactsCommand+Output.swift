import Foundation
import SwitchboardCore

/// `contacts show` for people.
enum ContactPrinter {
    static func print(_ c: Contact, history: [ContactHistoryItem], timeline: [SentimentPoint], weekly: Bool) {
        Output.line("\(Output.safe(c.name))  (contact \(c.id))")
        Output.line("\nIdentities:")
        Output.table(
            ["  NETWORK", "HANDLE", "FOLLOWERS", "MENTIONS", "URL"],
            c.identities.map { i in
                [
                    i.platform, Output.safe(i.displayHandle) + (i.key == c.primary ? " (primary)" : ""),
                    i.followers.map { $0.grouped } ?? "-",
                    "\(i.mentions.count)", Output.safe(i.url ?? "-"),
                ]
            }.map { ["  " + $0[0]] + $0.dropFirst() })
        Output.line("")
        var lines: [(String, String)] = [
            ("reach", c.reach.grouped + " followers"),
            (
                "mentions",
                "\(c.mentionCount) (\(c.positive) positive, \(c.neutral) neutral, \(c.negative) negative)"
                    + (c.averageScore.map { String(format: ", mean %+.2f", $0) } ?? "")
            ),
            ("seen", Timestamp.format(c.firstSeen) + " … " + Timestamp.format(c.lastSeen)),
        ]
        let roles = c.roles.map { r -> String in
            if c.setRoles.contains(r) { return r.rawValue + " (set)" }
            return r.rawValue + " (suggested: \(c.suggested[r] ?? ""))"
        }
        lines.append(("roles", roles.isEmpty ? "-" : roles.joined(separator: ", ")))
        let removed = c.removedRoles.sorted().filter { !c.setRoles.contains($0) }
        if !removed.isEmpty { lines.append(("removed", removed.map(\.rawValue).joined(separator: ", "))) }
        for (k, v) in lines { Output.line(Output.pad(k + ":", 10) + v) }
        if !c.notes.isEmpty {
            Output.line("\nNotes:")
            for n in c.notes {
                Output.line("  \(Timestamp.format(n.at)) \(Output.safe(n.actor)): \(Output.safe(n.text))")
            }
        }
        if !timeline.isEmpty {
            Output.line("\nSentiment by \(weekly ? "week" : "day"):")
            for p in timeline {
                Output.line(
                    "  \(p.period)  \(String(format: "%+.2f", p.mean))  \(bar(p.mean))  \(p.count) (\(p.positive)+ \(p.neutral)= \(p.negative)-)"
                )
            }
        }
        if !history.isEmpty {
            Output.line("\nHistory:")
            Output.table(
                ["  TIME", "WHAT", "MENTION", "WHO", "TEXT"],
                history.map { h in
                    let what: String
                    switch h.kind {
                    case .mention: what = h.sentiment.map { "mention " + mark($0) } ?? "mention"
                    case .reply: what = "reply"
                    case .handoff: what = "hand-off"
                    case .handoffReply: what = "answer"
                    }
                    return [
                        "  " + Timestamp.format(h.at), what, h.mention, Output.safe(h.actor ?? "-"),
                        Output.clip(Output.safe(h.text), 70),
                    ]
                })
        }
    }

    static func mark(_ s: Sentiment) -> String { s == .positive ? "+" : s == .negative ? "-" : "=" }

    /// A ten-cell bar centred on zero: `     ███  ` for +0.6, `  ███     ` for -0.6.
    static func bar(_ mean: Double) -> String {
        let n = min(5, Int((abs(mean) * 5).rounded()))
        let full = String(repeating: "█", count: n)
        let pad = String(repeating: " ", count: 5 - n)
        return mean < 0 ? "[" + pad + full + "|     ]" : "[     |" + full + pad + "]"
    }
}

/// A contact as `contacts list --json` and `contacts show --json` print it.
struct ContactJSON: Encodable {
    let c: Contact
    var history: [ContactHistoryItem]?
    var timeline: [SentimentPoint]?

    init(_ c: Contact, history: [ContactHistoryItem]? = nil, timeline: [SentimentPoint]? = nil) {
        (self.c, self.history, self.timeline) = (c, history, timeline)
    }

    struct IdentityJSON: Encodable {
        let key, platform, handle: String
        let name, url: String?
        let followers: Int?
        let mentions: Int
        let firstSeen, lastSeen: Date
        enum CodingKeys: String, CodingKey {
            case key, platform, handle, name, url, followers, mentions, firstSeen = "first_seen"
            case lastSeen = "last_seen"
        }
    }
    struct HistoryJSON: Encodable {
        let at: Date, kind: String, mention: String, identity: String, text: String
        let sentiment: String?
        let score: Double?
        let actor: String?
        let url: String?
    }
    struct PointJSON: Encodable {
        let period: String, count: Int, positive: Int, neutral: Int, negative: Int, mean: Double
    }

    enum Keys: String, CodingKey {
        case id, primary, name, reach, mentions, positive, neutral, negative, roles, notes, identities, history
        case firstSeen = "first_seen", lastSeen = "last_seen", averageScore = "average_score"
        case setRoles = "set_roles", removedRoles = "removed_roles", suggestedRoles = "suggested_roles"
        case sentiment = "sentiment_over_time"
    }

    func encode(to encoder: Encoder) throws {
        let identities = c.identities.map {
            IdentityJSON(
                key: $0.key, platform: $0.platform, handle: $0.handle, name: $0.name, url: $0.url,
                followers: $0.followers, mentions: $0.mentions.count, firstSeen: $0.firstSeen, lastSeen: $0.lastSeen)
        }
        let suggested = Dictionary(uniqueKeysWithValues: c.suggested.map { ($0.key.rawValue, $0.value) })
        let fields: KeyValuePairs<Keys, any Encodable> = [
            .id: c.id, .primary: c.primary, .name: c.name, .reach: c.reach, .mentions: c.mentionCount,
            .positive: c.positive, .neutral: c.neutral, .negative: c.negative, .firstSeen: c.firstSeen,
            .lastSeen: c.lastSeen, .roles: c.roles.map(\.rawValue), .setRoles: c.setRoles.sorted().map(\.rawValue),
            .removedRoles: c.removedRoles.sorted().map(\.rawValue), .suggestedRoles: suggested, .notes: c.notes,
            .identities: identities,
        ]
        try Output.encode(fields, to: encoder)
        var k = encoder.container(keyedBy: Keys.self)
        try k.encodeIfPresent(c.averageScore.map { ($0 * 1000).rounded() / 1000 }, forKey: .averageScore)
        if let history {
            try k.encode(
                history.map {
                    HistoryJSON(
                        at: $0.at, kind: $0.kind.rawValue, mention: $0.mention, identity: $0.identity, text: $0.text,
                        sentiment: $0.sentiment?.rawValue, score: $0.score, actor: $0.actor, url: $0.url)
                }, forKey: .history)
        }
        if let timeline {
            try k.encode(
                timeline.map {
                    PointJSON(
                        period: $0.period, count: $0.count, positive: $0.positive, neutral: $0.neutral,
                        negative: $0.negative, mean: ($0.mean * 1000).rounded() / 1000)
                }, forKey: .sentiment)
        }
    }
}
