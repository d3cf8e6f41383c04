import Foundation
import SwitchboardCore

/// `contacts show` for people.
enum ContactPrinter {
    static func print(_ c: Contact, history: [ContactHistoryItem], timeline: [SentimentPoint], weekly: Bool) {
        Output.line(Output.safe(c.name) + "  (" + L10n.t("cli.contact.id", ["id": c.id]) + ")")
        Output.line("\n" + L10n.t("cli.contact.identities"))
        Output.table(
            ["network", "handle", "followers", "mentions", "url"].enumerated().map {
                ($0.offset == 0 ? "  " : "") + L10n.t("cli.contact.col." + $0.element)
            },
            c.identities.map { i in
                [
                    i.platform,
                    Output.safe(i.displayHandle)
                        + (i.key == c.primary ? " (" + L10n.t("cli.contact.primary") + ")" : ""),
                    i.followers.map { LocalFormat.number($0) } ?? "-",
                    Output.count(i.mentions.count), Output.safe(i.url ?? "-"),
                ]
            }.map { ["  " + $0[0]] + $0.dropFirst() })
        Output.line("")
        var lines: [(String, String)] = [
            ("reach", L10n.t("cli.contact.followers", ["count": LocalFormat.number(c.reach)])),
            (
                "mentions",
                L10n.t(
                    "cli.contact.mentionCounts",
                    [
                        "count": c.mentionCount, "positive": c.positive, "neutral": c.neutral,
                        "negative": c.negative,
                    ])
                    + (c.averageScore.map { L10n.t("cli.contact.mean", ["score": Output.decimal("%+.2f", $0)]) } ?? "")
            ),
            ("seen", Output.stamp(c.firstSeen) + " … " + Output.stamp(c.lastSeen)),
        ]
        let roles = c.roles.map { r -> String in
            if c.setRoles.contains(r) { return r.rawValue + " (" + L10n.t("cli.contact.roleSet") + ")" }
            return r.rawValue + " (" + L10n.t("cli.contact.roleSuggested", ["why": c.suggested[r] ?? ""]) + ")"
        }
        lines.append(("roles", roles.isEmpty ? "-" : roles.joined(separator: ", ")))
        let removed = c.removedRoles.sorted().filter { !c.setRoles.contains($0) }
        if !removed.isEmpty { lines.append(("removed", removed.map(\.rawValue).joined(separator: ", "))) }
        let width = L10n.language == .de ? 13 : 10
        for (k, v) in lines { Output.line(Output.pad(L10n.t("cli.contact.field." + k) + ":", width) + v) }
        if !c.notes.isEmpty {
            Output.line("\n" + L10n.t("cli.contact.notes"))
            for n in c.notes {
                Output.line("  \(Output.stamp(n.at)) \(Output.safe(n.actor)): \(Output.safe(n.text))")
            }
        }
        if !timeline.isEmpty {
            Output.line("\n" + L10n.t(weekly ? "cli.contact.byWeek" : "cli.contact.byDay"))
            for p in timeline {
                Output.line(
                    "  \(p.period)  \(Output.decimal("%+.2f", p.mean))  \(bar(p.mean))  \(Output.count(p.count)) "
                        + "(\(p.positive)+ \(p.neutral)= \(p.negative)-)")
            }
        }
        if !history.isEmpty {
            Output.line("\n" + L10n.t("cli.contact.history"))
            Output.table(
                ["time", "what", "mention", "who", "text"].enumerated().map {
                    ($0.offset == 0 ? "  " : "") + L10n.t("cli.contact.col." + $0.element)
                },
                history.map { h in
                    let what: String
                    switch h.kind {
                    case .mention:
                        what =
                            h.sentiment.map { L10n.t("cli.contact.kind.mention") + " " + mark($0) }
                            ?? L10n.t("cli.contact.kind.mention")
                    case .reply: what = L10n.t("cli.contact.kind.reply")
                    case .handoff: what = L10n.t("cli.contact.kind.handoff")
                    case .handoffReply: what = L10n.t("cli.contact.kind.answer")
                    }
                    return [
                        "  " + Output.stamp(h.at), what, h.mention, Output.safe(h.actor ?? "-"),
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
