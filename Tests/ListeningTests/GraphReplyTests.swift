import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Replies through the Graph API over loopback HTTP (issue 16): the exact form each network receives, the route a
/// reply to a reply takes, and the errors a manager sees (190 needs login, a missing permission named).
final class GraphReplyTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    let text = "Danke, Jörg! Schön, dass es dir schmeckt 😊"
    /// `text` as a form value (RFC 3986: `,` `!` and spaces escaped, UTF-8 percent-encoded).
    let encoded = "Danke%2C%20J%C3%B6rg%21%20Sch%C3%B6n%2C%20dass%20es%20dir%20schmeckt%20%F0%9F%98%8A"
    let token = "access_token=" + GraphFixture.token

    func body(_ r: NetworkTestServer.Request?) -> String { r.map { String(decoding: $0.body, as: UTF8.self) } ?? "" }

    func instagram() throws -> InstagramPublisher {
        try InstagramPublisher(
            config: GraphFixture.config("instagram", server), dataDir: try GraphFixture.dataDir(self),
            http: TestHTTPClient())
    }

    func testInstagramCommentReplyBodyIsExact() async throws {
        server.on("POST", "/v24.0/17858893269000001/replies", .json(#"{"id":"17873440459141021"}"#))
        let ref = GraphReplyRef.make(object: "17858893269000001", kind: .comment, root: "17895695668004550")
        let posted = try await instagram().post(OutgoingPost(text: text, inReplyTo: ref), idempotencyKey: "k1")
        XCTAssertEqual(posted, PostedRef(id: "17873440459141021", uri: "17873440459141021"))
        XCTAssertEqual(server.requests.count, 1)
        XCTAssertEqual(body(server.requests.first), "message=\(encoded)&\(token)")
        XCTAssertEqual(server.requests.first?.header("content-type"), "application/x-www-form-urlencoded")
    }

    func testInstagramReplyToAReplyGoesOnTheTopLevelComment() async throws {
        server.on("POST", "/v24.0/17858893269000001/replies", .json(#"{"id":"1787"}"#))
        let ref = GraphReplyRef.make(
            object: "17860000000000002", kind: .reply, root: "17895695668004550", parentComment: "17858893269000001")
        _ = try await instagram().post(OutgoingPost(text: "Gern!", inReplyTo: ref), idempotencyKey: "k")
        XCTAssertEqual(server.requests.map(\.path), ["/v24.0/17858893269000001/replies"])
        XCTAssertEqual(body(server.requests.first), "message=Gern%21&\(token)")
    }

    func testInstagramMentionedMediaIsAnsweredThroughMentions() async throws {
        server.on("POST", "/v24.0/1784100/mentions", .json(#"{"id":"1790"}"#))
        let ref = GraphReplyRef.make(object: "17900000000000009", kind: .mentionedMedia, root: nil)
        _ = try await instagram().post(OutgoingPost(text: "Danke!", inReplyTo: ref), idempotencyKey: "k")
        XCTAssertEqual(body(server.requests.first), "media_id=17900000000000009&message=Danke%21&\(token)")
    }

    func testInstagramRefusesHashtagPostsAndTextOnlyPostsWithoutCallingMeta() async throws {
        let p = try instagram()
        let ref = GraphReplyRef.make(object: "1791", kind: .post, root: nil)
        do {
            _ = try await p.post(OutgoingPost(text: "Hallo", inReplyTo: ref), idempotencyKey: "k")
            XCTFail("posted")
        } catch let e as PublishError {
            XCTAssertTrue(
                e.description.contains("answer this post (tagged or found by hashtag) in the Instagram app"), "\(e)")
            XCTAssertFalse(e.isRetryable)
        }
        do {
            _ = try await p.post(OutgoingPost(text: "Nur Text"), idempotencyKey: "k")
            XCTFail("posted")
        } catch let e as PublishError {
            XCTAssertEqual(e, .rejected("Instagram needs an image: a text-only post cannot be published there"))
        }
        XCTAssertEqual(server.requests.count, 0)
    }

    func testFacebookReplyIsPostedAsThePageOnTheTopLevelComment() async throws {
        server.on(
            "POST", "/v24.0/245778718206154_229887283291835/comments",
            .json(#"{"id":"245778718206154_229887283291999"}"#))
        let p = try FacebookPublisher(
            config: GraphFixture.config("facebook", server), dataDir: try GraphFixture.dataDir(self),
            http: TestHTTPClient())
        let ref = GraphReplyRef.make(
            object: "245778718206154_229887283291900", kind: .reply, root: "245778718206154",
            parentComment: "245778718206154_229887283291835")
        let posted = try await p.post(OutgoingPost(text: text, inReplyTo: ref), idempotencyKey: "k")
        XCTAssertEqual(posted.id, "245778718206154_229887283291999")
        XCTAssertEqual(body(server.requests.first), "message=\(encoded)&\(token)")
        // A comment on the Page's post is answered under itself.
        server.on("POST", "/v24.0/245778718206154_229887283291835/comments", .json(#"{"id":"1_2"}"#))
        let top = GraphReplyRef.make(object: "245778718206154_229887283291835", kind: .comment, root: "245778718206154")
        _ = try await p.post(OutgoingPost(text: "ok", inReplyTo: top), idempotencyKey: "k")
        XCTAssertEqual(server.requests.last?.path, "/v24.0/245778718206154_229887283291835/comments")
    }

    func testThreadsReplyIsAContainerThenPublish() async throws {
        server.on("POST", "/v1.0/7001/threads", .json(#"{"id":"17990000000000001"}"#))
        server.on("POST", "/v1.0/7001/threads_publish", .json(#"{"id":"17990000000000077"}"#))
        let p = try ThreadsPublisher(
            config: GraphFixture.config("threads", server), dataDir: try GraphFixture.dataDir(self),
            http: TestHTTPClient())
        let ref = GraphReplyRef.make(object: "18050000000000005", kind: .thread, root: "18050000000000001")
        let posted = try await p.post(OutgoingPost(text: text, inReplyTo: ref), idempotencyKey: "k")
        XCTAssertEqual(posted.id, "17990000000000077")
        XCTAssertEqual(server.requests.map(\.path), ["/v1.0/7001/threads", "/v1.0/7001/threads_publish"])
        XCTAssertEqual(
            body(server.requests[0]), "media_type=TEXT&text=\(encoded)&reply_to_id=18050000000000005&\(token)")
        XCTAssertEqual(body(server.requests[1]), "creation_id=17990000000000001&\(token)")
    }

    func testExpiredTokenDuringAReplyNeedsLoginAndTheOutboxEntryWaits() async throws {
        let (store, m, team) = try GraphLookupTests.outboxSetup(self, server, platform: "instagram")
        server.on(
            "POST", "/v24.0/17858893269000001/replies",
            GraphFixture.error(190, subcode: 463, message: "Error validating access token: Session has expired"))
        let (d, sender, publishers) = try GraphLookupTests.queue(store, m, "Danke!", team: team)
        let r = await sender.sendDue(publisherFor: publishers, now: GraphFixture.now.addingTimeInterval(1))
        guard case .failed(let msg, let retryAt)? = r.first?.outcome else { return XCTFail("\(r)") }
        XCTAssertNil(retryAt, "a login problem waits for a person")
        XCTAssertTrue(
            msg.hasPrefix("needs login: instagram source ig: Meta refused the token (Graph error 190/463"), msg)
        XCTAssertEqual(try sender.outbox()[d.id].map(OutboxSender.whyNot), "failed; retry it to send again")
        let later = await sender.sendDue(publisherFor: publishers, now: GraphFixture.now.addingTimeInterval(3600))
        XCTAssertEqual(later.count, 0, "not retried by itself")
        XCTAssertEqual(server.requests.count, 1)
    }

    func testMissingPermissionIsNamed() async throws {
        server.on(
            "POST", "/v24.0/17858893269000001/replies",
            GraphFixture.error(
                10, message: "(#10) Application does not have permission for this action: instagram_manage_comments",
                status: 403))
        let ref = GraphReplyRef.make(object: "17858893269000001", kind: .comment, root: "1")
        do {
            _ = try await instagram().post(OutgoingPost(text: "Hallo", inReplyTo: ref), idempotencyKey: "k")
            XCTFail("posted")
        } catch let e as PublishError {
            XCTAssertTrue(e.description.contains("needs the permission instagram_manage_comments"), e.description)
            XCTAssertFalse(e.isRetryable)
        }
    }

    func testDeletedParentIsRejectedRateLimitWaitsAndAnHTMLPageIsRetriedAfterALookup() async throws {
        let (store, m, team) = try GraphLookupTests.outboxSetup(self, server, platform: "instagram")
        let path = "/v24.0/17858893269000001/replies"
        server.on(
            "POST", path,
            GraphFixture.error(100, subcode: 33, message: "Unsupported post request. Object does not exist"),
            GraphFixture.error(4, message: "(#4) Application request limit reached"),
            NetworkTestServer.Response(
                status: 502, headers: ["Content-Type": "text/html"],
                body: Data("<!DOCTYPE html><html><body>Bad Gateway</body></html>".utf8)),
            .json(#"{"id":"17990"}"#))
        server.on("GET", path, GraphFixture.page([]))
        let (d, sender, publishers) = try GraphLookupTests.queue(store, m, "Danke!", team: team)
        var now = GraphFixture.now.addingTimeInterval(1)
        var r = await sender.sendDue(publisherFor: publishers, now: now)
        guard case .failed(let gone, nil)? = r.first?.outcome else { return XCTFail("\(r)") }
        XCTAssertTrue(gone.hasPrefix("rejected: instagram source ig: the post or comment was deleted"), gone)

        try Outbox.retry(d.id, store: store, actor: "anna", now: now)
        r = await sender.sendDue(publisherFor: publishers, now: now)
        guard case .failed(let limited, let at?)? = r.first?.outcome else { return XCTFail("\(r)") }
        XCTAssertTrue(limited.hasPrefix("rate limited until"), limited)
        XCTAssertGreaterThan(at, now)

        now = at.addingTimeInterval(1)
        r = await sender.sendDue(publisherFor: publishers, now: now)
        guard case .failed(let html, let again?)? = r.first?.outcome else { return XCTFail("\(r)") }
        XCTAssertTrue(html.contains("HTML page instead of JSON"), html)
        XCTAssertFalse(html.contains(GraphFixture.token), "no secret in a message")

        r = await sender.sendDue(publisherFor: publishers, now: again.addingTimeInterval(1))
        XCTAssertEqual(r.map(\.outcome), [.sent(PostedRef(id: "17990", uri: "17990"))])
        XCTAssertEqual(server.requests("POST", path).count, 4)
        XCTAssertEqual(server.requests("GET", path).count, 3, "every attempt after the first looked first")
    }
}
