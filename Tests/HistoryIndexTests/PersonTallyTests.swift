import Foundation
import GRDB
@testable import HistoryIndex
import SwitchboardCore
import XCTest

/// Issue 18: a bounded workbench's person marks (★/⚑) from one `person` row per identity (`PersonTally`, schema 9)
/// instead of a fold over all of the author's mentions read from the logs. For every author of a varied history —
/// several networks, feeds whose authors are named per site, employer and customer reviews, news items, the brand's
/// own accounts, an account named like a competitor, followers that come and go, one person with three accounts merged
/// by hand, analyses replaced later — the contact made from the index's tallies equals the fold over every mention:
/// roles with their reasons, reach, counts, first and last seen; after the first build, after catch-ups, after a
/// rebuild, after `compact` and after a log edited by hand.
final class PersonTallyTests: XCTestCase {
    typealias Rng = QuerySQLDifferentialTests.Rng
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    static let teamJSON = Data(
        #"""
        {"brand": {"name": "Acme Cloud", "terms": ["@acme", "acme"]},
         "competitors": [{"name": "Nimbus", "terms": ["nimbus"]}],
         "contacts": {"multiplier_followers": 5000, "fan_positive": 2, "critic_negative": 2,
                      "own_accounts": ["acme@mastodon.social"]}}
        """#.utf8)

    /// The authors: (network, handle, display name, site of a feed's author).
    static let authors: [(platform: String, handle: String, name: String?, site: String?)] = [
        ("mastodon", "anna@social.example", "Anna", nil), ("bluesky", "annab.bsky.social", "Anna B", nil),
        ("x", "AnnaX", nil, nil), ("mastodon", "@Ben@social.example", "Ben", nil),
        ("mastodon", "carl@social.example", nil, nil), ("bluesky", "dora.bsky.social", "Dora", nil),
        ("x", "emil", "Emil", nil), ("reddit", "u_frank", nil, nil), ("mastodon", "acme@mastodon.social", "Acme", nil),
        ("x", "nimbus_fanboy", "Nimbus Fan", nil), ("rss", "Marc T.", nil, "https://www.reviewroost.com/r/1"),
        ("rss", "Marc T.", nil, "https://news.example.org/a/2"),
        ("rss", "Former employee - Berlin", nil, "https://www.glassdoor.com/x/3"),
        ("rss", "Angestellte in München", nil, "https://www.kununu.com/y/4"), ("youtube", "Grüße-Kanal", "Jürgen", nil),
        ("mastodon", "gina@social.example", "Gina", nil), ("bluesky", "hans.bsky.social", nil, nil),
    ]

    /// `count` mentions from `authors`, written in an order that is not their creation order, with later analyses.
    static func ingest(_ dir: DataDirectory, count: Int, seed: UInt64, from first: Int) throws -> [Mention] {
        var rng = Rng(s: seed)
        let store = try Store(dir: dir)
        var mentions: [Mention] = []
        for i in first..<(first + count) {
            let a = authors[rng.int(authors.count)]
            // Ties on the same second, and mentions older than ones stored before them.
            let at = now.addingTimeInterval(-Double(rng.int(40)) * 3600 - (rng.chance(0.3) ? 0 : Double(rng.int(999))))
            var extra: [String: JSONValue]?
            if a.site != nil {
                extra = ["kind": .string(rng.pick(["news", "review", "press", "blog", "Employer-Review"]))]
            } else if rng.chance(0.1) {
                extra = ["private": .bool(true)]
            }
            let m = Mention(
                platform: a.platform, id: "p\(i)", text: "Acme Cloud \(i)", createdAt: at,
                url: a.site ?? "https://\(a.platform).example/p\(i)",
                author: Author(
                    handle: rng.chance(0.2) ? a.handle.uppercased() : a.handle, name: a.name, url: a.site,
                    followers: rng.chance(0.3) ? nil : rng.int(9000)),
                extra: extra,
                analysis: rng.chance(0.85)
                    ? Analysis(
                        lang: "de", sentiment: rng.pick([.negative, .neutral, .positive, .positive]),
                        score: Double(rng.int(200) - 100) / 100, intents: rng.chance(0.3) ? [.praise] : [])
                    : nil)
            mentions.append(m)
        }
        try store.ingest(mentions, now: now)
        return mentions
    }

    /// Analyses that replace earlier ones (twice for some mentions), as `reanalyze` writes them.
    static func reanalyze(_ dir: DataDirectory, _ mentions: [Mention], seed: UInt64) throws {
        var rng = Rng(s: seed)
        let store = try Store(dir: dir)
        for _ in 0..<2 {
            try store.recordAnalysis(
                mentions.filter { _ in rng.chance(0.25) }.map {
                    AnalysisRecord(
                        key: $0.key,
                        analysis: Analysis(
                            lang: "de", sentiment: rng.pick([.negative, .positive, .neutral]),
                            score: Double(rng.int(200) - 100) / 100, intents: []))
                }, now: now)
        }
    }

    /// For every identity of the fold over every mention: the contact made from the index's tallies of its person's
    /// identities is the fold's.
    func assertTalliesAreTheFold(
        _ dir: DataDirectory, _ index: HistoryIndex, _ label: String, tail: Bool = true, count: Bool = true,
        file: StaticString = #filePath,
        line: UInt = #line
    ) throws {
        let team = try JSONDecoder().decode(TeamConfig.self, from: Self.teamJSON)
        let store = try Store(dir: dir, mode: .readOnly)
        let fold = Contacts(mentions: store.mentions, events: store.events, team: team)
        let merges = ContactMerges(events: store.events)
        XCTAssertGreaterThan(fold.count, 10, label, file: file, line: line)
        var identities = 0
        for c in fold.all {
            for i in c.identities {
                identities += 1
                let tallies = try index.personTallies(ofIdentities: Set(merges.members(of: i.key)))
                XCTAssertEqual(tallies.count, c.identities.count, "\(label) \(i.key)", file: file, line: line)
                guard let got = Contacts(tallies: tallies, events: store.events, team: team).contact(identity: i.key)
                else {
                    XCTFail("\(label): no contact for \(i.key)", file: file, line: line)
                    continue
                }
                let what = "\(label) \(i.key)"
                XCTAssertEqual(got.id, c.id, what, file: file, line: line)
                XCTAssertEqual(got.roles, c.roles, what, file: file, line: line)
                XCTAssertEqual(got.suggested, c.suggested, what, file: file, line: line)
                XCTAssertEqual(got.identities.map(\.key), c.identities.map(\.key), what, file: file, line: line)
                XCTAssertEqual(got.reach, c.reach, what, file: file, line: line)
                XCTAssertEqual(got.mentionCount, c.mentionCount, what, file: file, line: line)
                XCTAssertEqual(
                    [got.positive, got.neutral, got.negative], [c.positive, c.neutral, c.negative], what, file: file,
                    line: line)
                XCTAssertEqual(got.firstSeen, c.firstSeen, what, file: file, line: line)
                XCTAssertEqual(got.lastSeen, c.lastSeen, what, file: file, line: line)
                XCTAssertEqual(got.averageScore ?? 9, c.averageScore ?? 9, accuracy: 1e-9, what, file: file, line: line)
            }
        }
        // The brand's own account has a tally but is no contact, as in the fold.
        let own = "mastodon:acme@mastodon.social"
        XCTAssertNil(fold.contact(identity: own), label, file: file, line: line)
        let ownTallies = try index.personTallies(ofIdentities: [own])
        XCTAssertEqual(ownTallies.count, 1, label, file: file, line: line)
        XCTAssertNil(
            Contacts(tallies: ownTallies, events: store.events, team: team).contact(identity: own), label, file: file,
            line: line)
        // Every identity with a mention has exactly one row, once the person tail went in (a catch-up leaves its
        // new mentions there; the tallies above counted them from it).
        if tail {
            try index.flushTails()
            try assertTalliesAreTheFold(dir, index, label + ", the tail gone in", tail: false, file: file, line: line)
        }
        if count { XCTAssertEqual(identities + 1, try index.personCount(), label, file: file, line: line) }
    }

    /// The person tail: a catch-up leaves its new mentions out of `person` and the tallies count them from the tail
    /// — authors first met there, analyses replaced while they wait, a mention whose row an action made first (older
    /// than the tail: counted at once) — and equal the fold before and after the tail goes in, also when another
    /// process adds it, and when a bulk load follows a tail.
    func testThePersonTailCountsAsTheFoldBeforeAndAfterItGoesIn() throws {
        let dir = makeTempDir("sbpersontail")
        defer { try? FileManager.default.removeItem(at: dir.root) }
        try FileIO.writeDocument(Self.teamJSON, to: dir.teamFile)
        func open() throws -> HistoryIndex {
            let index = try HistoryIndex(dir: dir, catchUp: false)
            index.fullTextTail = 100_000
            return index
        }
        func rows(_ sql: String) throws -> Int {
            let q = try DatabaseQueue(path: HistoryIndex.file(dir).path)
            defer { try? q.close() }
            return try q.read { try Int.fetchOne($0, sql: sql) ?? -1 }
        }
        _ = try Self.ingest(dir, count: 4, seed: 11, from: 0)
        var index = try open()
        try index.catchUp()
        let known = try index.personCount()
        XCTAssertLessThan(known, 5)
        // A mention an action names before its record comes (a new author): its row is made now and is older than
        // the tail once the tail went in.
        let late = Mention(
            platform: "mastodon", id: "late", text: "Acme Cloud late", createdAt: Self.now,
            url: "https://mastodon.example/late", author: Author(handle: "late@social.example", name: "Late"),
            analysis: Analysis(lang: "de", sentiment: .negative, score: -0.5, intents: []))
        try Store(dir: dir).record([.tag(mention: late.key, tags: ["Billing"])], actor: "bo", now: Self.now)
        try index.catchUp()
        try index.flushTails()

        let second = try Self.ingest(dir, count: 200, seed: 12, from: 4)
        try Self.reanalyze(dir, second, seed: 13)
        XCTAssertNil(try index.catchUp().rebuiltBecause)
        XCTAssertEqual(try index.personCount(), known, "the catch-up wrote no person row")
        XCTAssertEqual(try rows("SELECT count(*) FROM mention WHERE person IS NOT NULL"), 4)
        // Another process (a workbench) reads the same tallies from the tail.
        try assertTalliesAreTheFold(dir, try open(), "in the tail, another process", tail: false, count: false)
        try assertTalliesAreTheFold(dir, index, "in the tail")

        // The late mention (counted at once), mentions of authors counted and in the tail, analyses replaced on
        // both sides; then a process that adds the tail on opening... the workbench's own maintenance.
        try Store(dir: dir).ingest([late], now: Self.now)
        let third = try Self.ingest(dir, count: 60, seed: 14, from: 204)
        try Self.reanalyze(dir, second + third, seed: 15)
        index = try open()
        XCTAssertNil(try index.catchUp().rebuiltBecause)
        XCTAssertEqual(
            try rows("SELECT count(*) FROM mention m JOIN person p ON p.id = m.person WHERE m.key = '\(late.key)'"), 1,
            "the late mention is counted at once")
        try assertTalliesAreTheFold(dir, index, "the late mention")

        // A late mention of an author whose mention waits in the tail, posted the same second under another spelling
        // with more followers: counted after the tail (as the fold counts it, after the one that came first), so
        // the last reported handle and reach are its own and the author is a multiplier.
        let tie = Self.now.addingTimeInterval(3600)
        func quinn(_ id: String, _ handle: String, followers: Int) -> Mention {
            Mention(
                platform: "mastodon", id: id, text: "Acme Cloud \(id)", createdAt: tie, url: "https://mastodon.example/\(id)",
                author: Author(handle: handle, name: "Quinn", followers: followers),
                analysis: Analysis(lang: "en", sentiment: .positive, score: 0.5, intents: []))
        }
        let early = quinn("early", "Quinn@social.example", followers: 10)
        let later = quinn("later", "quinn@social.example", followers: 9_000)
        try Store(dir: dir).record([.tag(mention: later.key, tags: ["Billing"])], actor: "bo", now: Self.now)
        XCTAssertNil(try index.catchUp().rebuiltBecause)
        try Store(dir: dir).ingest([early], now: Self.now)
        XCTAssertNil(try index.catchUp().rebuiltBecause)
        try Store(dir: dir).ingest([later], now: Self.now)
        XCTAssertNil(try index.catchUp().rebuiltBecause)
        let q = try index.personTallies(ofIdentities: ["mastodon:quinn@social.example"])
        XCTAssertEqual(q.map(\.identity.followers), [9_000])
        XCTAssertEqual(q.map(\.firstHandle), ["Quinn@social.example"])
        try assertTalliesAreTheFold(dir, index, "a late mention after its author's tail")

        // A tail left, then a catch-up large enough to load in bulk: the tail is counted first.
        _ = try Self.ingest(dir, count: 30, seed: 16, from: 264)
        XCTAssertNil(try index.catchUp().rebuiltBecause)
        XCTAssertGreaterThan(try rows("SELECT count(*) FROM mention WHERE person IS NULL"), 20)
        let fourth = try Self.ingest(dir, count: 400, seed: 17, from: 294)
        try Self.reanalyze(dir, fourth, seed: 18)
        index.bulkFromBytes = 0
        XCTAssertNil(try index.catchUp().rebuiltBecause)
        XCTAssertEqual(try rows("SELECT count(*) FROM mention WHERE person IS NULL"), 0, "counted in bulk")
        try assertTalliesAreTheFold(dir, index, "after a bulk load", tail: false)
    }

    func testTheIndexsTalliesGiveEveryPersonTheFoldsRoles() throws {
        let dir = makeTempDir("sbperson")
        defer { try? FileManager.default.removeItem(at: dir.root) }
        try FileIO.writeDocument(Self.teamJSON, to: dir.teamFile)
        let first = try Self.ingest(dir, count: 600, seed: 3, from: 0)
        try Self.reanalyze(dir, first, seed: 4)
        // Anna's three accounts are one person; Emil is a journalist by hand, Dora no critic.
        try Store(dir: dir).record(
            [
                .contact(
                    .merge(contact: "mastodon:anna@social.example", identities: ["bluesky:annab.bsky.social", "x:annax"])),
                .contact(.role(contact: "x:emil", add: ["journalist"], remove: [])),
                .contact(.role(contact: "bluesky:dora.bsky.social", add: [], remove: ["critic"])),
            ], actor: "alice", now: Self.now)
        let index = try HistoryIndex(dir: dir)
        try assertTalliesAreTheFold(dir, index, "first build")

        // Catch-ups: new mentions of known and new authors, re-analyses of old and new ones, a split.
        let second = try Self.ingest(dir, count: 300, seed: 5, from: 600)
        try Self.reanalyze(dir, first + second, seed: 6)
        let caught = try index.catchUp()
        XCTAssertNil(caught.rebuiltBecause)
        XCTAssertGreaterThan(caught.mentions, 250)
        try assertTalliesAreTheFold(dir, index, "after a catch-up")
        let third = try Self.ingest(dir, count: 40, seed: 7, from: 900)
        try Self.reanalyze(dir, third, seed: 8)
        try Store(dir: dir).record(
            [.contact(.split(contact: "mastodon:anna@social.example", identity: "x:annax"))], actor: "alice",
            now: Self.now)
        XCTAssertNil(try index.catchUp().rebuiltBecause)
        try assertTalliesAreTheFold(dir, index, "after a second catch-up")

        // A rebuild, then the logs compacted (the analyses folded into their mentions) and the index opened anew.
        XCTAssertEqual(try index.catchUp(rebuild: "asked to").rebuiltBecause, "asked to")
        try assertTalliesAreTheFold(dir, index, "after a rebuild")
        _ = try Store(dir: dir).compact()
        try assertTalliesAreTheFold(dir, try HistoryIndex(dir: dir), "after compact")

        // The first record's handle edited by hand (same length, `q` for its first letter): rebuilt, and the edit is
        // what it counts.
        let file = logFiles(dir, .mentions)[0]
        var bytes = Array(try Data(contentsOf: file))
        let marker = Array(#""handle":""#.utf8)
        let at = try XCTUnwrap((0..<(bytes.count - marker.count)).first { Array(bytes[$0..<$0 + marker.count]) == marker })
        let old = String(decoding: bytes[(at + marker.count)...].prefix { $0 != 34 }, as: UTF8.self)
        bytes[at + marker.count] = UInt8(ascii: "q")
        let fh = try FileHandle(forWritingTo: file)
        try fh.write(contentsOf: Data(bytes))
        try fh.close()
        let edited = try HistoryIndex(dir: dir)
        XCTAssertNotNil(edited.lastCatchUp.rebuiltBecause)
        let fold = Contacts(mentions: try Store(dir: dir, mode: .readOnly).mentions, events: [])
        let renamed = try XCTUnwrap(
            fold.all.flatMap(\.identities).first { $0.handle.lowercased() == "q" + old.dropFirst().lowercased() }, old)
        XCTAssertEqual(try edited.personTallies(ofIdentities: [renamed.key]).count, 1)
        try assertTalliesAreTheFold(dir, edited, "after a hand edit")
    }
}
