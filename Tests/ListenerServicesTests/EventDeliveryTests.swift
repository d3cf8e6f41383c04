import Foundation
import ListenerServices
import Listening
import SwitchboardCore
import TestSupport
import XCTest

/// Outgoing events against a webhook on 127.0.0.1: the receiver checks the HMAC-SHA256 signature and counts
/// deliveries; each event id arrives once, across passes and restarts; a failing endpoint is retried with backoff.
final class EventDeliveryTests: XCTestCase {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func team(_ sink: [String: JSONValue]) -> TeamConfig {
        var team = ServiceFixture.team()
        team.extra["events"] = .array([.object(sink)])
        return team
    }

    func secretFile(_ dir: DataDirectory, _ secret: String) throws -> String {
        try FileIO.makeDirectory(dir.secretsDir, mode: 0o700)
        let f = dir.secretsDir.appendingPathComponent("events-hmac")
        _ = FileManager.default.createFile(
            atPath: f.path, contents: Data(secret.utf8), attributes: [.posixPermissions: 0o600])
        return "secrets/events-hmac"
    }

    /// RFC 4231, test case 2: what any receiver computes.
    func testHMACMatchesTheRFCTestVector() {
        XCTAssertEqual(
            HMAC.sha256Hex(key: "Jefe", message: Data("what do ya want for nothing?".utf8)),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    func testSignedWebhookGetsEachEventOnceAcrossPassesAndRestarts() async throws {
        let server = try NetworkTestServer()
        server.on("POST", "/hooks/chat", .json("{}"))
        let dir = try ServiceFixture.dataDir(self)
        let secret = "s3cret-Schlüssel"
        try ServiceFixture.write(
            team([
                "name": .string("chat"), "url": .string(server.url("/hooks/chat").absoluteString),
                "secret_file": .string(try secretFile(dir, secret)),
                "on": .array([.string("claim"), .string("crisis_*")]),
            ]), to: dir)
        let store = try Store(dir: dir)
        let m = Mention(platform: "mastodon", id: "m1", text: "Wo bleibt mein Paket? Größe 42", createdAt: t0)
        _ = try store.ingest([m])
        // Before the sink existed: never sent.
        _ = try store.record([.note(mention: m.key, text: "old")], actor: "anna", now: t0.addingTimeInterval(-60))
        let delivery = EventDelivery(store: store, log: { _ in })
        _ = await delivery.pass(now: t0)
        XCTAssertEqual(server.requests.count, 0)

        let claim = try store.record([.claim(mention: m.key)], actor: "anna", now: t0.addingTimeInterval(1))[0]
        _ = try store.record([.tag(mention: m.key, tags: ["x"])], actor: "anna", now: t0.addingTimeInterval(2))
        let outcomes = await delivery.pass(now: t0.addingTimeInterval(3))
        XCTAssertEqual(outcomes.map(\.error), [nil])
        let posts = server.requests("POST", "/hooks/chat")
        XCTAssertEqual(posts.count, 1)
        let r = posts[0]
        XCTAssertEqual(r.header("X-Switchboard-Signature"), "sha256=" + HMAC.sha256Hex(key: secret, message: r.body))
        XCTAssertEqual(r.header("X-Switchboard-Event-Id"), claim.id)
        XCTAssertEqual(r.header("X-Switchboard-Event"), "claim")
        let json = try JSONSerialization.jsonObject(with: r.body) as! [String: Any]
        XCTAssertEqual(json["id"] as? String, claim.id)
        XCTAssertEqual(json["actor"] as? String, "anna")
        XCTAssertEqual((json["mention"] as? [String: Any])?["text"] as? String, "Wo bleibt mein Paket? Größe 42")

        // Again, and after a restart (a new store and a new delivery): nothing twice.
        _ = await delivery.pass(now: t0.addingTimeInterval(10))
        let restarted = EventDelivery(store: try Store(dir: dir), log: { _ in })
        _ = await restarted.pass(now: t0.addingTimeInterval(20))
        XCTAssertEqual(server.requests.count, 1)
    }

    func testFailingEndpointIsRetriedWithBackoffThenDeliveredOnce() async throws {
        let server = try NetworkTestServer()
        server.on(
            "POST", "/hook", .json(#"{"error":"down"}"#, status: 500), .json(#"{"error":"down"}"#, status: 502),
            .json("{}"))
        let dir = try ServiceFixture.dataDir(
            self,
            team: team([
                "name": .string("ops"), "url": .string(server.url("/hook").absoluteString),
                "format": .string("slack"), "on": .array([.string("*")]), "retry_seconds": .number(30),
            ]))
        let store = try Store(dir: dir)
        let log = LogLines()
        let delivery = EventDelivery(store: store, log: { log.append($0) })
        _ = await delivery.pass(now: t0)
        _ = try store.record([.queue(.suspendAll(reason: "Sturm"))], actor: "lea", now: t0.addingTimeInterval(1))
        let first = await delivery.pass(now: t0.addingTimeInterval(2))
        XCTAssertEqual(first.map(\.attempt), [1])
        XCTAssertEqual(first[0].error, #"HTTP 500: {"error":"down"}"#)
        XCTAssertTrue(log.all.last?.contains("to ops failed (attempt 1)") == true, "\(log.all)")
        // Not before the backoff (30 s), then again (502), then 60 s later delivered.
        _ = await delivery.pass(now: t0.addingTimeInterval(20))
        XCTAssertEqual(server.requests.count, 1)
        let second = await delivery.pass(now: t0.addingTimeInterval(33))
        XCTAssertEqual(second.map(\.attempt), [2])
        _ = await delivery.pass(now: t0.addingTimeInterval(60))
        XCTAssertEqual(server.requests.count, 2)
        let third = await EventDelivery(store: try Store(dir: dir), log: { _ in }).pass(now: t0.addingTimeInterval(100))
        XCTAssertEqual(third.map(\.error), [nil])
        _ = await delivery.pass(now: t0.addingTimeInterval(10_000))
        let posts = server.requests("POST", "/hook")
        XCTAssertEqual(posts.count, 3)
        XCTAssertEqual(Set(posts.map { $0.header("X-Switchboard-Event-Id") }).count, 1)
        XCTAssertEqual(posts.map { $0.header("X-Switchboard-Delivery-Attempt") }, ["1", "2", "3"])
        let body = try JSONSerialization.jsonObject(with: posts[2].body) as! [String: Any]
        XCTAssertEqual(body.keys.sorted(), ["text"])
        XCTAssertTrue((body["text"] as? String)?.hasPrefix("[Acme] lea: ") == true, "\(body)")
        XCTAssertTrue((body["text"] as? String)?.contains("Sturm") == true, "\(body)")
    }

    func testNewHighPriorityMentionGoesToACommandNormalOnesDoNot() async throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("sb-events-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: out) }
        let dir = try ServiceFixture.dataDir(
            self,
            team: team([
                "name": .string("pager"), "command": .string("cat >> '\(out.path)'; echo >> '\(out.path)'"),
                "on": .array([.string("mention_high")]),
            ]))
        let store = try Store(dir: dir)
        let delivery = EventDelivery(store: store, log: { _ in })
        _ = await delivery.pass(now: t0)
        let urgent = Mention(
            platform: "bluesky", id: "u1", text: "Euer Dienst ist seit Stunden down, ich kündige! \u{1B}[31m",
            createdAt: t0.addingTimeInterval(-7200), fetchedAt: t0.addingTimeInterval(1),
            author: Author(handle: "@grossekunde", followers: 1_000_000),
            analysis: Analysis(lang: "de", sentiment: .negative, score: -0.9, intents: [.crisis, .complaint]))
        let calm = Mention(
            platform: "bluesky", id: "c1", text: "Schönes Wetter", createdAt: t0, fetchedAt: t0.addingTimeInterval(1))
        _ = try store.ingest([urgent, calm])
        let outcomes = await delivery.pass(now: t0.addingTimeInterval(2))
        XCTAssertEqual(outcomes.map(\.event), ["mention:" + urgent.key])
        _ = await delivery.pass(now: t0.addingTimeInterval(3))
        let lines = try String(contentsOf: out, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 1)
        let json = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        XCTAssertEqual(json["type"] as? String, "mention_high")
        let mention = json["mention"] as? [String: Any]
        XCTAssertEqual(mention?["author"] as? String, "grossekunde")
        XCTAssertFalse((mention?["text"] as? String ?? "\u{1B}").contains("\u{1B}"), "escape sequences are removed")
    }

    func testProblemsInTheEventsSettingAreNamed() {
        var t = ServiceFixture.team()
        t.extra["events"] = .array([
            .object(["name": .string("a"), "url": .string("ftp://x"), "secert_file": .string("s")]),
            .object(["name": .string("b"), "format": .string("irc"), "command": .string("true")]),
        ])
        XCTAssertEqual(
            t.eventProblems,
            [
                #"event sink 1 ("a"): unknown field "secert_file" — did you mean "secret_file"?"#,
                #"event sink 1 ("a"): "url" must be an http:// or https:// address, not "ftp://x""#,
                #"event sink 2 ("b"): "format" must be one of json, slack, mattermost, matrix, not "irc""#,
            ])
    }
}
