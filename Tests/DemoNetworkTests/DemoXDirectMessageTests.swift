import DemoNetwork
import Foundation
import Listening
import SwitchboardCore
import XCTest

/// Issue 20: the demo's X account has a direct message from Jonas Schröder; its answer goes back into the
/// conversation (never a post) and is found again by the lookup before a retry.
extension DemoNetworkXTests {
    func testTheDemoHasAnXDirectMessageAndItsAnswerStaysInTheConversation() async throws {
        let http = URLSessionHTTPClient(timeout: 5)
        var c = config
        (c.mentions, c.directMessages) = (false, true)
        let src = try XSource(config: c, dataDir: dir, http: http)
        let r = try await src.poll(cursor: [:])
        let dm = try XCTUnwrap(r.mentions.first, "\(r.mentions)")
        XCTAssertTrue(dm.isPrivate)
        XCTAssertEqual(dm.author?.handle, "@jonas_schroeder")
        XCTAssertEqual(dm.author?.name, "Jonas Schröder")
        XCTAssertTrue(dm.text.contains("Kundennummer"), dm.text)

        let pub = try XPublisher(config: c, dataDir: dir, http: http)
        let d = OutboxDraft.reply(to: dm, text: "Hallo Jonas, die Rechnung kommt gleich per Nachricht.")
        let draft = OutgoingPost(text: d.text, inReplyTo: d.inReplyTo, visibility: d.visibility, createdAt: Date())
        let sent = try await pub.post(draft, idempotencyKey: "k-dm")
        XCTAssertEqual(network.accepted.map(\.network), ["x-dm"], "one message, no post")
        let found = try await pub.findPosted(draft, since: draft.createdAt.addingTimeInterval(-60))
        XCTAssertEqual(found?.id, sent.id, "the lookup before a retry finds the message")
        let again = try await src.poll(cursor: r.cursor)
        XCTAssertEqual(again.mentions.count, 0, "our answer is ours")
    }
}
