import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Issue 20: Bluesky direct messages through the PDS to the chat service, and answers that stay in the chat.
final class BlueskyDirectMessageTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    static let proxy = "did:web:api.bsky.chat#bsky_chat"

    func message(_ id: String, _ text: String, from did: String, at: String) -> String {
        #"{"$type":"chat.bsky.convo.defs#messageView","id":"\#(id)","rev":"\#(id)","text":"\#(text)","sender":{"did":"\#(did)"},"sentAt":"\#(at)"}"#
    }

    /// The chat service behind the PDS: refuses calls without the proxy header.
    func serveChat(messages: [String]) {
        let convo =
            #"{"id":"convo1","rev":"9","members":[\#(BlueskyFixture.profile("acme.bsky.social")),{"did":"did:plc:jonas","handle":"jonas.example.com","displayName":"Jonas Schröder"}],"lastMessage":\#(messages[0]),"muted":false,"unreadCount":1}"#
        let chat: @Sendable (String) -> @Sendable (NetworkTestServer.Request) -> NetworkTestServer.Response = { body in
            { r in
                r.header("atproto-proxy") == BlueskyDirectMessageTests.proxy
                    ? .json(body) : .json(#"{"error":"MethodNotImplemented"}"#, status: 501)
            }
        }
        server.on("POST", "/xrpc/com.atproto.server.createSession", .json(BlueskyFixture.session(1)))
        server.handle("GET", "/xrpc/chat.bsky.convo.listConvos", chat(#"{"convos":[\#(convo)]}"#))
        server.handle(
            "GET", "/xrpc/chat.bsky.convo.getMessages",
            chat(
                #"{"messages":[\#(messages.joined(separator: ",")),{"$type":"chat.bsky.convo.defs#deletedMessageView","id":"gone","rev":"1","sender":{"did":"did:plc:jonas"},"sentAt":"2026-11-26T09:00:00.000Z"}]}"#
            ))
        server.handle(
            "POST", "/xrpc/chat.bsky.convo.sendMessage",
            chat(message("m3", "Wir melden uns privat.", from: BlueskyFixture.did, at: "2026-11-26T10:05:00.000Z")))
    }

    func testDirectMessagesBecomePrivateMentionsAndTheReplyGoesBackIntoTheChat() async throws {
        let dir = try blueskyDataDir()
        serveChat(messages: [
            message(
                "m2", "Meine Rechnungsnummer: 4711 – bitte nicht öffentlich!", from: "did:plc:jonas",
                at: "2026-11-26T10:01:00.000Z"),
            message("m1", "our earlier answer", from: BlueskyFixture.did, at: "2026-11-26T10:00:30.000Z"),
        ])
        var c = blueskyConfig(server)
        (c.notifications, c.directMessages) = (false, true)
        let r = try await BlueskySource(config: c, dataDir: dir, http: TestHTTPClient()).poll(cursor: [:])

        let get = try XCTUnwrap(server.requests("GET", "/xrpc/chat.bsky.convo.getMessages").first)
        XCTAssertEqual(get.query("convoId"), "convo1")
        XCTAssertEqual(get.header("atproto-proxy"), Self.proxy)
        XCTAssertEqual(r.mentions.count, 1, "the account's own messages and deleted ones are no mentions")
        let m = try XCTUnwrap(r.mentions.first)
        XCTAssertTrue(m.isPrivate)
        XCTAssertEqual(m.text, "Meine Rechnungsnummer: 4711 – bitte nicht öffentlich!")
        XCTAssertEqual(m.author?.handle, "@jonas.example.com")
        XCTAssertEqual(m.author?.name, "Jonas Schröder")
        XCTAssertEqual(r.cursor["dms"], "2026-11-26T10:01:00.000Z")

        // The reply: chat.bsky.convo.sendMessage into the same conversation, never a public post.
        let publisher = try BlueskyPublisher(config: c, dataDir: dir, http: TestHTTPClient())
        let d = OutboxDraft.reply(to: m, text: "Wir melden uns privat.")
        let ref = try await publisher.post(
            OutgoingPost(text: d.text, inReplyTo: d.inReplyTo, visibility: d.visibility), idempotencyKey: "k1")
        XCTAssertEqual(ref.id, "m3")
        let sent = try XCTUnwrap(server.requests("POST", "/xrpc/chat.bsky.convo.sendMessage").first)
        XCTAssertEqual(sent.header("atproto-proxy"), Self.proxy)
        XCTAssertEqual(sent.json?["convoId"] as? String, "convo1")
        XCTAssertEqual((sent.json?["message"] as? [String: Any])?["text"] as? String, "Wir melden uns privat.")
        XCTAssertTrue(server.requests("POST", "/xrpc/com.atproto.repo.createRecord").isEmpty, "nothing public")

        // The next poll: nothing newer than the cursor.
        let again = try await BlueskySource(config: c, dataDir: dir, http: TestHTTPClient()).poll(cursor: r.cursor)
        XCTAssertEqual(again.mentions.count, 0)
    }

    /// `sendMessage` takes no idempotency key: a retry after an attempt whose outcome is unknown first looks for our
    /// message in the conversation, so a reply to a private message is never sent twice.
    func testARetriedPrivateReplyFindsTheMessageAlreadySentInsteadOfSendingItAgain() async throws {
        let dir = try blueskyDataDir()
        serveChat(messages: [
            message("m9", "Wir melden uns privat.", from: BlueskyFixture.did, at: "2026-11-26T10:05:00.000Z"),
            message("m8", "Wir melden uns privat.", from: "did:plc:jonas", at: "2026-11-26T10:04:00.000Z"),
            message("m7", "Schon erledigt.", from: BlueskyFixture.did, at: "2026-11-26T09:00:00.000Z"),
        ])
        let c = blueskyConfig(server)
        let publisher = try BlueskyPublisher(config: c, dataDir: dir, http: TestHTTPClient())
        let direct = ReplyRef(uri: "convo1", visibility: "direct")
        let since = Timestamp.parse("2026-11-26T10:00:00Z")!
        let found = try await publisher.findPosted(
            OutgoingPost(text: "Wir melden uns privat.", inReplyTo: direct), since: since)
        XCTAssertEqual(found?.id, "m9", "ours, same text, after the draft: the reply was sent")
        let other = try await publisher.findPosted(OutgoingPost(text: "Anderer Text", inReplyTo: direct), since: since)
        XCTAssertNil(other, "a message of ours with another text is not this reply")
        let older = try await publisher.findPosted(OutgoingPost(text: "Schon erledigt.", inReplyTo: direct), since: since)
        XCTAssertNil(older, "the same words sent before this draft existed are an earlier answer")
        XCTAssertEqual(server.requests("GET", "/xrpc/chat.bsky.convo.getMessages").count, 3)
        XCTAssertEqual(
            server.requests("GET", "/xrpc/chat.bsky.convo.getMessages").first?.header("atproto-proxy"), Self.proxy)
        // A public post needs no lookup: its record key already makes a retry harmless.
        let pub = try await publisher.findPosted(OutgoingPost(text: "Öffentlich"), since: since)
        XCTAssertNil(pub)
        XCTAssertEqual(server.requests("GET", "/xrpc/chat.bsky.convo.getMessages").count, 3)
        XCTAssertTrue(server.requests("POST", "/xrpc/chat.bsky.convo.sendMessage").isEmpty)
    }
}
