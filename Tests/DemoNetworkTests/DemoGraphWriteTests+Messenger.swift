import DemoNetwork
import Foundation
import Listening
import SwitchboardCore
import XCTest

/// Issue 20: the demo Page's Messenger inbox has a message from Jonas Schröder; the answer goes through the Send API
/// (never a comment) and is found again by the lookup before a retry.
extension DemoGraphWriteTests {
    func testTheDemoPageHasAMessengerMessageAnsweredThroughTheSendAPI() async throws {
        var fb = source("facebook")
        (fb.comments, fb.tagged, fb.visitorPosts, fb.directMessages) = (false, false, false, true)
        let http = URLSessionHTTPClient(timeout: 5)
        let r = try await FacebookSource(config: fb, dataDir: dir, http: http).poll(cursor: [:])
        let dm = try XCTUnwrap(r.mentions.first, "\(r.mentions)")
        XCTAssertTrue(dm.isPrivate)
        XCTAssertEqual(dm.author?.handle, "Jonas Schröder")
        XCTAssertTrue(dm.text.contains("Bestellung 4711"), dm.text)

        let pub = try FacebookPublisher(config: fb, dataDir: dir, http: http)
        let draft = OutgoingPost(
            text: "Das tut uns leid, Jonas – wir schicken Ersatz.", inReplyTo: dm.reply, createdAt: Date())
        let sent = try await pub.post(draft, idempotencyKey: "k-fb")
        XCTAssertEqual(net.accepted.map(\.network), ["facebook-dm"], "one message, no comment")
        let found = try await pub.findPosted(draft, since: draft.createdAt.addingTimeInterval(-60))
        XCTAssertEqual(found?.id, sent.id)
        let again = try await FacebookSource(config: fb, dataDir: dir, http: http).poll(cursor: r.cursor)
        XCTAssertEqual(again.mentions.count, 0, "our answer is ours")
    }
}
