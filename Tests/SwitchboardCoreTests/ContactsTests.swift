import Foundation
import XCTest

@testable import SwitchboardCore

/// A mention by `handle` on `platform` with a given sentiment (the analysis the ingest would have added).
func authored(
    _ id: String, _ platform: String, _ handle: String, name: String? = nil, followers: Int? = nil,
    sentiment: Sentiment = .neutral,
    score: Double? = nil, intents: [Intent] = [], url: String? = nil, kind: String? = nil, text: String = "about Acme",
    day: Int = 20, hour: Int = 10
) -> Mention {
    let at = Timestamp.parse(String(format: "2026-11-%02dT%02d:00:00Z", day, hour))!
    let s = score ?? (sentiment == .positive ? 0.6 : sentiment == .negative ? -0.6 : 0)
    return Mention(
        platform: platform, id: id, text: text, createdAt: at, fetchedAt: at, url: url,
        author: Author(handle: handle, name: name, url: nil, followers: followers),
        extra: kind.map { ["kind": .string($0)] },
        analysis: Analysis(lang: "en", sentiment: sentiment, score: s, intents: intents))
}

func event(_ a: ContactAction, _ actor: String = "anna", minute: Int = 0) -> AuditEvent {
    AuditEvent(
        at: Timestamp.parse(String(format: "2026-11-27T10:%02d:00Z", minute))!, actor: actor, action: .contact(a))
}

final class ContactsTests: XCTestCase {
    let annaM = "mastodon:anna@social.example", annaB = "bluesky:anna.bsky.social", ben = "mastodon:ben@mas.to"

    var mentions: [Mention] {
        [
            authored("1", "mastodon", "@Anna@social.example", name: "Anna K", followers: 800, sentiment: .positive),
            authored("2", "bluesky", "anna.bsky.social", name: "Anna", followers: 300, sentiment: .positive, day: 21),
            authored("3", "mastodon", "ben@mas.to", name: "Ben", followers: 50, sentiment: .negative, day: 22),
            authored(
                "4", "mastodon", "anna@social.example", name: "Anna Kowalski", followers: 820, sentiment: .positive,
                day: 23),
        ]
    }

    func testIdentitiesAreBuiltFromAuthors() {
        let c = Contacts(mentions: mentions, events: [])
        XCTAssertEqual(c.all.map(\.primary), [annaM, annaB, ben], "one contact per account, in order of appearance")
        let anna = c.contact(identity: annaM)!
        XCTAssertEqual(anna.mentionCount, 2)
        XCTAssertEqual(anna.identities[0].mentions, [mentions[0].key, mentions[3].key])
        XCTAssertEqual(anna.name, "Anna Kowalski", "the latest display name")
        XCTAssertEqual(anna.reach, 820, "the latest follower count")
        XCTAssertEqual(anna.firstSeen, mentions[0].createdAt)
        XCTAssertEqual(anna.lastSeen, mentions[3].createdAt)
        XCTAssertEqual(anna.id, Contact.id(forPrimary: annaM))
        XCTAssertEqual(
            ContactIdentity.key(platform: "rss", handle: "Marc T.", url: "https://www.reviewroost.com/r/1"),
            "rss:reviewroost.com/marc t.")
    }

