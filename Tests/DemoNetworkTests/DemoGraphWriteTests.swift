import DemoNetwork
import Foundation
import Listening
import SwitchboardCore
import XCTest

/// The demo's Graph writes (issue 16): a reply through the real Instagram and Facebook publishers, found again by the
/// lookup before a retry, and hide/delete through the real moderator, each in demo-network.jsonl.
final class DemoGraphWriteTests: XCTestCase {
    var dir: DataDirectory!
    var net: DemoNetwork!

    override func setUpWithError() throws {
        dir = DataDirectory(
            root: FileManager.default.temporaryDirectory.appendingPathComponent("sb-demowrite-\(UUID().uuidString)"))
        try Secrets.write("meta-secret", to: dir.root.appendingPathComponent("secrets/meta.token"))
        var accounts = DemoAccounts(mastodonToken: "m", blueskyPassword: "b")
        accounts.graphToken = "meta-secret"
        net = try DemoNetwork(accounts: accounts, logFile: dir.root.appendingPathComponent("demo-network.jsonl"))
    }

    override func tearDown() {
        net.stop()
        try? FileManager.default.removeItem(at: dir.root)
    }

    func source(_ type: String) -> SourceConfig {
        var c = SourceConfig(id: String(type.prefix(2)), type: type)
        (c.api, c.tokenFile) = (net.baseURL.absoluteString, "secrets/meta.token")
        if type == "instagram" {
            c.accountID = DemoNetwork.instagramAccount
        } else {
            c.pageID = DemoNetwork.facebookPage
        }
        return c
    }

    func testRepliesAndModerationGoThroughTheDemoNetwork() async throws {
        let (ig, fb, root) = (source("instagram"), source("facebook"), dir.root)
        let http = URLSessionHTTPClient(timeout: 5)

        let igPub = try XCTUnwrap(try Listener.publisher(for: ig, dataDir: dir, http: http) as? LookupBeforeRetry)
        let comment = ReplyRef(uri: "17900000000000201", rootURI: "17900000000000001", visibility: "comment")
        let draft = OutgoingPost(text: "Danke, Jana! Schön, dass es dir gefällt.", inReplyTo: comment)
        let posted = try await igPub.post(draft, idempotencyKey: "k")
        let found = try await igPub.findPosted(draft, since: Date().addingTimeInterval(-60))
        XCTAssertEqual(found?.id, posted.id, "the lookup finds the demo reply")

        let fbPub = try XCTUnwrap(try Listener.publisher(for: fb, dataDir: dir, http: http) as? LookupBeforeRetry)
        let fbDraft = OutgoingPost(
            text: "Ja, die EU-Region ist auch betroffen.", inReplyTo: ReplyRef(uri: "1_2", visibility: "comment"))
        let fbPosted = try await fbPub.post(fbDraft, idempotencyKey: "k")
        let fbFound = try await fbPub.findPosted(fbDraft, since: Date().addingTimeInterval(-60))
        XCTAssertEqual(fbFound?.id, fbPosted.id)

        let mod = try XCTUnwrap(try Listener.moderator(for: ig, dataDir: dir, http: http))
        try await mod.moderate(comment, .hide, reason: "Spam", ban: false)
        try await mod.moderate(comment, .delete, reason: nil, ban: false)
        let log = try Data(contentsOf: root.appendingPathComponent("demo-network.jsonl")).split(separator: 10).map {
            try JSONSerialization.jsonObject(with: Data($0)) as! [String: Any]
        }
        XCTAssertEqual(log.map { $0["outcome"] as? String }, ["created", "created", "hidden", "deleted"])
        XCTAssertEqual(net.accepted.map(\.network), ["instagram", "facebook"])
    }
}
