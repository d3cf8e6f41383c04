import DemoNetwork
import Foundation
import Listening
import SwitchboardCore
import XCTest

/// The demo's Reddit, driven through the real Reddit connector: the seeded threads (English and German) as mentions,
/// an answer that joins the thread as the brand's comment, and the refusals Reddit sends in the body.
final class DemoRedditTests: XCTestCase {
    var dir: DataDirectory!
    var network: DemoNetwork!

    override func setUpWithError() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sb-demoreddit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        dir = DataDirectory(root: root)
        try Secrets.write("reddit-secret", to: root.appendingPathComponent("secrets/reddit.token"))
        var accounts = DemoAccounts(mastodonToken: "m", blueskyPassword: "b")
        accounts.redditToken = "reddit-secret"
        network = try DemoNetwork(accounts: accounts, logFile: root.appendingPathComponent("demo-network.jsonl"))
    }

    override func tearDownWithError() throws {
        network.stop()
        try? FileManager.default.removeItem(at: dir.root)
    }

    var reddit: SourceConfig {
        var c = SourceConfig(id: "reddit", type: "reddit")
        c.api = network.baseURL.absoluteString + "/reddit"
        (c.tokenFile, c.username, c.subreddits) = ("secrets/reddit.token", "acmecloud", ["acmecloud"])
        return c
    }

    func testTheThreadsArriveAndAnAnswerJoinsThemAsTheBrandsComment() async throws {
        let http = URLSessionHTTPClient(timeout: 5)
        let source = try RedditSource(config: reddit, dataDir: dir, http: http)
        let first = try await source.poll(cursor: [:])
        let ids = Set(first.mentions.map(\.id))
        XCTAssertEqual(
            ids, ["t3_dm1", "t3_dm2", "t1_dc1", "t1_dc2", "t1_dc4", "t1_dc5"], "the [removed] comment is none")
        let german = try XCTUnwrap(first.mentions.first { $0.id == "t1_dc4" })
        XCTAssertEqual(german.title, "Umzug von Dropbox zu Acme Cloud – Erfahrungen?")
        XCTAssertEqual(german.threadRoot, "t3_dm2")
        XCTAssertTrue(german.text.contains("Synchronisierung"))
        XCTAssertEqual(first.mentions.first { $0.id == "t1_dc5" }?.author?.handle, "[deleted]")
        XCTAssertEqual(first.mentions.first { $0.id == "t1_dc2" }?.extra?["via"], .string("mention"))

        let publisher = try RedditPublisher(config: reddit, dataDir: dir, http: http)
        let draft = OutgoingPost(
            text: "Hallo Matthias, bitte einmal ab- und wieder anmelden. ^MK", inReplyTo: ReplyRef(uri: "t1_dc4"))
        let ref = try await publisher.post(draft, idempotencyKey: "sb-1")
        let found = try await publisher.findPosted(draft, since: Date().addingTimeInterval(-60))
        XCTAssertEqual(found?.id, ref.id, "a retry's lookup finds the answer")
        let next = try await source.poll(cursor: first.cursor)
        XCTAssertEqual(next.mentions.map(\.id), [ref.id])
        XCTAssertEqual(next.mentions.first?.author?.handle, "acmecloud")
        XCTAssertEqual(next.mentions.first?.inReplyTo, "t1_dc4")

        do {
            _ = try await publisher.post(
                OutgoingPost(text: "Hallo?", inReplyTo: ReplyRef(uri: "t1_gone")), idempotencyKey: "sb-2")
            XCTFail("expected a refusal")
        } catch let e as PublishError {
            XCTAssertEqual(
                e, .rejected("the comment or post being answered was deleted (that comment has been deleted)"))
        }
    }

    /// The thread view in the demo: the post's comment page, each comment under its parent; an unknown post is a 404.
    func testTheThreadViewReadsAPostsCommentPage() async throws {
        let source = try RedditSource(config: reddit, dataDir: dir, http: URLSessionHTTPClient(timeout: 5))
        let first = try await source.poll(cursor: [:])
        let german = try XCTUnwrap(first.mentions.first { $0.id == "t1_dc4" })
        let all = try await source.conversation(of: german)
        XCTAssertEqual(all.first?.id, "t3_dm2")
        XCTAssertTrue(all.contains { $0.id == "t1_dc4" && $0.inReplyTo != nil })
        XCTAssertTrue(all.allSatisfy { $0.id == "t3_dm2" || $0.threadRoot == "t3_dm2" })
        var ghost = german
        ghost.threadRoot = "t3_nothere"
        do {
            _ = try await source.conversation(of: ghost)
            XCTFail("an unknown post is no thread")
        } catch {}
    }

    func testAWrongTokenNeedsLogin() async throws {
        try Secrets.write("wrong", to: dir.root.appendingPathComponent("secrets/reddit.token"))
        let source = try RedditSource(config: reddit, dataDir: dir, http: URLSessionHTTPClient(timeout: 5))
        do {
            _ = try await source.poll(cursor: [:])
            XCTFail("expected needs login")
        } catch SourceError.needsLogin(let why) {
            XCTAssertTrue(why.contains("reddit source reddit"), why)
        }
    }
}
