import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Hide and unhide a reply on Bluesky (issue 20) against a loopback PDS that keeps the thread gate: the reply's
/// AT-URI in `hiddenReplies` of the gate of the brand's root post (read with `getRecord`, written with `putRecord`
/// and `swapRecord`), the log entry with the reason, unhide as the undo; crisis reply controls and hiding keep each
/// other's part of the gate; a thread someone else started is refused with a clear error and nothing is recorded.
final class BlueskyHiddenReplyTests: XCTestCase {
    var server: NetworkTestServer!
    let pds = GatePDS()
    override func setUpWithError() throws {
        server = try NetworkTestServer()
        server.on("POST", "/xrpc/com.atproto.server.createSession", .json(BlueskyFixture.session(1)))
        let pds = self.pds
        server.handle("GET", "/xrpc/com.atproto.repo.getRecord") { pds.get($0) }
        server.handle("POST", "/xrpc/com.atproto.repo.putRecord") { pds.put($0) }
        server.handle("POST", "/xrpc/com.atproto.repo.deleteRecord") { pds.delete($0) }
    }
    override func tearDown() { server.stop() }

    static let root = "at://\(BlueskyFixture.did)/app.bsky.feed.post/3kroot"
    static let reply = "at://did:plc:troll42/app.bsky.feed.post/3ktroll"