    func testMergeJoinsIdentitiesRolesAndNotesAndSplitUndoesIt() throws {
        let events = [
            event(.role(contact: annaB, add: ["journalist"], remove: [])),
            event(.note(contact: annaB, text: "writes for Netzrundschau"), minute: 1),
            event(.merge(contact: annaM, identities: [annaB]), minute: 2),
        ]
        var c = Contacts(mentions: mentions, events: events)
        XCTAssertEqual(c.count, 2)
        let anna = c.contact(identity: annaB)!
        XCTAssertEqual(anna.primary, annaM)
        XCTAssertEqual(anna.identities.map(\.key), [annaM, annaB])
        XCTAssertEqual(anna.mentionCount, 3)
        XCTAssertEqual(anna.reach, 820 + 300)
        XCTAssertEqual(anna.positive, 3)
        XCTAssertTrue(anna.setRoles.contains(.journalist), "roles come along")
        XCTAssertEqual(anna.notes.map(\.text), ["writes for Netzrundschau"])
        XCTAssertEqual(try c.resolve("@anna.bsky.social").id, anna.id, "any identity finds the merged contact")
        XCTAssertEqual(try c.resolve(String(anna.id.prefix(5))).id, anna.id)
        XCTAssertEqual(c.contact(for: mentions[1])?.id, anna.id)

        // Splitting the primary off is ignored (the CLI refuses it); splitting the other identity undoes the merge.
        c = Contacts(mentions: mentions, events: events + [event(.split(contact: annaM, identity: annaM), minute: 3)])
        XCTAssertEqual(c.count, 2)
        c = Contacts(mentions: mentions, events: events + [event(.split(contact: annaM, identity: annaB), minute: 3)])
        XCTAssertEqual(c.all.map(\.primary), [annaM, annaB, ben])
        XCTAssertEqual(
            c.contact(identity: annaB)?.setRoles, [],
            "the split identity starts without the merged contact's roles and notes")
        XCTAssertEqual(c.contact(identity: annaM)?.notes.map(\.text), ["writes for Netzrundschau"])
        XCTAssertEqual(c.contact(identity: annaM)?.mentionCount, 2)
    }

    func testMergingAMergedContactMovesAllOfIt() {
        let more = mentions + [authored("5", "bluesky", "ben.bsky.social", sentiment: .negative)]
        let events = [
            event(.merge(contact: ben, identities: ["bluesky:ben.bsky.social"])),
            event(.merge(contact: annaM, identities: ["bluesky:ben.bsky.social"]), minute: 1),
        ]
        let c = Contacts(mentions: more, events: events)
        XCTAssertEqual(c.count, 2)
        XCTAssertEqual(c.contact(identity: ben)?.primary, annaM)
        XCTAssertEqual(c.contact(identity: annaM)?.identities.map(\.key), [annaM, ben, "bluesky:ben.bsky.social"])
    }

    /// A fixture with one person per suggested role.
    func fixture() -> (mentions: [Mention], team: TeamConfig) {
        var team = TeamConfig(
            brand: .init(name: "Acme Cloud", terms: ["Acme Cloud", "@acmecloud", "acmecloud.bsky.social"]),
            competitors: [.init(name: "NimbusDrive", terms: ["NimbusDrive", "Nimbus Drive"])])
        team.extra["contacts"] = .object(["multiplier_followers": .number(40_000)])
        let m = [
            authored("a1", "bluesky", "nico.bsky.social", followers: 248_900, sentiment: .positive),
            authored("a2", "bluesky", "gwen.bsky.social", followers: 39_000, sentiment: .positive),
            authored("f1", "mastodon", "fan@x.social", sentiment: .positive),
            authored("f2", "mastodon", "fan@x.social", sentiment: .positive, day: 21),
            authored("c1", "mastodon", "crit@x.social", sentiment: .negative),
            authored("c2", "mastodon", "crit@x.social", sentiment: .negative, day: 21),
            authored("c3", "mastodon", "crit@x.social", sentiment: .positive, day: 22),
            authored(
                "r1", "rss", "Former Employee - Customer Success, Austin", url: "https://www.workvoice.com/r/1",
                kind: "reviews"),
            authored(
                "r2", "rss", "Angestellte/r Engineering, Berlin", url: "https://www.arbeitgeberblick.de/r/2",
                kind: "reviews"),
            authored("r3", "rss", "Anonymous", url: "https://www.glassdoor.com/Reviews/acme", kind: "reviews"),
            authored("r4", "rss", "Tammy L.", url: "https://www.reviewroost.com/r/4", kind: "reviews"),
            authored("n1", "rss", "Sabine Roth", url: "https://netzrundschau.de/a/1", kind: "news"),
            authored(
                "n2", "rss", "Sabine Roth", sentiment: .negative, url: "https://netzrundschau.de/a/2", kind: "news",
                day: 21),
            authored(
                "n3", "rss", "Sabine Roth", sentiment: .negative, url: "https://netzrundschau.de/a/3", kind: "news",
                day: 22),
            authored("x1", "mastodon", "nimbusdrive_deals@spam.example", name: "Nimbus Deals"),
            authored("o1", "mastodon", "acmecloud@mastodon.social"), authored("o2", "bluesky", "acmecloud.bsky.social"),
        ]
        return (m, team)
    }

