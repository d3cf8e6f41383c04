import Foundation
import ListenerServices
import Listening
import SwitchboardCore
import XCTest

/// The source factory builds every source type of team.json (each wrapped to analyse what it brings), nil for an
/// unknown type, and a clear error for a source it cannot build.
final class SourceFactoryTests: XCTestCase {
    func config(_ id: String, _ type: String, _ edit: (inout SourceConfig) -> Void = { _ in }) -> SourceConfig {
        var c = SourceConfig(id: id, type: type)
        edit(&c)
        return c
    }

    func testEverySourceTypeOfTheTeamIsBuiltAndAnalysed() throws {
        var team = ServiceFixture.team()
        team.sources = [
            config("masto", "mastodon") {
                $0.instance = "https://social.example"
                $0.tokenFile = "secrets/masto.token"
            },
            config("bsky", "bluesky") {
                $0.handle = "acme.bsky.social"
                $0.appPasswordFile = "secrets/bsky.pass"
            },
            config("blog", "rss") { $0.url = "https://acme.example/feed.xml" },
            config("atom", "atom") { $0.url = "https://acme.example/atom.xml" },
            config("inbox", "jsonl") { $0.path = "inbox" },
            config("demo", "replay") { $0.path = "replay.jsonl" },
        ]
        let dir = try ServiceFixture.dataDir(self, team: team)
        let make = SourceFactory.make(dir: dir)
        let raw = SourceFactory.makeRaw(dir: dir, http: URLSessionHTTPClient(timeout: 5))
        var built: [String: String] = [:]
        for c in team.sources {
            let s = try XCTUnwrap(try make(c), c.id)
            XCTAssertEqual(s.id, c.id)
            let analysing = try XCTUnwrap(s as? AnalysingSource, c.id)
            XCTAssertEqual(analysing.inner.id, c.id)
            built[c.id] = "\(type(of: analysing.inner))"
            XCTAssertEqual("\(type(of: try XCTUnwrap(try raw(c))))", built[c.id])
        }
        XCTAssertEqual(
            built,
            [
                "masto": "MastodonSource", "bsky": "BlueskySource", "blog": "RSSSource",
                "atom": "RSSSource", "inbox": "JSONLinesSource", "demo": "ReplaySource",
            ])
    }

    func testAnUnknownTypeIsNilAndABadSourceAClearError() throws {
        let dir = try ServiceFixture.dataDir(self)
        let make = SourceFactory.make(dir: dir)
        XCTAssertNil(try make(config("fax", "telefax")))
        XCTAssertThrowsError(try make(config("demo", "replay"))) { error in
            XCTAssertEqual("\(error)", "\(SourceError.configuration("source demo: a replay source needs a \"path\""))")
            guard case SourceError.configuration(let m) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(m, "source demo: a replay source needs a \"path\"")
        }
        XCTAssertThrowsError(try make(config("masto", "mastodon"))) { error in
            guard case SourceError.configuration(let m) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(m, "source masto: `instance` must be the server's address, like https://mastodon.social")
        }
        XCTAssertThrowsError(try make(config("bsky", "bluesky"))) { error in
            guard case SourceError.configuration(let m) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(m, "source bsky: `handle` is missing (like acme.bsky.social)")
        }
    }
}
