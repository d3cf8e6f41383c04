import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Hide and unhide a YouTube comment from triage (issue 20): `comments.setModerationStatus` with `heldForReview`
/// and `published`, each recorded with its reason, unhide undoing hide; a comment on another channel's video is
/// refused with a clear error and nothing is recorded.
final class YouTubeHideTests: YouTubeServerTestCase {
    let path = "/youtube/v3/comments/setModerationStatus"

    func setUp() throws -> (Store, Mention, Moderation.ModeratorFor) {
        let dir = try YouTubeFixture.dataDir(self)
        let store = try Store(dir: dir)
        let m = Mention(
            platform: "youtube", id: "T1.r1", text: "Billiger bei Globex, Link in meinem Profil", createdAt: Date(),
            author: Author(handle: "Jörg Weiß"), inReplyTo: "T1", threadRoot: "T1", source: "yt",
            reply: ReplyRef(uri: "T1.r1", rootURI: "T1"))
        try store.ingest([m])
        let team = TeamConfig(brand: .init(name: "Acme", terms: ["Acme"]), sources: [YouTubeFixture.config(server)])
        return (store, m, Moderation.moderators(team: team, dataDir: dir, http: TestHTTPClient()))
    }

    func testHideHoldsTheCommentForReviewAndUnhidePublishesItAgain() async throws {
        let (store, m, mods) = try setUp()
        server.on("POST", path, NetworkTestServer.Response(status: 204, body: Data()))
        XCTAssertEqual(
            try Moderation.offered(m, moderatorFor: mods), [.hide, .unhide, .hold, .approve, .reject, .delete])
        try await Moderation.perform(
            store: store, key: m.key, kind: .hide, reason: "Werbung", actor: "alice", moderatorFor: mods)
        XCTAssertEqual(store.state(m.key).moderated, .hide)
        try await Moderation.perform(
            store: store, key: m.key, kind: .unhide, reason: "doch in Ordnung", actor: "alice", moderatorFor: mods)
        let calls = server.requests("POST", path)
        XCTAssertEqual(
            calls.map(\.query), ["id=T1.r1&moderationStatus=heldForReview", "id=T1.r1&moderationStatus=published"])
        XCTAssertTrue(calls.allSatisfy { $0.header("authorization") == "Bearer ya29.token-yt" })
        XCTAssertEqual(
            store.state(m.key).moderation.map(\.line),
            ["hidden by alice: Werbung", "unhidden by alice: doch in Ordnung"])
        XCTAssertNil(store.state(m.key).moderated, "visible again")
    }

    func testACommentOnAnotherChannelsVideoIsRefusedClearly() async throws {
        let (store, m, mods) = try setUp()
        server.on("POST", path, YouTubeFixture.error(403, "forbidden", "The comment could not be moderated."))
        do {
            try await Moderation.perform(
                store: store, key: m.key, kind: .hide, reason: "Spam", actor: "alice", moderatorFor: mods)
            XCTFail("expected a refusal")
        } catch let e as ModerationError {
            XCTAssertTrue(
                e.description.hasPrefix(
                    "rejected: YouTube lets a channel hide only comments on its own videos; this comment is on "
                        + "another channel's video"), e.description)
        }
        XCTAssertTrue(store.state(m.key).moderation.isEmpty, "nothing recorded")
    }
}