    func testRoleSuggestions() {
        let (m, team) = fixture()
        let c = Contacts(mentions: m, events: [], team: team)
        func roles(_ key: String) -> [ContactRole] { c.contact(identity: key)?.roles ?? [] }
        XCTAssertEqual(roles("bluesky:nico.bsky.social"), [.multiplier])
        XCTAssertEqual(
            c.contact(identity: "bluesky:nico.bsky.social")?.suggested[.multiplier],
            "reach 248,900 and 1 positive mention")
        XCTAssertEqual(roles("bluesky:gwen.bsky.social"), [], "below the team's threshold of 40,000")
        XCTAssertEqual(roles("mastodon:fan@x.social"), [.fan])
        XCTAssertEqual(roles("mastodon:crit@x.social"), [.critic])
        XCTAssertEqual(roles("rss:workvoice.com/former employee - customer success, austin"), [.formerEmployee])
        XCTAssertEqual(roles("rss:arbeitgeberblick.de/angestellte/r engineering, berlin"), [.employee])
        XCTAssertEqual(roles("rss:glassdoor.com/anonymous"), [.employee], "every review on an employer-review portal")
        XCTAssertEqual(roles("rss:reviewroost.com/tammy l."), [.customer])
        XCTAssertEqual(roles("rss:netzrundschau.de/sabine roth"), [.journalist], "reporting bad news makes no critic")
        XCTAssertEqual(roles("mastodon:nimbusdrive_deals@spam.example"), [.competitor])
        XCTAssertNil(
            c.contact(identity: "mastodon:acmecloud@mastodon.social"), "the brand's own accounts are no contacts")
        XCTAssertNil(c.contact(identity: "bluesky:acmecloud.bsky.social"))
        XCTAssertEqual(c.count, 10)
    }

    func testSetRolesWinAndRemovedSuggestionsStayRemoved() {
        let (m, team) = fixture()
        let fan = "mastodon:fan@x.social"
        var events = [event(.role(contact: fan, add: ["critic"], remove: ["fan"]))]
        var c = Contacts(mentions: m, events: events, team: team)
        XCTAssertEqual(c.contact(identity: fan)?.roles, [.critic])
        XCTAssertEqual(c.contact(identity: fan)?.suggested[.fan], "2 positive mentions", "still suggested, but removed")
        // More praise later: the removed suggestion stays removed.
        let later = m + [authored("f3", "mastodon", "fan@x.social", sentiment: .positive, day: 25)]
        c = Contacts(mentions: later, events: events, team: team)
        XCTAssertEqual(c.contact(identity: fan)?.roles, [.critic])
        XCTAssertFalse(c.contact(identity: fan)!.isSuggestedOnly(.critic))
        // Setting it again brings it back as set; removing a set role removes it.
        events.append(event(.role(contact: fan, add: ["fan"], remove: ["critic"]), minute: 1))
        c = Contacts(mentions: later, events: events, team: team)
        XCTAssertEqual(c.contact(identity: fan)?.roles, [.fan])
        XCTAssertEqual(c.contact(identity: fan)?.setRoles, [.fan])
        XCTAssertEqual(c.contact(identity: fan)?.removedRoles, [.critic])
    }

    func testUpdatingGivesTheSameContactsAsFoldingEverything() {
        let (m, team) = fixture()
        let more =
            m + mentions + [
                authored("f9", "mastodon", "fan@x.social", sentiment: .negative, day: 26),
                authored("z1", "bluesky", "anna.bsky.social", sentiment: .positive, day: 26),
            ]
        let events = [
            event(.merge(contact: annaM, identities: [annaB])),
            event(.role(contact: "mastodon:crit@x.social", add: ["customer"], remove: []), minute: 1),
        ]
        var c = Contacts(mentions: Array(more.prefix(10)), events: [], team: team)
        c.update(newMentions: Array(more[10..<16]), newEvents: [])
        c.update(newMentions: [], newEvents: [events[0]])
        c.update(newMentions: Array(more[16...]), newEvents: [events[1]])
        XCTAssertEqual(c.all, Contacts(mentions: more, events: events, team: team).all)
        var d = Contacts(mentions: Array(more.prefix(12)), events: events, team: team)
        d.update(newMentions: Array(more[12...]), newEvents: [])
        XCTAssertEqual(
            d.all, Contacts(mentions: more, events: events, team: team).all,
            "new mentions alone rebuild only their contacts")
        XCTAssertEqual(d.contact(identity: annaB)?.mentionCount, 4)
    }

