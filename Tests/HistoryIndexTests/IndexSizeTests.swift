import Foundation
import HistoryIndex
import SwitchboardCore
import XCTest

/// Schema 12 keeps a value only where it differs from another column (`handle_lc` and `source` computed from
/// `handle_lower` and `source_other`; `person.first_handle` and `first_name` only when not the current handle and
/// name). What a user sees must not change: each case of "the same" and "different" reads back as it was written,
/// after a rebuild and after a catch-up.
final class IndexSizeTests: XCTestCase {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    static func mention(
        _ id: String, platform: String, handle: String, name: String?, source: String?, hours: Double
    ) -> Mention {
        Mention(
            platform: platform, id: id, text: "Acme \(id)", createdAt: now.addingTimeInterval(-hours * 3600),
            url: "https://\(platform).example/\(id)", author: Author(handle: handle, name: name), source: source)
    }

    /// Each identity's mentions in log order: the first handle or name differs from the last, or does not.
    static let mentions: [Mention] = [
        // No name at first, one later: the first name is "none" while the name is set.
        mention("a1", platform: "mastodon", handle: "zoe@social.example", name: nil, source: nil, hours: 9),
        mention("a2", platform: "mastodon", handle: "zoe@social.example", name: "Zoë", source: "Mastodon", hours: 8),
        // A name at first, none later.
        mention("b1", platform: "bluesky", handle: "bo.bsky.social", name: "Bo", source: "feed", hours: 7),
        mention("b2", platform: "bluesky", handle: "bo.bsky.social", name: nil, source: "bluesky", hours: 6),
        // The handle written in another case later, the name changed; an empty name.
        mention("c1", platform: "mastodon", handle: "Carla@Social.Example", name: "", source: "", hours: 5),
        mention("c2", platform: "mastodon", handle: "carla@social.example", name: "Carla G.", source: nil, hours: 4),
        // A handle whose folded bytes are not its lower case (accents, umlauts), and one of capitals only.
        mention("d1", platform: "x", handle: "Jürgen_Größe", name: "Jürgen", source: "Watch", hours: 3),
        mention("d2", platform: "x", handle: "ACME", name: "Acme", source: "x", hours: 2),
        mention("d3", platform: "reddit", handle: "@Zoë@Straße.example", name: "Zoë", source: "reddit", hours: 1),
    ]

    static let team = try! JSONDecoder().decode(
        TeamConfig.self,
        from: Data(#"{"brand": {"name": "Acme", "terms": ["acme"]}, "contacts": {"own_accounts": ["acme", "Jürgen_Größe"]}}"#.utf8))

    func testWhatIsKeptOnceReadsBackAsWritten() throws {
        for rebuild in [false, true] {
            let dir = makeTempDir("sbsize")
            let store = try Store(dir: dir)
            // Two ingests: the second is caught up (rows written one by one), the first built in bulk on a rebuild.
            try store.ingest(Array(IndexSizeTests.mentions.prefix(4)), now: IndexSizeTests.now)
            _ = try HistoryIndex(dir: dir)
            try store.ingest(Array(IndexSizeTests.mentions.dropFirst(4)), now: IndexSizeTests.now)
            let index = try HistoryIndex(dir: dir)
            if rebuild { try index.catchUp(rebuild: "test") }
            XCTAssertEqual(try index.mentionCount(), IndexSizeTests.mentions.count)

            // The authors' tallies equal the fold of their mentions as stored (first handle and name as first seen).
            let reference = try Store(dir: dir, mode: .readOnly)
            var expected: [String: PersonTally] = [:]
            for m in reference.mentions {
                let key = ContactIdentity.key(of: m)!
                if expected[key] == nil { expected[key] = PersonTally(first: m) } else { expected[key]!.add(m) }
            }
            XCTAssertEqual(expected.count, 6)
            for (key, tally) in expected {
                XCTAssertEqual(try index.personTallies(ofIdentities: [key]), [tally], "\(key), rebuild: \(rebuild)")
            }
            let zoe = try index.personTallies(ofIdentities: [ContactIdentity.key(of: IndexSizeTests.mentions[0])!])
            XCTAssertEqual(zoe.first?.firstName, nil)
            XCTAssertEqual(zoe.first?.identity.name, "Zoë")
            let carla = try index.personTallies(ofIdentities: [ContactIdentity.key(of: IndexSizeTests.mentions[4])!])
            XCTAssertEqual(carla.first?.firstHandle, "Carla@Social.Example")
            XCTAssertEqual(carla.first?.firstName, "")

            // `source:` and `is:own` (the computed columns) answer as the in-memory matcher does.
            let env = QueryEnvironment(me: "anna", now: IndexSizeTests.now, own: OwnAccounts(team: IndexSizeTests.team))
            let states = reference.states()
            for text in [
                "source:mastodon", "source:bluesky", "source:feed", "source:watch", "source:x", "source:reddit",
                "is:own", "-is:own", "from:jurgen", "from:zoe", "from:carla", "net:mastodon source:mastodon",
            ] {
                let q = try Query.parse(text)
                let want = Set(
                    QueryMatcher(q, environment: env).filter(reference.mentions, states: states).map {
                        reference.mentions[$0].key
                    })
                XCTAssertEqual(Set(try index.keys(matching: q, environment: env)), want, "\(text), rebuild: \(rebuild)")
            }
            // The ones that tell the cases apart find something.
            let own = try index.keys(matching: try Query.parse("is:own"), environment: env)
            XCTAssertEqual(Set(own).count, 2, "ACME and Jürgen_Größe")
            XCTAssertEqual(try index.keys(matching: try Query.parse("source:mastodon"), environment: env).count, 1)
            XCTAssertEqual(try index.keys(matching: try Query.parse("source:bluesky"), environment: env).count, 1)
        }
    }
}
