import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Moderation on Reddit over loopback HTTP: each kind's endpoint and exact form, and the refusals a person sees.
final class RedditModeratorTests: RedditTestCase {
    func testEachKindCallsItsEndpointWithTheExactForm() async throws {
        let mod = try moderator()
        let expected: [(ModerationKind, String, String)] = [
            (.remove, "/api/remove", "id=t1_c3&spam=false&api_type=json"),
            (.approve, "/api/approve", "id=t1_c3&api_type=json"),
            (.lock, "/api/lock", "id=t1_c3&api_type=json"),
            (.unlock, "/api/unlock", "id=t1_c3&api_type=json"),
            (.delete, "/api/del", "id=t1_c3&api_type=json"),
        ]
        for (kind, path, _) in expected { server.on("POST", path, .json("{}")) }
        for (kind, _, _) in expected { try await mod.moderate(ReplyRef(uri: "t1_c3"), kind, reason: nil, ban: false) }
        XCTAssertEqual(server.requests.map(\.path), expected.map(\.1))
        XCTAssertEqual(server.requests.map { String(decoding: $0.body, as: UTF8.self) }, expected.map(\.2))
        XCTAssertTrue(server.requests.allSatisfy { $0.header("authorization") == "bearer tok-1" })
    }

    func testNotAModeratorNamesTheAccountAndTheSubreddit() async throws {
        let mod = try moderator()
        server.on("POST", "/api/remove", .json(#"{"message": "Forbidden", "error": 403}"#, status: 403))
        server.on("GET", "/api/info", RedditFixture.listing([RedditFixture.comment("c3", body: "x", sub: "AcmeCloud")]))
        do {
            try await mod.moderate(ReplyRef(uri: "t1_c3"), .remove, reason: nil, ban: false)
            XCTFail("expected a refusal")
        } catch let e as PublishError {
            XCTAssertEqual(e, .rejected("u/acmecloud is not a moderator of r/AcmeCloud"))
        }
        XCTAssertEqual(server.requests("GET", "/api/info").first?.query("id"), "t1_c3")
    }

    func testUnsupportedKindsAndErrorsInTheBody() async throws {
        let mod = try moderator()
        do {
            try await mod.moderate(ReplyRef(uri: "t1_c3"), .mute, reason: nil, ban: false)
            XCTFail("expected a refusal")
        } catch let e as PublishError {
            XCTAssertEqual(
                e, .rejected("Reddit offers hide, unhide, remove, approve, lock, unlock and delete, not mute"))
        }
        server.on("POST", "/api/approve", RedditFixture.jsonError("USER_REQUIRED", "Please log in to do that."))
        do {
            try await mod.moderate(ReplyRef(uri: "t3_p1"), .approve, reason: nil, ban: false)
            XCTFail("expected needs login")
        } catch let e as PublishError {
            guard case .needsLogin = e else { return XCTFail("\(e)") }
        }
        XCTAssertEqual(server.requests.count, 1, "mute never reached the network")
    }

    /// Issue 20: hide and unhide from triage are a moderator's remove and approve, recorded with the reason; an
    /// account that does not moderate the subreddit gets a clear refusal and nothing is recorded.
    func testHideIsRemoveAndUnhideIsApproveRecordedWithTheirReasons() async throws {
        let dir = try redditDataDir()
        let store = try Store(dir: dir)
        let m = Mention(
            platform: "reddit", id: "t1_c3", text: "Kauft lieber bei Globex", createdAt: now,
            author: Author(handle: "spammer"), source: "rd", reply: ReplyRef(uri: "t1_c3"))
        try store.ingest([m])
        let team = TeamConfig(brand: .init(name: "Acme", terms: ["Acme"]), sources: [redditConfig(server)])
        let mods = Moderation.moderators(team: team, dataDir: dir, http: TestHTTPClient())
        server.on("POST", "/api/remove", .json("{}"))
        server.on("POST", "/api/approve", .json("{}"))
        try await Moderation.perform(
            store: store, key: m.key, kind: .hide, reason: "Werbung", actor: "alice", moderatorFor: mods)
        XCTAssertEqual(store.state(m.key).moderated, .hide)
        try await Moderation.perform(
            store: store, key: m.key, kind: .unhide, reason: "Irrtum", actor: "alice", moderatorFor: mods)
        XCTAssertEqual(server.requests.map(\.path), ["/api/remove", "/api/approve"])
        XCTAssertEqual(
            server.requests.map { String(decoding: $0.body, as: UTF8.self) },
            ["id=t1_c3&spam=false&api_type=json", "id=t1_c3&api_type=json"])
        XCTAssertEqual(
            store.state(m.key).moderation.map(\.line), ["hidden by alice: Werbung", "unhidden by alice: Irrtum"])
        XCTAssertNil(store.state(m.key).moderated)

        server.on("POST", "/api/remove", .json(#"{"message": "Forbidden", "error": 403}"#, status: 403))
        server.on("GET", "/api/info", RedditFixture.listing([RedditFixture.comment("c3", body: "x", sub: "Kochen")]))
        do {
            try await Moderation.perform(
                store: store, key: m.key, kind: .hide, reason: "Spam", actor: "alice", moderatorFor: mods)
            XCTFail("expected a refusal")
        } catch let e as ModerationError {
            XCTAssertEqual(e.description, "rejected: u/acmecloud is not a moderator of r/Kochen")
        }
        XCTAssertEqual(store.state(m.key).moderation.count, 2, "the refused hide is not recorded")
    }
}
