import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Issue 20: X direct messages (API v2) as private mentions, answered into their conversation — never as a post —
/// exactly once although X takes no idempotency key.
final class XDirectMessageTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    let t0 = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15T08:00:00Z
    static let conversation = "100-1700000000000000777"
    static let jonas = "1700000000000000777"

    static func event(_ id: String, _ text: String, from sender: String, at: String, type: String = "MessageCreate")
        -> [String: Any]
    {
        [
            "id": id, "event_type": type, "text": text, "sender_id": sender, "created_at": at,
            "dm_conversation_id": conversation,
        ]
    }

    static func page(_ events: [[String: Any]], next: String? = nil) -> NetworkTestServer.Response {
        var meta: [String: Any] = ["result_count": events.count]
        if let next { meta["next_token"] = next }
        return .json(
            object: [
                "data": events, "meta": meta,
                "includes": [
                    "users": [
                        XFixture.user(jonas, "jonas_schroeder", "Jonas Schröder"), XFixture.user("100", "acme", "Acme"),
                    ]
                ],
            ])
    }

    func config() -> SourceConfig {
        var c = xConfig(server, mentions: false)
        c.directMessages = true
        return c
    }

    /// Behaves like X's direct messages: a conversation holding what was sent, the first answer optionally lost.
    final class FakeInbox: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var events: [[String: Any]]
        var dropNextAnswer = false
        init(_ events: [[String: Any]]) { self.events = events }
        func send(_ text: String, at: String) -> (id: String, drop: Bool) {
            lock.withLock {
                let id = "188000000000000010\(events.count)"
                events.insert(XDirectMessageTests.event(id, text, from: "100", at: at), at: 0)
                defer { dropNextAnswer = false }
                return (id, dropNextAnswer)
            }
        }
        var all: [[String: Any]] { lock.withLock { events } }
    }

    func serve(_ inbox: FakeInbox) {
        server.handle("GET", "/2/dm_events") { _ in XDirectMessageTests.page(inbox.all) }
        server.handle("GET", "/2/dm_conversations/\(Self.conversation)/dm_events") { _ in
            XDirectMessageTests.page(inbox.all)
        }
        server.handle("POST", "/2/dm_conversations/\(Self.conversation)/messages") { r in
            let (id, drop) = inbox.send(r.json?["text"] as? String ?? "", at: "2027-01-15T08:00:02.000Z")
            if drop {
                return NetworkTestServer.Response(
                    status: 201, headers: ["Content-Type": "application/json"], body: Data(count: 40), truncateAt: 0)
            }
            return .json(
                #"{"data":{"dm_conversation_id":"\#(Self.conversation)","dm_event_id":"\#(id)"}}"#, status: 201)
        }
        server.on("POST", "/2/tweets", .json(#"{"data":{"id":"1","text":"public!"}}"#, status: 201))
    }

    func testDirectMessagesBecomePrivateMentionsAndTheReplyGoesIntoTheConversationNeverAPost() async throws {
        let inbox = FakeInbox([
            Self.event(
                "1880000000000000003", "Meine Kundennummer: 4711 – bitte nicht öffentlich! Grüße aus Köln",
                from: Self.jonas, at: "2027-01-15T07:59:00.000Z"),
            Self.event("1880000000000000002", "our earlier answer", from: "100", at: "2027-01-15T07:58:00.000Z"),
            Self.event(
                "1880000000000000001", "", from: Self.jonas, at: "2027-01-15T07:50:00.000Z", type: "ParticipantsJoin"),
        ])
        serve(inbox)
        let dir = try xDataDir()
        let source = try XSource(config: config(), dataDir: dir, http: TestHTTPClient())
        let r = try await source.poll(cursor: [:])

        let get = try XCTUnwrap(server.requests("GET", "/2/dm_events").first)
        XCTAssertEqual(
            get.query("dm_event.fields"), "id,text,event_type,created_at,sender_id,dm_conversation_id,attachments")
        XCTAssertEqual(get.query("expansions"), "sender_id")
        XCTAssertEqual(get.query("user.fields"), "username,name")
        XCTAssertEqual(r.mentions.count, 1, "our own message and the join are no mentions")
        let m = try XCTUnwrap(r.mentions.first)
        XCTAssertTrue(m.isPrivate)
        XCTAssertEqual(m.id, "dm/1880000000000000003")
        XCTAssertEqual(m.text, "Meine Kundennummer: 4711 – bitte nicht öffentlich! Grüße aus Köln")
        XCTAssertEqual(m.author?.handle, "@jonas_schroeder")
        XCTAssertEqual(m.author?.name, "Jonas Schröder")
        XCTAssertEqual(m.url, "https://x.com/messages/\(Self.conversation)")
        XCTAssertEqual(r.cursor["dms"], "1880000000000000003")
        XCTAssertEqual(source.ledger.used(now: Date()), 3, "every event read is charged like a post")
        // Kept out of report texts (the mechanism every private message shares): counted, its words left out.
        let report = try Report.compute(
            mentions: [m], states: [:], events: [], team: TeamConfig(brand: .init(name: "Acme", terms: ["Acme"])),
            since: t0.addingTimeInterval(-86400), until: t0.addingTimeInterval(86400), now: t0)
        XCTAssertEqual(report.privateMessages, 1)
        XCTAssertFalse(report.text().contains("Kundennummer"), report.text())

        // The answer goes through the outbox into the conversation: never POST /2/tweets.
        let store = try Store(dir: dir)
        try store.ingest([m], now: t0)
        var team = TeamConfig(brand: .init(name: "Acme", terms: ["Acme"]))
        team.sources = [config()]
        let d = OutboxDraft.reply(
            to: store.mention(m.key)!, text: "Danke, Jonas – wir schicken die Rechnung privat.", delay: 0, now: t0)
        XCTAssertFalse(d.manual)
        try Outbox.queue(d, store: store, actor: "anna", now: t0)
        let sent = await OutboxSender(store: store, actor: "anna").sendDue(
            publisherFor: OutboxSender.publishers(team: team, dataDir: dir, http: TestHTTPClient()),
            now: t0.addingTimeInterval(1))
        guard case .sent(let ref)? = sent.first?.outcome else { return XCTFail("\(sent)") }
        XCTAssertEqual(ref.id, "1880000000000000103")
        let post = try XCTUnwrap(server.requests("POST", "/2/dm_conversations/\(Self.conversation)/messages").first)
        XCTAssertEqual(
            String(decoding: post.body, as: UTF8.self), #"{"text":"Danke, Jonas – wir schicken die Rechnung privat."}"#)
        XCTAssertEqual(post.header("authorization"), "Bearer x-access-1")
        XCTAssertTrue(server.requests("POST", "/2/tweets").isEmpty, "a private answer is never a public post")
        XCTAssertEqual(store.state(m.key).status, .answered)

        // The next poll: nothing newer than the cursor (our answer is ours).
        let again = try await source.poll(cursor: r.cursor)
        XCTAssertEqual(again.mentions.count, 0)
        XCTAssertEqual(again.cursor["dms"], "1880000000000000103")
    }

    func testALostAnswerIsLookedUpInTheConversationAndSentOnce() async throws {
        let inbox = FakeInbox([
            Self.event(
                "1880000000000000003", "Wo bleibt meine Erstattung?", from: Self.jonas, at: "2027-01-15T07:59:00.000Z")
        ])
        inbox.dropNextAnswer = true
        serve(inbox)
        let dir = try xDataDir()
        let store = try Store(dir: dir)
        let polled = try await XSource(config: config(), dataDir: dir, http: TestHTTPClient()).poll(cursor: [:])
        let m = try XCTUnwrap(polled.mentions.first)
        try store.ingest([m], now: t0)
        var team = TeamConfig(brand: .init(name: "Acme", terms: ["Acme"]))
        team.sources = [config()]
        let d = OutboxDraft.reply(to: store.mention(m.key)!, text: "Sie ist unterwegs – heute noch.", delay: 0, now: t0)
        try Outbox.queue(d, store: store, actor: "anna", now: t0)
        let sender = OutboxSender(store: store, actor: "anna")
        sender.backoff = Backoff(base: 5, cap: 5)
        let publishers = OutboxSender.publishers(team: team, dataDir: dir, http: TestHTTPClient())
        let first = await sender.sendDue(publisherFor: publishers, now: t0.addingTimeInterval(1))
        guard case .failed(_, let retry?)? = first.first?.outcome else { return XCTFail("\(first)") }
        let second = await sender.sendDue(publisherFor: publishers, now: retry)
        guard case .sent(let ref)? = second.first?.outcome else { return XCTFail("\(second)") }
        XCTAssertEqual(ref.id, "1880000000000000101", "the message the lost attempt sent")
        XCTAssertEqual(server.requests("POST", "/2/dm_conversations/\(Self.conversation)/messages").count, 1)
        let lookup = try XCTUnwrap(server.requests("GET", "/2/dm_conversations/\(Self.conversation)/dm_events").first)
        XCTAssertEqual(lookup.query("event_types"), "MessageCreate")
        XCTAssertTrue(server.requests("POST", "/2/tweets").isEmpty)
        XCTAssertTrue(server.requests("GET", "/2/users/100/tweets").isEmpty, "a message is not looked for among posts")
        XCTAssertEqual(store.state(m.key).replies.count, 1)
    }

    func testAnExpiredTokenAndAMissingScopeAreClearMessages() async throws {
        let dir = try xDataDir()
        server.on(
            "GET", "/2/dm_events",
            .json(#"{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}"#, status: 401))
        do {
            _ = try await XSource(config: config(), dataDir: dir, http: TestHTTPClient()).poll(cursor: [:])
            XCTFail("a refused token must stop the source")
        } catch SourceError.needsLogin(let why) {
            XCTAssertTrue(why.contains("expired or was revoked"), why)
        }
        server.on(
            "GET", "/2/dm_events",
            .json(
                #"{"title":"Forbidden","type":"about:blank","status":403,"detail":"Forbidden: missing scope dm.read"}"#,
                status: 403))
        do {
            _ = try await XSource(config: config(), dataDir: dir, http: TestHTTPClient()).poll(cursor: [:])
            XCTFail("a missing scope must stop the source")
        } catch SourceError.needsLogin(let why) {
            XCTAssertTrue(why.contains("the token needs the scopes dm.read dm.write"), why)
            XCTAssertTrue(why.contains("--direct-messages"), why)
        }
        // The person does not accept messages: a rejection with the reason, not a retry.
        let publisher = try XPublisher(config: config(), dataDir: dir, http: TestHTTPClient())
        server.on(
            "POST", "/2/dm_conversations/\(Self.conversation)/messages",
            .json(
                #"{"title":"Forbidden","type":"about:blank","status":403,"detail":"You are not permitted to send messages to this user."}"#,
                status: 403))
        let draft = OutgoingPost(text: "Hallo", inReplyTo: ReplyRef(uri: Self.conversation, visibility: "direct"))
        do {
            _ = try await publisher.post(draft, idempotencyKey: "k")
            XCTFail("refused")
        } catch PublishError.rejected(let why) {
            XCTAssertTrue(why.contains("does not let this account message the person"), why)
        }
    }

    func testADirectMessageCannotBeHiddenOrDeletedAndNothingIsAsked() async throws {
        let dir = try xDataDir()
        let mod = try XModerator(config: config(), dataDir: dir, http: TestHTTPClient())
        // A group conversation's id is all digits, like a post id: the kind of item decides, not the id's shape.
        for target in ["1585800614365339648", Self.conversation] {
            do {
                try await mod.moderate(ReplyRef(uri: target, visibility: "direct"), .hide, reason: nil, ban: false)
                XCTFail("hid a direct message")
            } catch PublishError.rejected(let why) {
                XCTAssertTrue(why.contains("no hide or delete for a direct message"), why)
            }
        }
        XCTAssertTrue(server.requests.isEmpty)
    }

    func testWithoutTheOptInNoMessageIsRead() async throws {
        serve(
            FakeInbox([Self.event("1880000000000000003", "privat", from: Self.jonas, at: "2027-01-15T07:59:00.000Z")]))
        server.on("GET", "/2/users/100/mentions", .json(XFixture.page([])))
        let r = try await XSource(config: xConfig(server), dataDir: try xDataDir(), http: TestHTTPClient())
            .poll(cursor: [:])
        XCTAssertTrue(r.mentions.isEmpty)
        XCTAssertTrue(server.requests("GET", "/2/dm_events").isEmpty, "direct_messages is off by default")
    }

    func testAMalformedAnswerIsAClearErrorAndLosesNothing() async throws {
        let dir = try xDataDir()
        server.on("GET", "/2/dm_events", .json(#"{"data":[{"id":"1880000000000000009","text":"Hal"#))
        do {
            _ = try await XSource(config: config(), dataDir: dir, http: TestHTTPClient())
                .poll(cursor: ["dms": "1880000000000000003"])
            XCTFail("a truncated page must not pass as empty")
        } catch let e as SourceError {
            XCTAssertTrue("\(e)".contains("x source xacme"), "\(e)")
        }
        server.on("GET", "/2/dm_events", .json(#"["not","a","page"]"#))
        do {
            _ = try await XSource(config: config(), dataDir: dir, http: TestHTTPClient()).poll(cursor: [:])
            XCTFail("an array is no page")
        } catch let e as SourceError {
            XCTAssertTrue("\(e)".contains("x source xacme"), "\(e)")
        }
    }

    func testALongPrivateAnswerGoesAsOneMessageNotAThread() throws {
        let text = String(repeating: "Das ist ein langer Satz über Ihre Rechnung. ", count: 12)
        let dm = Mention(
            platform: "x", id: "dm/1", text: "?", createdAt: t0, source: "xacme",
            reply: ReplyRef(uri: Self.conversation, visibility: "direct"))
        let public_ = Mention(
            platform: "x", id: "19", text: "?", createdAt: t0, source: "xacme", reply: ReplyRef(uri: "19"))
        XCTAssertGreaterThan(OutboxDraft.reply(to: public_, text: text, now: t0).threadParts().count, 1)
        XCTAssertEqual(
            OutboxDraft.reply(to: dm, text: text, now: t0).threadParts().count, 1,
            "a second part would answer the first message, not the conversation")
    }

    func testTheLoginAsksForTheMessageScopesOnlyWhenWanted() {
        let pkce = XOAuth.PKCE(verifier: String(repeating: "a", count: 43), state: "s")
        let plain = XOAuth.authorizeURL(clientID: "c", redirectURI: "http://127.0.0.1:8765/callback", pkce: pkce)
        let dms = XOAuth.authorizeURL(
            clientID: "c", redirectURI: "http://127.0.0.1:8765/callback", pkce: pkce, directMessages: true)
        func scope(_ u: URL) -> String? {
            URLComponents(url: u, resolvingAgainstBaseURL: false)?.queryItems?.first { $0.name == "scope" }?.value
        }
        XCTAssertEqual(scope(plain)?.contains("dm.read"), false)
        XCTAssertEqual(scope(dms), "tweet.read tweet.write users.read offline.access media.write dm.read dm.write")
    }

    /// The recorded direct message traffic (tweepy's cassettes): event pages become mentions, sends are understood.
    func testRecordedDirectMessagesAreUnderstood() async throws {
        guard let all = XRecordingsTests.recordings() else { throw XCTSkip("../shared/fixtures/x is not present") }
        let pages = all.filter { $0.endpoint.hasSuffix("dm_events") }
        let sends = all.filter { $0.endpoint == "POST /2/dm_conversations/:id/messages" }
        XCTAssertFalse(pages.isEmpty)
        XCTAssertFalse(sends.isEmpty)
        for rec in pages {
            let dir = try xDataDir()
            server.on("GET", "/2/dm_events", .json(rec.body))
            let r = try await XSource(config: config(), dataDir: dir, http: TestHTTPClient()).poll(cursor: [:])
            let obj = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(rec.body.utf8)) as? [String: Any])
            let data = obj["data"] as? [[String: Any]] ?? []
            XCTAssertEqual(r.mentions.map(\.id), data.map { "dm/" + ($0["id"] as! String) })
            XCTAssertEqual(r.mentions.map(\.text), data.map { $0["text"] as! String })
            XCTAssertTrue(r.mentions.allSatisfy(\.isPrivate))
        }
        for rec in sends {
            let dir = try xDataDir()
            server.on("POST", "/2/dm_conversations/\(Self.conversation)/messages", .json(rec.body, status: rec.status))
            let ref = try await XPublisher(config: config(), dataDir: dir, http: TestHTTPClient()).post(
                OutgoingPost(text: "Testing", inReplyTo: ReplyRef(uri: Self.conversation, visibility: "direct")),
                idempotencyKey: "k")
            let created = try XCTUnwrap(
                (try JSONSerialization.jsonObject(with: Data(rec.body.utf8)) as? [String: Any])?["data"]
                    as? [String: Any])
            XCTAssertEqual(ref.id, created["dm_event_id"] as? String)
        }
    }
}
