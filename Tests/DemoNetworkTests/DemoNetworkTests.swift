import DemoNetwork
import Foundation
import Listening
import SwitchboardCore
import XCTest

/// The demo's network, driven through the real connectors (publishers and sources) over loopback HTTP.
final class DemoNetworkTests: XCTestCase {
    var dir: DataDirectory!
    var network: DemoNetwork!

    override func setUpWithError() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sb-demonet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        dir = DataDirectory(root: root)
        try Secrets.write("masto-secret", to: root.appendingPathComponent("secrets/masto.token"))
        try Secrets.write("bsky-secret", to: root.appendingPathComponent("secrets/bsky.pass"))
        network = try startNetwork()
    }

    override func tearDownWithError() throws {
        network.stop()
        try? FileManager.default.removeItem(at: dir.root)
    }

    func startNetwork() throws -> DemoNetwork {
        try DemoNetwork(
            accounts: DemoAccounts(mastodonToken: "masto-secret", blueskyPassword: "bsky-secret"),
            logFile: dir.root.appendingPathComponent("demo-network.jsonl"))
    }

    var masto: SourceConfig {
        var c = SourceConfig(id: "masto", type: "mastodon")
        c.instance = network.baseURL.absoluteString
        c.tokenFile = "secrets/masto.token"
        return c
    }

    var bsky: SourceConfig {
        var c = SourceConfig(id: "bsky", type: "bluesky")
        c.service = network.baseURL.absoluteString
        c.handle = "acmecloud.bsky.social"
        c.appPasswordFile = "secrets/bsky.pass"
        return c
    }

    /// The lines of demo-network.jsonl, decoded.
    func log() throws -> [[String: Any]] {
        let d = try Data(contentsOf: dir.root.appendingPathComponent("demo-network.jsonl"))
        return try d.split(separator: 10).map { try JSONSerialization.jsonObject(with: Data($0)) as! [String: Any] }
    }

    func testTheSameIdempotencyKeyTwiceMakesOneStatus() async throws {
        let http = URLSessionHTTPClient(timeout: 5)
        let pub = try MastodonPublisher(config: masto, dataDir: dir, http: http)
        let reply = OutgoingPost(text: "Danke, Jürgen — wir schauen uns das an. ^JA", inReplyTo: ReplyRef(uri: "117"))
        let first = try await pub.post(reply, idempotencyKey: "sb-abc")
        let again = try await pub.post(reply, idempotencyKey: "sb-abc")
        XCTAssertEqual(first.id, again.id, "a retry with the same key answers the status made before")
        let other = try await pub.post(OutgoingPost(text: "Another post"), idempotencyKey: "sb-def")
        XCTAssertNotEqual(other.id, first.id)
        XCTAssertEqual(network.accepted.filter { $0.network == "mastodon" }.count, 2)
        XCTAssertEqual(try log().map { $0["outcome"] as? String }, ["created", "repeated", "created"])

        // The posts come back in the account's notifications, as the brand's own, with the reply's parent.
        let source = try MastodonSource(config: masto, dataDir: dir, http: http)
        let found = try await source.poll(cursor: [:]).mentions
        // After them the demo's one private message (issue 20), older than every post the demo makes.
        XCTAssertEqual(
            found.map(\.text),
            [
                "Another post", "Danke, Jürgen — wir schauen uns das an. ^JA",
                "@acmecloud Hallo! Meine Rechnungsnummer steht unten – bitte nicht öffentlich antworten. "
                    + "Warum wurde zweimal abgebucht?",
            ])
        XCTAssertEqual(found.map(\.isPrivate), [false, false, true])
        XCTAssertEqual(found[1].author?.handle, "@acmecloud@mastodon.social")
        XCTAssertEqual(found[1].inReplyTo, "117")
        XCTAssertEqual(found[2].author?.handle, "@jonas.schroeder@chaos.social")

        // A restarted endpoint still knows the key (it reloads demo-network.jsonl): still one status.
        network.stop()
        network = try startNetwork()
        let pub2 = try MastodonPublisher(config: masto, dataDir: dir, http: http)
        let third = try await pub2.post(reply, idempotencyKey: "sb-abc")
        XCTAssertEqual(third.id, first.id)
        XCTAssertEqual(network.accepted.filter { $0.network == "mastodon" }.count, 2)
    }

    func testAWrongTokenIsRefusedAndNothingIsPosted() async throws {
        let pub = MastodonPublisher(
            instance: network.baseURL, token: "wrong", http: URLSessionHTTPClient(timeout: 5))
        do {
            _ = try await pub.post(OutgoingPost(text: "hello"), idempotencyKey: "k1")
            XCTFail("posted with a wrong token")
        } catch {
            XCTAssertTrue("\(error)".contains("401"), "\(error)")
        }
        XCTAssertTrue(network.accepted.isEmpty)
    }

    func testBlueskyLogsInRepliesOnceAndTheReplyComesBack() async throws {
        let http = URLSessionHTTPClient(timeout: 5)
        let pub = try BlueskyPublisher(config: bsky, dataDir: dir, http: http)
        let parent = ReplyRef(
            uri: "at://did:plc:ztotjmmqfuxsq324aiintzag/app.bsky.feed.post/3n2pnbpxlxgiv", cid: "bafyreiparent")
        let reply = OutgoingPost(text: "Sorry about that, Daniel! ^MK", inReplyTo: parent)
        let first = try await pub.post(reply, idempotencyKey: "sb-xyz")
        let again = try await pub.post(reply, idempotencyKey: "sb-xyz")
        XCTAssertEqual(first.uri, again.uri, "the same record key is one post")
        XCTAssertEqual(network.accepted.count, 1)
        XCTAssertEqual(try log().map { $0["outcome"] as? String }, ["created", "repeated"])

        let source = try BlueskySource(config: bsky, dataDir: dir, http: http)
        let found = try await source.poll(cursor: [:]).mentions
        XCTAssertEqual(found.map(\.text), ["Sorry about that, Daniel! ^MK"])
        XCTAssertEqual(found.first?.author?.handle, "@acmecloud.bsky.social")
        XCTAssertEqual(found.first?.inReplyTo, parent.uri)
    }

    func testAWrongAppPasswordIsRefused() async throws {
        try Secrets.write("not-it", to: dir.root.appendingPathComponent("secrets/bsky.pass"))
        let pub = try BlueskyPublisher(config: bsky, dataDir: dir, http: URLSessionHTTPClient(timeout: 5))
        do {
            _ = try await pub.post(OutgoingPost(text: "hello"), idempotencyKey: "k1")
            XCTFail("posted with a wrong app password")
        } catch {
            XCTAssertTrue("\(error)".contains("refused the login"), "\(error)")
        }
        XCTAssertTrue(network.accepted.isEmpty)
    }
}
