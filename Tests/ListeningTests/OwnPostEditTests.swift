import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Taking back the brand's own posts (issue 20) against a loopback server: the Bluesky delete request, the log entry
/// with the deleted text, the post marked deleted; someone else's post and networks without the API are refused.
final class OwnPostEditTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    func testBlueskyDeleteRemovesTheRecordAndTheLogKeepsTheText() async throws {
        let dir = try blueskyDataDir()
        server.on("POST", "/xrpc/com.atproto.server.createSession", .json(BlueskyFixture.session(1)))
        server.on("POST", "/xrpc/com.atproto.repo.deleteRecord", .json("{}"))
        let uri = "at://did:plc:acme123/app.bsky.feed.post/3kacme"
        let store = try Store(dir: dir)
        let ours = Mention(
            platform: "bluesky", id: uri, text: "Größe 42 ist wieder da – schöne Grüße!", createdAt: Date(),
            author: Author(handle: "acme.bsky.social"), source: "bsky", reply: ReplyRef(uri: uri, cid: "bafyacme"))
        let theirs = Mention(
            platform: "bluesky", id: "at://did:plc:kunde/app.bsky.feed.post/3kx", text: "Wo bleibt meine Bestellung?",
            createdAt: Date(), author: Author(handle: "kunde.bsky.social"), source: "bsky")
        try store.ingest([ours, theirs])
        let team = TeamConfig(brand: .init(name: "Acme", terms: []), sources: [blueskyConfig(server)])
        let own = OwnAccounts(team: team)

        XCTAssertThrowsError(try OwnPosts.target(store: store, key: theirs.key, own: own)) { e in
            XCTAssertTrue("\(e)".contains("is not one of the brand's own posts"), "\(e)")
        }
        let t = try OwnPosts.target(store: store, key: ours.key, own: own)
        do {
            try await OwnPosts.edit(t, to: "neu", store: store, team: team, http: TestHTTPClient(), actor: "alice")
            XCTFail("Bluesky has no edit")
        } catch let e as PublishError {
            XCTAssertTrue(e.description.contains("Bluesky's API does not allow editing a post"), e.description)
        }
        let event = try await OwnPosts.delete(t, store: store, team: team, http: TestHTTPClient(), actor: "alice")

        let calls = server.requests.filter { !$0.path.hasSuffix("createSession") }
        XCTAssertEqual(calls.map(\.path), ["/xrpc/com.atproto.repo.deleteRecord"])
        let body = try JSONSerialization.jsonObject(with: calls[0].body) as? [String: String]
        XCTAssertEqual(body, ["repo": "did:plc:acme123", "collection": "app.bsky.feed.post", "rkey": "3kacme"])
        XCTAssertEqual(store.state(ours.key).moderated, .delete)
        XCTAssertEqual(event.action.typeName, "post_delete")
        XCTAssertEqual(event.action.summary, "deleted on bluesky: \"Größe 42 ist wieder da – schöne Grüße!\"")
        // Read back from the log by a fresh store: the post stays marked deleted.
        XCTAssertEqual(try Store(dir: dir).state(ours.key).moderated, .delete)
        XCTAssertThrowsError(try OwnPosts.target(store: store, key: ours.key, own: own), "deleted already")
    }
}