    func testRoleQueries() throws {
        let (m, team) = fixture()
        let contacts = Contacts(
            mentions: m, events: [event(.role(contact: "mastodon:fan@x.social", add: ["journalist"], remove: []))],
            team: team)
        let env = QueryEnvironment(me: "anna", now: Timestamp.parse("2026-11-27T12:00:00Z")!, role: contacts.roleHook())
        func ids(_ q: String) throws -> [String] {
            let matcher = QueryMatcher(try Query.parse(q), environment: env)
            return matcher.filter(m, states: [:]).map { m[$0].id }
        }
        XCTAssertEqual(try ids("role:former-employee net:rss"), ["r1"])
        XCTAssertEqual(try ids("role:employee"), ["r2", "r3"])
        XCTAssertEqual(try ids("role:fan,critic"), ["f1", "f2", "c1", "c2", "c3"])
        XCTAssertEqual(try ids("role:vip"), ["a1", "f1", "f2", "n1", "n2", "n3"], "multipliers and journalists")
        XCTAssertEqual(try ids("role:press -net:rss"), ["f1", "f2"])
        XCTAssertThrowsError(try ids("role:nonsense"), "a typo is an error, not an empty result")
        XCTAssertTrue(try Query.parse("is:question OR role:fan").usesRoles)
        XCTAssertFalse(try Query.parse("is:question").usesRoles)
    }

    func testContactAndHandoffActionsRoundTripThroughTheLog() throws {
        let dir = makeTempDir()
        let store = try Store(dir: dir)
        try store.ingest([mentions[0]])
        let k = mentions[0].key
        try store.record(
            [
                .contact(.merge(contact: annaM, identities: [annaB])),
                .contact(.split(contact: annaM, identity: annaB)),
                .contact(.role(contact: annaM, add: ["fan"], remove: ["critic"])),
                .contact(.note(contact: annaM, text: "VIP")),
                .handoff(mention: k, team: "support", note: "routing rule: billing"),
                .handoffFollowUp(.delivered(mention: k, rule: "billing", team: "support", target: "command")),
                .handoffFollowUp(.failed(mention: k, rule: "billing", team: "support", error: "exit 1", attempt: 2)),
                .handoffFollowUp(.retry(mention: k, rule: "billing", team: "support", attempt: 3)),
                .handoffFollowUp(.reply(mention: k, team: "support", text: "Refund issued")),
            ], actor: "ben")
        let reopened = try Store(dir: dir)
        XCTAssertEqual(reopened.events.map(\.action), store.events.map(\.action))
        XCTAssertTrue(reopened.warnings.isEmpty)
        let line = readLines(logFiles(dir, .actions)[0])[0]
        XCTAssertTrue(line.contains(#""contact":"mastodon:anna@social.example""#), line)
        XCTAssertTrue(line.contains(#""identities":["bluesky:anna.bsky.social"]"#), line)
        XCTAssertTrue(line.contains(#""type":"contact_merge""#))
        let st = reopened.state(k)
        XCTAssertEqual(st.handoffReplies.map(\.text), ["Refund issued"])
        XCTAssertEqual(st.handoffReplies.first?.actor, "ben")
        XCTAssertEqual(st.status, .open, "the answer from inside puts a waiting mention back to open")
        XCTAssertEqual(st.handoffTeam, "support")
    }

    func testDeliveryBookkeepingIsNoChangeOfTheMention() throws {
        let store = try Store(dir: makeTempDir())
        try store.ingest([mentions[0]])
        let k = mentions[0].key
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        try store.record([.handoff(mention: k, team: "support", note: nil)], actor: "anna", now: t0)
        try store.record(
            [.handoffFollowUp(.delivered(mention: k, rule: "r", team: "support", target: "command"))],
            actor: "switchboard", now: t0 + 5)
        XCTAssertEqual(store.state(k).lastChangedAt, t0)
        XCTAssertEqual(store.state(k).status, .waiting)
        XCTAssertTrue(
            Triage.changes(store: store, key: k, since: t0, me: "anna").isEmpty,
            "a delivery never blocks someone's reply")
    }
}
