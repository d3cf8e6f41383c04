import Foundation
import SwitchboardCore
import XCTest

@testable import Listening

/// Identifiers from a hostile server (status URIs, AT URIs, CIDs, reply ids) reach the log and the screen:
/// found by `Scripts/fuzz bluesky` (a NEL in an AT URI came through to the mention's id and URL).
final class NetworkIdentifierTests: XCTestCase {
    struct NoHTTP: HTTPClient {
        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            throw SourceError.transient("no network in this test")
        }
    }
    let dir = DataDirectory(root: FileManager.default.temporaryDirectory.appendingPathComponent("sb-ids-unused"))

    func unsafe(_ s: String?) -> Bool {
        s?.unicodeScalars.contains {
            $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
        } ?? false
    }

    func testBlueskyIdentifiersLoseControlsAndEscapes() throws {
        var c = SourceConfig(id: "b", type: "bluesky")
        c.handle = "acme.bsky.social"
        let source = try BlueskySource(config: c, dataDir: dir, http: NoHTTP())
        let page = #"""
            {"notifications":[{"uri":"at://did:plc:abc/app.bsky.feed.post/3k\u0085\u001b[2J","cid":"bafy\u009b31m","reason":"reply",
             "author":{"did":"did:plc:abc\u202e","handle":"ben.bsky.social"},"indexedAt":"2026-11-27T09:30:01.000Z",
             "record":{"text":"hi","createdAt":"2026-11-27T09:30:00.000Z",
              "reply":{"root":{"uri":"at://r\u0007","cid":"c\u0000"},"parent":{"uri":"at://p\u001b]52;c;aGk=\u0007","cid":"d"}}}}]}
            """#
        let m = try XCTUnwrap(try source.mentions(fromNotificationsPage: Data(page.utf8)).first)
        XCTAssertEqual(m.id, "at://did:plc:abc/app.bsky.feed.post/3k")
        XCTAssertEqual(m.url, "https://bsky.app/profile/ben.bsky.social/post/3k")
        XCTAssertEqual(m.inReplyTo, "at://p")
        XCTAssertEqual(m.threadRoot, "at://r")
        XCTAssertEqual(m.reply?.cid, "bafy")
        XCTAssertEqual(m.reply?.rootCID, "c")
        for s in [
            m.id, m.url, m.inReplyTo, m.threadRoot, m.reply?.uri, m.reply?.cid, m.reply?.rootURI, m.reply?.rootCID,
        ] {
            XCTAssertFalse(unsafe(s), String(describing: s))
        }
        if case .string(let did)? = m.extra?["did"] { XCTAssertEqual(did, "did:plc:abc") } else { XCTFail("no did") }
    }

    func testBlueskyRealIdentifiersStayExact() throws {
        var c = SourceConfig(id: "b", type: "bluesky")
        c.handle = "acme.bsky.social"
        let source = try BlueskySource(config: c, dataDir: dir, http: NoHTTP())
        let page =
            #"{"posts":[{"uri":"at://did:plc:ztotjmmqfuxsq324aiintzag/app.bsky.feed.post/3n2pnbpxlxgiv","cid":"bafyreib2rxk3rybk","author":{"did":"did:plc:x","handle":"a.bsky.social"},"indexedAt":"2026-11-27T09:30:01.000Z","record":{"text":"t","createdAt":"2026-11-27T09:30:00.000Z"}}]}"#
        let m = try XCTUnwrap(try source.mentions(fromSearchPage: Data(page.utf8)).first)
        XCTAssertEqual(m.id, "at://did:plc:ztotjmmqfuxsq324aiintzag/app.bsky.feed.post/3n2pnbpxlxgiv")
        XCTAssertEqual(m.reply?.cid, "bafyreib2rxk3rybk")
    }

    func testMastodonIdentifiersLoseControlsAndEscapes() throws {
        var c = SourceConfig(id: "m", type: "mastodon")
        c.instance = "https://social.example"
        let source = try MastodonSource(config: c, dataDir: dir, http: NoHTTP())
        let page = #"""
            [{"id":"9","type":"mention","created_at":"2026-11-27T09:30:00.000Z","account":{"id":"1","username":"anna","acct":"anna"},"status":{"id":"111\u001b[31m","uri":"https://social.example/users/anna/statuses/111\u0085",
              "created_at":"2026-11-27T09:30:00.000Z","content":"<p>hi</p>","visibility":"public\u009d","in_reply_to_id":"110\u202e",
              "account":{"id":"1","username":"anna","acct":"anna"}}}]
            """#
        let m = try XCTUnwrap(try source.mentions(fromNotificationsPage: Data(page.utf8)).first)
        XCTAssertEqual(m.id, "https://social.example/users/anna/statuses/111")
        XCTAssertEqual(m.inReplyTo, "110")
        XCTAssertEqual(m.reply?.uri, "111")
        XCTAssertEqual(m.reply?.visibility, "public")
    }
}