    func body(_ r: NetworkTestServer.Request) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: r.body)) as? [String: Any] ?? [:]
    }

    func setUp(rootURI: String = root) throws -> (Store, Mention, Moderation.ModeratorFor) {
        let dir = try makeDataDir()
        try Secrets.write("abcd-efgh-ijkl-mnop", to: dir.root.appendingPathComponent("secrets/bsky.pass"))
        let store = try Store(dir: dir)
        let m = Mention(
            platform: "bluesky", id: Self.reply, text: "Eure Produkte sind Müll, kauft bei Globex!", createdAt: Date(),
            author: Author(handle: "troll.bsky.social"), source: "bsky",
            reply: ReplyRef(uri: Self.reply, cid: "bafytroll", rootURI: rootURI, rootCID: "bafyroot"))
        try store.ingest([m])
        let team = TeamConfig(brand: .init(name: "Acme", terms: []), sources: [blueskyConfig(server)])
        return (store, m, Moderation.moderators(team: team, dataDir: dir, http: TestHTTPClient()))
    }

    func testHideCreatesTheRootsGateAndUnhideTakesTheReplyOutAgain() async throws {
        let (store, m, mods) = try setUp()
        XCTAssertEqual(
            try Moderation.offered(m, moderatorFor: mods), [.hide, .unhide, .mute, .unmute, .block, .unblock, .report])
        try await Moderation.perform(
            store: store, key: m.key, kind: .hide, reason: "Werbung für Globex", actor: "alice", moderatorFor: mods)
        let calls = server.requests.filter { !$0.path.hasSuffix("createSession") }
        XCTAssertEqual(
            calls.map { $0.method + " " + $0.path },
            ["GET /xrpc/com.atproto.repo.getRecord", "POST /xrpc/com.atproto.repo.putRecord"])
        XCTAssertEqual(calls[0].query("repo"), BlueskyFixture.did)
        XCTAssertEqual(calls[0].query("collection"), "app.bsky.feed.threadgate")
        XCTAssertEqual(calls[0].query("rkey"), "3kroot", "the gate of the thread's root post")
        let put = body(calls[1])
        XCTAssertEqual(put["repo"] as? String, BlueskyFixture.did)
        XCTAssertEqual(put["rkey"] as? String, "3kroot")
        XCTAssertNil(put["swapRecord"], "a new gate: nothing to swap")
        let gate = try XCTUnwrap(put["record"] as? [String: Any])
        XCTAssertEqual(gate["$type"] as? String, "app.bsky.feed.threadgate")
        XCTAssertEqual(gate["post"] as? String, Self.root)
        XCTAssertEqual(gate["hiddenReplies"] as? [String], [Self.reply])
        XCTAssertNil(gate["allow"], "no allow rules: everyone may still reply")
        XCTAssertNotNil(gate["createdAt"])
        XCTAssertEqual(store.state(m.key).moderated, .hide)

        try await Moderation.perform(
            store: store, key: m.key, kind: .unhide, reason: "war doch Kritik", actor: "bob", moderatorFor: mods)
        let second = try XCTUnwrap(server.requests("POST", "/xrpc/com.atproto.repo.putRecord").last)
        XCTAssertEqual(body(second)["swapRecord"] as? String, "bafygate1", "only over the gate just read")
        XCTAssertEqual((body(second)["record"] as? [String: Any])?["hiddenReplies"] as? [String], [])
        XCTAssertEqual(pds.hidden, [])
        XCTAssertEqual(
            store.state(m.key).moderation.map(\.line),
            ["hidden by alice: Werbung für Globex", "unhidden by bob: war doch Kritik"])
        XCTAssertNil(store.state(m.key).moderated)
    }

    func testHidingKeepsTheCrisisRulesAndTheCrisisKeepsTheHiddenReplies() async throws {
        let (store, m, mods) = try setUp()
        let team = TeamConfig(brand: .init(name: "Acme", terms: []), sources: [blueskyConfig(server)])
        let publisher = try BlueskyPublisher(
            ConnectorSetup(config: team.sources[0], dataDir: store.dir, http: TestHTTPClient()))
        // A crisis closes replies to the root to people mentioned; then a reply is hidden.
        let first = try await publisher.restrict(postID: "3kroot", replies: "mentioned", quotes: true)
        try await Moderation.perform(
            store: store, key: m.key, kind: .hide, reason: "Spam", actor: "alice", moderatorFor: mods)
        XCTAssertEqual(pds.allow, ["app.bsky.feed.threadgate#mentionRule"], "hiding kept the crisis's rule")
        XCTAssertEqual(pds.hidden, [Self.reply])
        // The crisis gate again (another post's pass, a second run): the hidden reply stays hidden.
        _ = try await publisher.restrict(postID: "3kroot", replies: "following", quotes: true)
        XCTAssertEqual(pds.allow, ["app.bsky.feed.threadgate#followingRule"])
        XCTAssertEqual(pds.hidden, [Self.reply], "the crisis gate kept the hidden reply")
        // The crisis ends (what the post had before its first gate: none): everyone may reply again, the reply stays
        // hidden (a gate without rules); the quote gate, never set (quotes stayed open), is not touched.
        _ = try await publisher.restore(postID: "3kroot", previous: first.previous)
        XCTAssertTrue(pds.exists)
        XCTAssertNil(pds.allow, "no allow: everyone may reply")
        XCTAssertEqual(pds.hidden, [Self.reply])
        XCTAssertEqual(server.requests("POST", "/xrpc/com.atproto.repo.deleteRecord").count, 0)
    }

    func testAThreadSomeoneElseStartedIsRefusedAndNothingIsRecorded() async throws {
        let (store, m, mods) = try setUp(rootURI: "at://did:plc:kunde7/app.bsky.feed.post/3kother")
        do {
            try await Moderation.perform(
                store: store, key: m.key, kind: .hide, reason: nil, actor: "alice", moderatorFor: mods)
            XCTFail("expected a refusal")
        } catch let e as ModerationError {
            XCTAssertEqual(
                e.description,
                "Bluesky can hide replies only in threads that start with the account's own post; this "
                    + "thread starts with someone else's post: mute, block or report the author instead")
        }
        XCTAssertTrue(server.requests.allSatisfy { $0.path.hasSuffix("createSession") }, "nothing asked of the PDS")
        XCTAssertTrue(store.state(m.key).moderation.isEmpty)
    }

    func testAWriterInBetweenIsReadAgainNotOverwritten() async throws {
        let (store, m, mods) = try setUp()
        pds.seed(allow: ["app.bsky.feed.threadgate#followingRule"], hidden: ["at://did:plc:x/app.bsky.feed.post/1"])
        pds.raceOnce = ["at://did:plc:y/app.bsky.feed.post/2"]
        try await Moderation.perform(
            store: store, key: m.key, kind: .hide, reason: nil, actor: "alice", moderatorFor: mods)
        XCTAssertEqual(
            pds.hidden,
            ["at://did:plc:x/app.bsky.feed.post/1", "at://did:plc:y/app.bsky.feed.post/2", Self.reply])
        XCTAssertEqual(pds.allow, ["app.bsky.feed.threadgate#followingRule"])
        XCTAssertEqual(server.requests("GET", "/xrpc/com.atproto.repo.getRecord").count, 2)
    }
}

