import Foundation

@testable import SwitchboardCore

/// The report fixture: a week of mentions for "Acme Cloud" (Europe/Berlin, SLA 60 min in business hours
/// Mon–Fri 08:00–18:00) with replies of known response times, queue posts, a crisis run, and the week before.
/// The period is Mon 16 Nov 2026 00:00 – Mon 23 Nov 00:00 Berlin time; "now" is Mon 23 Nov 09:00 Berlin.
/// Times below are UTC (Berlin is UTC+1 in November).
enum ReportFixture {
    static let tz = TimeZone(identifier: "Europe/Berlin")!
    static let since = Timestamp.parse("2026-11-15T23:00:00Z")!
    static let until = Timestamp.parse("2026-11-22T23:00:00Z")!
    static let now = Timestamp.parse("2026-11-23T08:00:00Z")!

    static let team = TeamConfig(
        brand: .init(name: "Acme Cloud", terms: ["Acme", "#acmecloud"]),
        competitors: [.init(name: "NimbusDrive", terms: ["nimbus"]), .init(name: "Boxly", terms: [])],
        sla: .init(firstResponseMinutes: 60, businessHours: "Mon-Fri 08:00-18:00"),
        timezone: "Europe/Berlin")

    static func t(_ s: String) -> Date { Timestamp.parse(s)! }

    static func m(
        _ id: String, _ net: String, _ handle: String, _ at: String, _ text: String, _ s: Sentiment?,
        _ intents: [Intent] = [], followers: Int? = nil
    ) -> Mention {
        Mention(
            platform: net, id: id, text: text, createdAt: t(at), fetchedAt: t(at),
            author: Author(handle: handle, followers: followers),
            analysis: s.map {
                Analysis(
                    lang: "en", sentiment: $0, score: $0 == .positive ? 0.6 : $0 == .negative ? -0.6 : 0,
                    intents: intents)
            })
    }

    static let mentions: [Mention] = [
        // The week before: 3 mentions (mastodon 2, bluesky 1), one question answered after 2 h.
        m(
            "p1", "mastodon", "anna@social.example", "2026-11-10T09:00:00Z", "Acme sync is slow", .negative,
            [.question], followers: 150),
        m(
            "p2", "bluesky", "ben.bsky.social", "2026-11-11T09:00:00Z", "NimbusDrive or Acme?", .neutral,
            followers: 12000),
        m(
            "p3", "mastodon", "gina@social.example", "2026-11-12T09:00:00Z", "Acme rocks #acmecloud", .positive,
            followers: 40),
        // The week.
        m(
            "m1", "mastodon", "anna@social.example", "2026-11-16T09:00:00Z", "Is Acme down? Sync fails #outage",
            .negative, [.question, .complaint], followers: 150),
        m(
            "m2", "mastodon", "anna@social.example", "2026-11-16T10:00:00Z",
            "Acme still broken, NimbusDrive works #outage", .negative, [.complaint], followers: 150),
        m(
            "m3", "bluesky", "ben.bsky.social", "2026-11-17T08:00:00Z", "Love the new Acme sync! #acmecloud", .positive,
            [.praise], followers: 12000),
        m(
            "m4", "bluesky", "ben.bsky.social", "2026-11-18T13:00:00Z", "Acme beats Boxly on sync speed #acmecloud",
            .positive, followers: 11800),
        m(
            "m5", "bluesky", "ben.bsky.social", "2026-11-19T09:00:00Z", "How do I share folders in Acme? #help",
            .neutral, [.question], followers: 12000),
        m("m6", "rss", "techblog", "2026-11-18T07:00:00Z", "Acme Cloud vs NimbusDrive: sync speed compared", .neutral),
        m(
            "m7", "mastodon", "jürgen.weiß@social.example", "2026-11-19T11:00:00Z",
            "Große Freude: Acme-Sync läuft wieder stabil, danke!", .positive, [.praise], followers: 300),
        m(
            "m8", "mastodon", "dieter@social.example", "2026-11-20T16:30:00Z",
            "Warum ist Acme so teuer? NimbusDrive kostet die Hälfte", .negative, [.question], followers: 80),
        m(
            "m9", "bluesky", "erik.bsky.social", "2026-11-21T09:00:00Z", "Does Acme have a Linux client?", .neutral,
            [.question], followers: 20),
        m(
            "m10", "mastodon", "bot@spam.example", "2026-11-21T10:00:00Z", "Get followers cheap acme", .neutral,
            [.spam], followers: 5),
        m(
            "m12", "mastodon", "frank@social.example", "2026-11-22T19:00:00Z", "Boxly sync is great #sync", .neutral,
            followers: 10),
        m("m13", "rss", "forumuser", "2026-11-22T11:00:00Z", "Acme Cloud thread on sync", nil),
        m(
            "m14", "bluesky", "hanna.bsky.social", "2026-11-21T14:00:00Z", "Switched to Acme, so far so good",
            .positive, followers: 250_000),
        // After the period: not in the report.
        m("n1", "mastodon", "anna@social.example", "2026-11-23T07:00:00Z", "Acme again", .negative, followers: 150),
    ]

