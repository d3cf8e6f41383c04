import DemoNetwork
import Foundation
import Listening
import SwitchboardCore
import XCTest

/// Issue 20: the demo Page's Messenger inbox has a message from Jonas Schröder; the answer goes through the Send API
/// (never a comment) and is found again by the lookup before a retry.
final class DemoMessengerTests: XCTestCase {
    func testTheDemoPageHasAMessengerMessageAnsweredThroughTheSendAPI() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sb-demofb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        try Secrets.write("meta-secret", to: root.appendingPathComponent("secrets/meta.token"))
        var accounts = DemoAccounts(mastodonToken: "m", blueskyPassword: "b")
        accounts.graphToken = "meta-secret"
        let net = try DemoNetwork(accounts: accounts, logFile: root.appendingPathComponent("demo-network.jsonl"))
        addTeardownBlock { net.stop() }
        var fb = SourceConfig(id: "fb", type: "facebook")
        (fb.api, fb.pageID, fb.tokenFile) = (net.baseURL.absoluteString, DemoNetwork.facebookPage, "secrets/meta.token")
        (fb.comments, fb.tagged, fb.visitorPosts, fb.directMessages) = (false, false, false, true)
        let dir = DataDirectory(root: root)
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
