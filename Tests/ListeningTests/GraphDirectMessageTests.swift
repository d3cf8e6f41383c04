import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Issue 20: Facebook Page (Messenger) and Instagram messages as private mentions, answered through the Send API
/// within Meta's 24-hour window, exactly once although the Send API takes no idempotency key.
final class GraphDirectMessageTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    static let page = "19292868552", person = "6123456789012345", convo = "t_587956915396498"
    let clock: @Sendable () -> Date = { GraphFixture.now }

    static func message(_ id: String, _ text: String, from: String, name: String, at: String) -> [String: Any] {
        ["id": id, "message": text, "from": ["id": from, "name": name], "created_time": at]
    }

    /// The conversation's messages, newest first: what the person wrote, what the Page answered.
    final class FakeInbox: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [[String: Any]]
        var dropNextAnswer = false
        init(_ items: [[String: Any]]) { self.items = items }
        var all: [[String: Any]] { lock.withLock { items } }
        func send(_ text: String) -> (id: String, drop: Bool) {
            lock.withLock {
                let id = "m_answer\(items.count)"
                items.insert(
                    GraphDirectMessageTests.message(
                        id, text, from: GraphDirectMessageTests.page, name: "Acme", at: "2030-03-17T17:46:41+0000"),
                    at: 0)
                defer { dropNextAnswer = false }
                return (id, dropNextAnswer)
            }
        }
    }

    func serve(_ inbox: FakeInbox, owner: String = page, sendStatus: Int = 200) {
        server.handle("GET", "/v24.0/\(owner)/conversations") { _ in
            .json(object: [
                "data": [
                    [
                        "id": GraphDirectMessageTests.convo, "updated_time": "2030-03-17T17:40:00+0000",
                        "messages": ["data": inbox.all],
                    ]
                ]
            ])
        }
        server.handle("GET", "/v24.0/\(Self.convo)") { _ in
            .json(object: ["id": GraphDirectMessageTests.convo, "messages": ["data": inbox.all]])
        }
        server.handle("POST", "/v24.0/\(owner)/messages") { r in
            let form = GraphFixture.form(r)
            let message =
                (try? JSONSerialization.jsonObject(with: Data((form["message"] ?? "").utf8))) as? [String: Any]
            let (id, drop) = inbox.send(message?["text"] as? String ?? "")
            if drop {
                return NetworkTestServer.Response(
                    status: 200, headers: ["Content-Type": "application/json"], body: Data(count: 40), truncateAt: 0)
            }
            return .json(object: ["recipient_id": GraphDirectMessageTests.person, "message_id": id])
        }
    }

    func config(_ type: String = "facebook") -> SourceConfig {
        var c = GraphFixture.config(type, server)
        c.directMessages = true
        (c.comments, c.tagged, c.visitorPosts, c.mentions) = (false, false, false, false)
        return c
    }

    func testMessengerMessagesBecomePrivateMentionsAndTheAnswerGoesThroughTheSendAPIOnly() async throws {
        let inbox = FakeInbox([
            Self.message(
                "m_2", "Meine Bestellnummer ist 0815 – bitte nicht öffentlich. Grüße, Jörg", from: Self.person,
                name: "Jörg Weiß", at: "2030-03-17T17:40:00+0000"),
            Self.message(
                "m_1", "Hallo! Wie können wir helfen?", from: Self.page, name: "Acme", at: "2030-03-17T17:30:00+0000"),
        ])
        serve(inbox)
        let dir = try GraphFixture.dataDir(self)
        let r = try await FacebookSource(config: config(), dataDir: dir, http: TestHTTPClient(), now: clock)
            .poll(cursor: [:])
        let get = try XCTUnwrap(server.requests("GET", "/v24.0/\(Self.page)/conversations").first)
        XCTAssertEqual(get.query("platform"), "messenger")
        XCTAssertEqual(get.query("fields"), "id,updated_time,messages.limit(25){id,message,from,created_time}")
        XCTAssertEqual(r.mentions.count, 1, "the Page's own message is no mention")
        let m = try XCTUnwrap(r.mentions.first)
        XCTAssertEqual(
            [m.id, m.text, m.author?.handle, m.isPrivate ? "🔒" : "public"],
            ["dm/m_2", "Meine Bestellnummer ist 0815 – bitte nicht öffentlich. Grüße, Jörg", "Jörg Weiß", "🔒"])
        XCTAssertEqual(r.cursor["messages"], "2030-03-17T17:40:00Z")

        let publisher = try FacebookPublisher(config: config(), dataDir: dir, http: TestHTTPClient(), now: clock)
        let d = OutboxDraft.reply(to: m, text: "Danke, Jörg – wir melden uns hier.", delay: 0, now: GraphFixture.now)
        let ref = try await publisher.post(
            OutgoingPost(text: d.text, inReplyTo: d.inReplyTo, visibility: d.visibility), idempotencyKey: "k")
        XCTAssertEqual(ref.id, "m_answer2")
        let sent = try XCTUnwrap(server.requests("POST", "/v24.0/\(Self.page)/messages").first)
        let form = GraphFixture.form(sent)
        XCTAssertEqual(form["recipient"], #"{"id":"6123456789012345"}"#)
        XCTAssertEqual(form["messaging_type"], "RESPONSE")
        XCTAssertEqual(form["message"], #"{"text":"Danke, Jörg – wir melden uns hier."}"#)
        XCTAssertNil(form["tag"], "no message tags")
        XCTAssertEqual(
            server.requests.filter { $0.method == "POST" }.map(\.path), ["/v24.0/\(Self.page)/messages"],
            "never a comment or a post")

        let again = try await FacebookSource(config: config(), dataDir: dir, http: TestHTTPClient(), now: clock)
            .poll(cursor: r.cursor)
        XCTAssertEqual(again.mentions.count, 0, "our answer is ours; the person's message was seen")
    }

    func testInstagramMessagesGoThroughTheLinkedPage() async throws {
        let inbox = FakeInbox([
            [
                "id": "aWdfZAG06", "message": "Ist die Jacke in Größe M wieder da?",
                "from": ["id": "17841400000000077", "username": "lena.groessmann"],
                "created_time": "2030-03-17T17:40:00+0000",
            ]
        ])
        serve(inbox)
        let dir = try GraphFixture.dataDir(self)
        var c = config("instagram")
        do {
            _ = try await InstagramSource(config: c, dataDir: dir, http: TestHTTPClient(), now: clock).poll(cursor: [:])
            XCTFail("Instagram messages with Facebook Login need the Page")
        } catch SourceError.configuration(let why) {
            XCTAssertTrue(why.contains("set `page_id`"), why)
        }
        c.pageID = Self.page
        let r = try await InstagramSource(config: c, dataDir: dir, http: TestHTTPClient(), now: clock).poll(cursor: [:])
        XCTAssertEqual(server.requests("GET", "/v24.0/\(Self.page)/conversations").last?.query("platform"), "instagram")
        let m = try XCTUnwrap(r.mentions.first)
        XCTAssertEqual(m.author?.handle, "lena.groessmann")
        XCTAssertEqual(m.author?.url, "https://www.instagram.com/lena.groessmann/")
        XCTAssertTrue(m.isPrivate)
        let publisher = try InstagramPublisher(config: c, dataDir: dir, http: TestHTTPClient(), now: clock)
        _ = try await publisher.post(
            OutgoingPost(text: "Ja, seit heute! 🧥", inReplyTo: m.reply), idempotencyKey: "k")
        let form = GraphFixture.form(try XCTUnwrap(server.requests("POST", "/v24.0/\(Self.page)/messages").first))
        XCTAssertEqual(form["recipient"], #"{"id":"17841400000000077"}"#)
        XCTAssertEqual(form["message"], #"{"text":"Ja, seit heute! 🧥"}"#)
        do {
            _ = try await publisher.post(
                OutgoingPost(text: String(repeating: "ü", count: 501), inReplyTo: m.reply), idempotencyKey: "k2")
            XCTFail("too long")
        } catch PublishError.rejected(let why) {
            XCTAssertTrue(why.contains("1,000 bytes"), why)
        }
    }

    func testInstagramLoginReadsAndAnswersAsTheAccountItself() async throws {
        let account = "1784100"
        serve(
            FakeInbox([
                Self.message(
                    "aWdf01", "Habt ihr Größe M?", from: "17841400000000077", name: "Lena",
                    at: "2030-03-17T17:40:00+0000")
            ]), owner: account)
        let dir = try GraphFixture.dataDir(self, token: "IGQVJ-instagram-login-token")
        let c = config("instagram")
        let r = try await InstagramSource(config: c, dataDir: dir, http: TestHTTPClient(), now: clock).poll(cursor: [:])
        XCTAssertEqual(r.mentions.map(\.platform), ["instagram"])
        _ = try await InstagramPublisher(config: c, dataDir: dir, http: TestHTTPClient(), now: clock).post(
            OutgoingPost(text: "Ja!", inReplyTo: r.mentions.first?.reply), idempotencyKey: "k")
        XCTAssertEqual(server.requests("POST", "/v24.0/\(account)/messages").count, 1)
    }

    func testOutsideTheTwentyFourHourWindowTheAnswerIsRefusedWithoutSending() async throws {
        serve(
            FakeInbox([
                Self.message("m_old", "Hallo?", from: Self.person, name: "Jörg Weiß", at: "2030-03-16T12:00:00+0000")
            ]))
        let dir = try GraphFixture.dataDir(self)
        let publisher = try FacebookPublisher(config: config(), dataDir: dir, http: TestHTTPClient(), now: clock)
        let ref = ReplyRef(uri: Self.convo, rootURI: Self.person, visibility: "direct")
        do {
            _ = try await publisher.post(OutgoingPost(text: "Spät, aber: danke!", inReplyTo: ref), idempotencyKey: "k")
            XCTFail("sent outside the window")
        } catch PublishError.rejected(let why) {
            XCTAssertTrue(why.contains("within 24 hours of the person's last message"), why)
            XCTAssertTrue(why.contains("2030-03-16T12:00:00Z"), why)
        }
        XCTAssertTrue(server.requests("POST", "/v24.0/\(Self.page)/messages").isEmpty)

        // Meta's own refusal (the window closed between the check and the send) reads the same way.
        serve(
            FakeInbox([
                Self.message("m_new", "Hallo?", from: Self.person, name: "Jörg Weiß", at: "2030-03-17T17:00:00+0000")
            ]))
        server.handle("POST", "/v24.0/\(Self.page)/messages") { _ in
            GraphFixture.error(10, subcode: 2_018_278, message: "(#10) This message is sent outside of allowed window.")
        }
        do {
            _ = try await publisher.post(OutgoingPost(text: "Danke!", inReplyTo: ref), idempotencyKey: "k")
            XCTFail("refused by Meta")
        } catch PublishError.rejected(let why) {
            XCTAssertTrue(why.contains("24-hour window"), why)
        }
    }

    func testALostAnswerIsLookedUpInTheConversationAndSentOnce() async throws {
        let inbox = FakeInbox([
            Self.message(
                "m_2", "Wo ist mein Paket?", from: Self.person, name: "Jörg Weiß", at: "2030-03-17T17:40:00+0000")
        ])
        inbox.dropNextAnswer = true
        serve(inbox)
        let dir = try GraphFixture.dataDir(self)
        let polled = try await FacebookSource(config: config(), dataDir: dir, http: TestHTTPClient(), now: clock)
            .poll(cursor: [:])
        let m = try XCTUnwrap(polled.mentions.first)
        let store = try Store(dir: dir)
        try store.ingest([m], now: GraphFixture.now)
        let d = OutboxDraft.reply(to: store.mention(m.key)!, text: "Es ist unterwegs.", delay: 0, now: GraphFixture.now)
        try Outbox.queue(d, store: store, actor: "anna", now: GraphFixture.now)
        let publisher = try FacebookPublisher(config: config(), dataDir: dir, http: TestHTTPClient(), now: clock)
        let sender = OutboxSender(store: store, actor: "anna")
        sender.backoff = Backoff(base: 5, cap: 5)
        let first = await sender.sendDue(publisherFor: { _ in publisher }, now: GraphFixture.now.addingTimeInterval(1))
        guard case .failed(_, let retry?)? = first.first?.outcome else { return XCTFail("\(first)") }
        let second = await sender.sendDue(publisherFor: { _ in publisher }, now: retry)
        guard case .sent(let ref)? = second.first?.outcome else { return XCTFail("\(second)") }
        XCTAssertEqual(ref.id, "m_answer1", "the message the lost attempt sent")
        XCTAssertEqual(server.requests("POST", "/v24.0/\(Self.page)/messages").count, 1, "sent once")
        XCTAssertEqual(store.state(m.key).replies.count, 1)
    }

    func testAPrivateMessageCannotBeHiddenOrDeletedAndNothingIsAsked() async throws {
        let dir = try GraphFixture.dataDir(self)
        let mod = try GraphModerator(config: config(), dataDir: dir, http: TestHTTPClient(), now: clock)
        do {
            try await mod.moderate(
                ReplyRef(uri: Self.convo, rootURI: Self.person, visibility: "direct"), .delete, reason: nil, ban: false)
            XCTFail("deleted a conversation")
        } catch PublishError.rejected(let why) {
            XCTAssertTrue(why.contains("offers no hide or delete for a private message"), why)
        }
        XCTAssertTrue(server.requests.isEmpty)
    }

    func testAnExpiredTokenAndAMissingPermissionAreClearMessages() async throws {
        let dir = try GraphFixture.dataDir(self)
        server.on(
            "GET", "/v24.0/\(Self.page)/conversations",
            GraphFixture.error(190, subcode: 463, message: "Error validating access token: Session has expired"))
        do {
            _ = try await FacebookSource(config: config(), dataDir: dir, http: TestHTTPClient(), now: clock)
                .poll(cursor: [:])
            XCTFail("expired")
        } catch SourceError.needsLogin(let why) {
            XCTAssertTrue(why.contains("Meta refused the token"), why)
        }
        server.on(
            "GET", "/v24.0/\(Self.page)/conversations",
            GraphFixture.error(200, message: "(#200) Requires pages_messaging permission to manage the object"))
        do {
            _ = try await FacebookSource(config: config(), dataDir: dir, http: TestHTTPClient(), now: clock)
                .poll(cursor: [:])
            XCTFail("no permission")
        } catch SourceError.configuration(let why) {
            XCTAssertTrue(why.contains("the permission pages_messaging"), why)
        }
    }

    func testAMalformedAnswerIsAClearErrorAndLosesNothing() async throws {
        let dir = try GraphFixture.dataDir(self)
        server.on("GET", "/v24.0/\(Self.page)/conversations", .json(#"{"data":[{"id":"t_1","messages":{"data":[{"id"#))
        do {
            _ = try await FacebookSource(config: config(), dataDir: dir, http: TestHTTPClient(), now: clock)
                .poll(cursor: ["messages": "2030-03-17T17:00:00Z"])
            XCTFail("a truncated page must not pass")
        } catch let e as SourceError {
            XCTAssertTrue("\(e)".contains("facebook source fb"), "\(e)")
        }
        // A send whose answer is unreadable is not taken for a failure: the retry looks first.
        serve(
            FakeInbox([
                Self.message("m_2", "Hallo?", from: Self.person, name: "Jörg Weiß", at: "2030-03-17T17:40:00+0000")
            ]))
        server.on("POST", "/v24.0/\(Self.page)/messages", .json("<html>Bad Gateway</html>"))
        let publisher = try FacebookPublisher(config: config(), dataDir: dir, http: TestHTTPClient(), now: clock)
        do {
            _ = try await publisher.post(
                OutgoingPost(
                    text: "Hallo!", inReplyTo: ReplyRef(uri: Self.convo, rootURI: Self.person, visibility: "direct")),
                idempotencyKey: "k")
            XCTFail("no message id")
        } catch PublishError.transient(let why) {
            XCTAssertTrue(why.contains("the retry looks for the message first"), why)
        }
    }

    /// The recorded Messenger shapes (python-facebook's testdata): a message with sender and time is understood.
    func testRecordedMessageShapeIsUnderstood() throws {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        var body: Data?
        for _ in 0..<5 {
            dir.deleteLastPathComponent()
            body = FileManager.default.contents(
                atPath: dir.appendingPathComponent(
                    "shared/fixtures/meta/testdata/facebook/apidata/messages/message_info.json"
                ).path)
            if body != nil { break }
        }
        guard let body else { throw XCTSkip("../shared/fixtures/meta is not present") }
        let o = try JSONDecoder().decode(GraphObject.self, from: body)
        XCTAssertEqual(o.authorID, "2711636948859886")
        XCTAssertEqual(o.displayName, "Kun Liu")
        XCTAssertEqual(o.created, Timestamp.parse("2021-07-23T09:50:48Z"))
    }
}
