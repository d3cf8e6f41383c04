import Foundation
import HistoryIndex
import Insight
import SwitchboardCore
import XCTest

/// Issue 18: the crisis chart's 15-minute slots (`crisisBuckets`, a `GROUP BY` in SQL) and the trends' rising words
/// (`rising`, from the topic words the index keeps) equal the workbench's in-memory ones (`CrisisReport.buckets`,
/// `Trends.rising` over the folded store) — German words, hashtags, own posts and private messages included.
final class SlotsThroughIndexTests: XCTestCase {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    /// 900 mentions over 20 days, a burst of „#Störung“ and „Ausfall Straße“ complaints in the last hour, own posts
    /// (which the trends leave out) and private messages (whose words the index does not keep).
    static func makeStore() throws -> (DataDirectory, Store) {
        var rng = QuerySQLDifferentialTests.Rng(s: 0x5107)
        let dir = makeTempDir("sbslots")
        let store = try Store(dir: dir)
        let background = [
            "Kaffee bestellt", "Lieferung pünktlich", "great coffee again", "Größe passt", "app login ok",
        ]
        let burst = ["#Störung seit heute früh", "Ausfall in der Straße, #Störung", "Totalausfall, nichts geht"]
        var mentions: [Mention] = []
        for i in 0..<900 {
            let recent = i % 5 == 0
            let at = now.addingTimeInterval(
                recent ? -Double(rng.int(3600)) : -Double(rng.int(20 * 86400)))
            var m = Mention(
                platform: rng.pick(["mastodon", "bluesky", "Bluesky", "x"]), id: "\(i)",
                text: recent ? rng.pick(burst) : rng.pick(background), createdAt: at,
                author: Author(handle: rng.pick(["anna@example.social", "acme@mastodon.social", "bo", "jörg"])),
                analysis: rng.chance(0.8)
                    ? Analysis(
                        lang: "de", sentiment: rng.pick([.negative, .neutral, .positive]), score: 0, intents: [])
                    : nil)
            if rng.chance(0.1) { m.extra = ["private": .bool(true)] }
            mentions.append(m)
        }
        // Exactly on a slot's edge and at `now`.
        mentions.append(
            Mention(
                platform: "mastodon", id: "edge", text: "#Störung edge",
                createdAt: Date(timeIntervalSince1970: 1_789_999_200)))
        try store.ingest(mentions, now: now)
        return (dir, store)
    }

    static func team() throws -> TeamConfig {
        try JSONDecoder().decode(
            TeamConfig.self, from: Data(#"{"brand": {"name": "Acme", "terms": ["@acme", "kaffee"]}}"#.utf8))
    }

    func testCrisisSlotsEqualTheInMemoryChart() throws {
        let (dir, store) = try Self.makeStore()
        let index = try HistoryIndex(dir: dir)
        let now = Self.now
        for (from, to) in [
            (now.addingTimeInterval(-3600 * 3), now), (now.addingTimeInterval(-86400 * 2 - 450), now),
            (now.addingTimeInterval(-86400 * 30), now), (now.addingTimeInterval(-7200), now.addingTimeInterval(-1800)),
        ] {
            let memory = CrisisReport.buckets(store.mentions, from: from, to: to)
            let sql = try index.crisisBuckets(from: from, to: to)
            XCTAssertEqual(sql, memory, "\(from) … \(to)")
            XCTAssertGreaterThan(sql.reduce(0) { $0 + $1.total }, 0)
        }
    }

    func testRisingTermsEqualTheInMemoryTrends() throws {
        let (dir, store) = try Self.makeStore()
        let index = try HistoryIndex(dir: dir)
        let team = try Self.team()
        let own = OwnAccounts(team: team)
        let exclude = ["acme", "#acme", "@acme", "kaffee", "#kaffee", "@kaffee"]
        for now in [Self.now, Self.now.addingTimeInterval(-1800), Self.now.addingTimeInterval(86400)] {
            let recent = store.mentions.filter {
                $0.createdAt >= now.addingTimeInterval(-25 * 3600) && !own.contains($0)
            }
            let memory = Trends.rising(mentions: recent, now: now, exclude: exclude)
            let sql = try index.rising(now: now, own: own, exclude: exclude)
            XCTAssertEqual(sql, memory, "\(now)")
            if now == Self.now { XCTAssertTrue(sql.contains { $0.term == "#störung" }, "\(sql)") }
        }
    }
}
