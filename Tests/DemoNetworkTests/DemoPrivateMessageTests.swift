import DemoNetwork
import Foundation
import Listening
import SwitchboardCore
import XCTest

/// Issue 20: the demo's network has one private message per network that has them, and answers them privately.
extension DemoNetworkTests {
    func testTheDemoHasABlueskyDirectMessageAndItsAnswerStaysInTheChat() async throws {
        let http = URLSessionHTTPClient(timeout: 5)
        var c = bsky
        c.directMessages = true
        let found = try await BlueskySource(config: c, dataDir: dir, http: http).poll(cursor: [:]).mentions
        let dm = try XCTUnwrap(found.first { $0.isPrivate }, "\(found.map(\.text))")
        XCTAssertEqual(dm.author?.handle, "@jonas-schroeder.bsky.social")
        XCTAssertEqual(dm.author?.name, "Jonas Schröder")

        let d = OutboxDraft.reply(to: dm, text: "Hallo Jonas, wir prüfen die doppelte Abbuchung.")
        _ = try await BlueskyPublisher(config: c, dataDir: dir, http: http).post(
            OutgoingPost(text: d.text, inReplyTo: d.inReplyTo, visibility: d.visibility), idempotencyKey: "k-dm")
        let sent = network.accepted
        XCTAssertEqual(sent.map(\.network), ["bluesky-chat"], "one chat message, no public post")
        XCTAssertEqual(sent.first?.visibility, "direct")
        // The answer is the account's own message: the next poll stores nothing new.
        let again = try await BlueskySource(config: c, dataDir: dir, http: http).poll(cursor: [:]).mentions
        XCTAssertEqual(again.filter(\.isPrivate).map(\.id), [dm.id])
    }

    func testTheDemoMastodonDirectMessageIsAnsweredAsADirectMessage() async throws {
        let http = URLSessionHTTPClient(timeout: 5)
        let found = try await MastodonSource(config: masto, dataDir: dir, http: http).poll(cursor: [:]).mentions
        let dm = try XCTUnwrap(found.first { $0.isPrivate })
        var d = OutboxDraft.reply(to: dm, text: "@jonas.schroeder@chaos.social Wir schauen nach.")
        d.visibility = "public"
        _ = try await MastodonPublisher(config: masto, dataDir: dir, http: http).post(
            OutgoingPost(text: d.text, inReplyTo: d.inReplyTo, visibility: d.visibility), idempotencyKey: "k-m")
        XCTAssertEqual(network.accepted.map(\.visibility), ["direct"])
    }
}