    static func key(_ id: String) -> String {
        let m = mentions.first { $0.id == id }!
        return MentionKey.make(platform: m.platform, id: m.id)
    }

    static func reply(_ id: String, _ text: String, at: String, manual: Bool = false) -> ReplyRecord {
        ReplyRecord(text: text, actor: "lea", at: t(at), manual: manual ? true : nil)
    }

    static func playbook(_ name: String) -> Playbook {
        Playbook(
            id: name.lowercased(), name: name, severityLevels: ["low", "high"],
            steps: [
                .init(id: "assess", title: "Assess", owner: "lead", due: "15m", kind: .action),
                .init(id: "inform", title: "Inform support", owner: "lead", due: "30m", kind: .action),
            ],
            holdingStatements: [], escalation: [])
    }

    static func start(_ id: String, _ name: String, severity: String? = nil, drill: Bool = false) -> Action {
        .crisis(.start(CrisisStart(crisis: id, playbook: playbook(name), severity: severity, drill: drill)))
    }

    /// (time, actor, action) in the order they happened.
    static var actions: [(String, String, Action)] {
        let q1 = QueueDraft(
            id: "q1", text: "Winter update: faster sync for everyone\nDetails on the blog",
            accounts: ["acme-masto", "acme-bsky"],
            scheduledAt: t("2026-11-17T09:00:00Z"), createdAt: t("2026-11-14T09:00:00Z"))
        let q0 = QueueDraft(
            id: "q0", text: "Last week's post", accounts: ["acme-masto"], scheduledAt: t("2026-11-10T09:00:00Z"),
            createdAt: t("2026-11-09T09:00:00Z"))
        return [
            ("2026-11-09T09:00:00Z", "lea", .queue(.add(q0))),
            ("2026-11-10T09:00:00Z", "lea", .queue(.published(id: "q0", account: "acme-masto", postID: "0", url: nil))),
            (
                "2026-11-10T11:00:00Z", "lea",
                .reply(mention: key("p1"), reply: reply("p1", "Sorry! Looking into it", at: "2026-11-10T11:00:00Z"))
            ),
            ("2026-11-11T10:00:00Z", "lea", start("c0", "Drill", drill: true)),
            ("2026-11-11T11:00:00Z", "lea", .crisis(.end(crisis: "c0", summary: ""))),
            ("2026-11-14T09:00:00Z", "lea", .queue(.add(q1))),
            // Mon 16: m1 answered after 30 min.
            (
                "2026-11-16T09:30:00Z", "lea",
                .outboxSent(
                    id: "o1", mention: key("m1"), reply: reply("m1", "We're on it", at: "2026-11-16T09:30:00Z"),
                    postID: "r1")
            ),
            ("2026-11-16T10:30:00Z", "lea", start("c1", "Outage", severity: "low")),
            ("2026-11-16T10:40:00Z", "lea", .crisis(.severity(crisis: "c1", level: "high"))),
            ("2026-11-16T10:45:00Z", "ben", .crisis(.step(crisis: "c1", step: "assess", state: .done, reason: nil))),
            ("2026-11-16T14:45:00Z", "lea", .crisis(.end(crisis: "c1", summary: "Sync restored, post-mortem filed"))),
            // Tue 17: the queue post goes out on both accounts; m3 marked answered without a reply.
            (
                "2026-11-17T09:00:00Z", "pub",
                .queue(.published(id: "q1", account: "acme-masto", postID: "1", url: "https://social.example/@acme/1"))
            ),
            ("2026-11-17T09:01:00Z", "pub", .queue(.published(id: "q1", account: "acme-bsky", postID: "2", url: nil))),
            ("2026-11-17T09:05:00Z", "lea", .setStatus(mention: key("m3"), status: .answered)),
            // Wed 18: m6 (a feed) answered by hand after 40 min; m4 ignored.
            (
                "2026-11-18T07:40:00Z", "lea",
                .outboxSent(
                    id: "o6", mention: key("m6"),
                    reply: reply("m6", "Thanks for the test", at: "2026-11-18T07:40:00Z", manual: true), postID: nil)
            ),
            ("2026-11-18T13:10:00Z", "lea", .setStatus(mention: key("m4"), status: .ignored)),
            // Thu 19: m5 answered after 1 h 30 min (30 min late); m7 ignored.
            (
                "2026-11-19T10:30:00Z", "ben",
                .reply(mention: key("m5"), reply: reply("m5", "Settings › Sharing", at: "2026-11-19T10:30:00Z"))
            ),
            ("2026-11-19T11:05:00Z", "lea", .setStatus(mention: key("m7"), status: .ignored)),
            // Sat 21: m9 answered after 20 min (a Saturday: no business time passes); m10 is spam; m14 ignored.
            (
                "2026-11-21T09:20:00Z", "lea",
                .outboxSent(
                    id: "o9", mention: key("m9"),
                    reply: reply("m9", "Yes, for Ubuntu and Fedora", at: "2026-11-21T09:20:00Z"), postID: "r9")
            ),
            ("2026-11-21T10:01:00Z", "lea", .setStatus(mention: key("m10"), status: .spam)),
            ("2026-11-21T14:05:00Z", "lea", .setStatus(mention: key("m14"), status: .ignored)),
            ("2026-11-22T11:05:00Z", "lea", .setStatus(mention: key("m13"), status: .ignored)),
            // Mon 23 (after the period): m8, from Friday 17:30, answered 08:45 → 30 + 45 business minutes, 15 late.
            (
                "2026-11-23T07:45:00Z", "lea",
                .outboxSent(
                    id: "o8", mention: key("m8"), reply: reply("m8", "Unsere Preise…", at: "2026-11-23T07:45:00Z"),
                    postID: "r8")
            ),
        ]
    }

    /// A store in a temporary directory holding the fixture (the team config written too).
    static func store() throws -> Store {
        let dir = makeTempDir("sb-report")
        try FileIO.writeDocument(try JSONEncoder().encode(team), to: dir.teamFile)
        let store = try Store(dir: dir)
        try store.ingest(mentions, now: t("2026-11-23T07:00:00Z"))
        for (at, actor, action) in actions { try store.record([action], actor: actor, now: t(at)) }
        return store
    }

    static func report(
        _ store: Store, since: Date = since, until: Date = until, options: ReportOptions = ReportOptions()
    ) throws -> Report {
        try Report.compute(
            mentions: store.mentions, states: store.states(), events: store.events, team: team,
            since: since, until: until, now: now, options: options)
    }
}