/// One thread gate record as a PDS keeps it: `getRecord` (400 `RecordNotFound` when there is none), `putRecord`
/// honouring `swapRecord` (400 `InvalidSwap`), `deleteRecord`. `raceOnce`: another writer hides these replies just
/// before the next put.
final class GatePDS: @unchecked Sendable {
    private let lock = NSLock()
    private var record: [String: Any]?
    private var version = 0
    var raceOnce: [String]? {
        get { lock.withLock { _race } }
        set { lock.withLock { _race = newValue } }
    }
    private var _race: [String]?

    var exists: Bool { lock.withLock { record != nil } }
    var hidden: [String]? { lock.withLock { record?["hiddenReplies"] as? [String] } }
    var allow: [String]? {
        lock.withLock { (record?["allow"] as? [[String: Any]])?.compactMap { $0["$type"] as? String } }
    }

    func seed(allow: [String], hidden: [String]) {
        lock.withLock {
            record = [
                "$type": "app.bsky.feed.threadgate", "post": BlueskyHiddenReplyTests.root,
                "createdAt": "2026-12-01T10:00:00.000Z", "allow": allow.map { ["$type": $0] }, "hiddenReplies": hidden,
            ]
            version += 1
        }
    }

    var cid: String { "bafygate\(version)" }

    static func json(_ o: Any, status: Int = 200) -> NetworkTestServer.Response {
        .json(String(decoding: try! JSONSerialization.data(withJSONObject: o), as: UTF8.self), status: status)
    }

    func get(_ r: NetworkTestServer.Request) -> NetworkTestServer.Response {
        lock.withLock {
            guard let record, r.query("collection") == "app.bsky.feed.threadgate" else {
                return Self.json(["error": "RecordNotFound", "message": "Could not locate record"], status: 400)
            }
            return Self.json(["uri": "at://x/app.bsky.feed.threadgate/3kroot", "cid": cid, "value": record])
        }
    }

    func put(_ r: NetworkTestServer.Request) -> NetworkTestServer.Response {
        let b = (try? JSONSerialization.jsonObject(with: r.body)) as? [String: Any] ?? [:]
        guard b["collection"] as? String == "app.bsky.feed.threadgate" else {
            return Self.json(["uri": "at://x/app.bsky.feed.postgate/3kroot", "cid": "bafypost"])
        }
        return lock.withLock {
            if let race = _race, var rec = record {
                _race = nil
                rec["hiddenReplies"] = (rec["hiddenReplies"] as? [String] ?? []) + race
                record = rec
                version += 1
            }
            if let swap = b["swapRecord"] as? String, swap != cid {
                return Self.json(["error": "InvalidSwap", "message": "Record was at \(cid)"], status: 400)
            }
            record = b["record"] as? [String: Any]
            version += 1
            return Self.json(["uri": "at://x/app.bsky.feed.threadgate/3kroot", "cid": cid])
        }
    }

    func delete(_ r: NetworkTestServer.Request) -> NetworkTestServer.Response {
        let b = (try? JSONSerialization.jsonObject(with: r.body)) as? [String: Any] ?? [:]
        if b["collection"] as? String == "app.bsky.feed.threadgate" { lock.withLock { record = nil } }
        return Self.json([String: Any]())
    }
}
