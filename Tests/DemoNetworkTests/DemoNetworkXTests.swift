import DemoNetwork
import Foundation
import Listening
import SwitchboardCore
import XCTest

/// The demo's X account through the real X connector: its mentions (English and German) arrive with authors and
/// the thread, a reply goes out once and is found again by the lookup before a retry, a wrong token is refused.
final class DemoNetworkXTests: XCTestCase {
    var dir: DataDirectory!
    var network: DemoNetwork!

    override func setUpWithError() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sb-demox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        dir = DataDirectory(root: root)
        try Secrets.write("x-demo-secret", to: root.appendingPathComponent("secrets/x.token"))
        var accounts = DemoAccounts(mastodonToken: "m", blueskyPassword: "b")
        accounts.xToken = "x-demo-secret"
        network = try DemoNetwork(accounts: accounts, logFile: root.appendingPathComponent("demo-network.jsonl"))
    }

    override func tearDownWithError() throws {
        network.stop()
        try? FileManager.default.removeItem(at: dir.root)
    }

    var config: SourceConfig {
        var c = SourceConfig(id: "xacme", type: "x")
        c.api = network.baseURL.absoluteString
        c.userID = "1600000000000000001"
        c.tokenFile = "secrets/x.token"
        c.monthlyReadBudget = 10000
        return c
    }

    func testMentionsArriveAndAReplyGoesOutOnce() async throws {
        let http = URLSessionHTTPClient(timeout: 5)
        let src = try XSource(config: config, dataDir: dir, http: http)
        let r = try await src.poll(cursor: [:])
        XCTAssertEqual(Set(r.mentions.compactMap(\.lang)), ["en", "de"])
        let kai = try XCTUnwrap(r.mentions.first { $0.author?.handle == "@kai_brandt" })
        XCTAssertTrue(kai.text.contains("Seit dem Update hängt der Export bei 99 %"), kai.text)
        XCTAssertEqual(kai.threadRoot, "1865000000000000100")
        XCTAssertEqual(kai.extra?["replied_to_author"], .string("@acmecloud"))
        XCTAssertEqual(r.mentions.first { $0.author?.handle == "@sarah_ops" }?.text.contains("& support"), true)
        let again = try await src.poll(cursor: r.cursor)
        XCTAssertEqual(again.mentions.count, 0, "nothing newer than since_id")
        XCTAssertEqual(src.ledger.used(now: Date()), r.mentions.count)

        let pub = try XPublisher(config: config, dataDir: dir, http: http)
        let draft = OutgoingPost(
            text: "@kai_brandt Danke! Der Fix kommt heute: https://status.acme.example/export",
            inReplyTo: kai.reply, createdAt: Date())
        let sent = try await pub.post(draft, idempotencyKey: "k1")
        let found = try await pub.findPosted(draft, since: draft.createdAt.addingTimeInterval(-60))
        XCTAssertEqual(found?.id, sent.id, "the lookup before a retry finds the post")
        XCTAssertEqual(network.accepted.filter { $0.network == "x" }.count, 1)

        do {
            _ = try await pub.post(OutgoingPost(text: "Hallo", inReplyTo: ReplyRef(uri: "1")), idempotencyKey: "k2")
            XCTFail("the parent does not exist")
        } catch let e as PublishError {
            XCTAssertTrue(e.description.contains("deleted or is not visible"), e.description)
        }
    }

    func testAWrongTokenNeedsLogin() async throws {
        try Secrets.write("wrong", to: dir.root.appendingPathComponent("secrets/x.token"))
        let src = try XSource(config: config, dataDir: dir, http: URLSessionHTTPClient(timeout: 5))
        do {
            _ = try await src.poll(cursor: [:])
            XCTFail("refused")
        } catch SourceError.needsLogin(let why) {
            XCTAssertTrue(why.contains("HTTP 401"), why)
        }
    }
}
