import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

final class BlueskyPublisherTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    func setUpAccount() {
        server.on("POST", "/xrpc/com.atproto.server.createSession", .json(BlueskyFixture.session(1)))
        server.handle("GET", "/xrpc/com.atproto.identity.resolveHandle") { r in
            r.query("handle") == "anna.example.com"
                ? .json(#"{"did":"did:plc:anna42"}"#)
                : .json(#"{"error":"InvalidRequest","message":"Unable to resolve handle"}"#, status: 400)
        }
    }

    func testReplyRecordWithReplyRefsAndFacetByteOffsets() async throws {
        let dir = try blueskyDataDir()
        setUpAccount()
        server.on(
            "POST", "/xrpc/com.atproto.repo.createRecord",
            .json(
                #"{"uri":"at://did:plc:acme123/app.bsky.feed.post/3lnew","cid":"bafynew","commit":{"cid":"bafyc","rev":"3lrev"},"validationStatus":"valid"}"#
            ))
        let created = Date(timeIntervalSince1970: 1_800_000_000.25)
        let text = "Grüße 👋🏽 @anna.example.com, siehe https://acme.example/status #Störung @nobody.example.org"
        let draft = OutgoingPost(
            text: text,
            inReplyTo: ReplyRef(
                uri: "at://did:plc:bob/app.bsky.feed.post/3kreply", cid: "bafy3kreply",
                rootURI: "at://did:plc:acme123/app.bsky.feed.post/3kroot", rootCID: "bafyroot"),
            language: "de", createdAt: created)
        let p = try BlueskyPublisher(config: blueskyConfig(server), dataDir: dir, http: TestHTTPClient())
        let ref = try await p.post(draft, idempotencyKey: "outbox-1")

        let req = try XCTUnwrap(server.requests("POST", "/xrpc/com.atproto.repo.createRecord").first)
        XCTAssertEqual(req.header("authorization"), "Bearer acc-1")
        let body = try XCTUnwrap(req.json)
        XCTAssertEqual(body["repo"] as? String, "did:plc:acme123")
        XCTAssertEqual(body["collection"] as? String, "app.bsky.feed.post")
        let rkey = try XCTUnwrap(body["rkey"] as? String)
        XCTAssertEqual(rkey, BlueskyFacets.tid(date: created, key: "outbox-1"))
        let record = try XCTUnwrap(body["record"] as? [String: Any])
        XCTAssertEqual(record["$type"] as? String, "app.bsky.feed.post")
        XCTAssertEqual(record["text"] as? String, text)
        XCTAssertEqual(record["createdAt"] as? String, "2027-01-15T08:00:00.250Z")
        XCTAssertEqual(record["langs"] as? [String], ["de"])
        let reply = try XCTUnwrap(record["reply"] as? [String: [String: String]])
        XCTAssertEqual(reply["root"], ["uri": "at://did:plc:acme123/app.bsky.feed.post/3kroot", "cid": "bafyroot"])
        XCTAssertEqual(reply["parent"], ["uri": "at://did:plc:bob/app.bsky.feed.post/3kreply", "cid": "bafy3kreply"])
        // Byte offsets counted by hand: "Grüße " is 8 bytes, "👋🏽" 8 more, so the mention starts at 17.
        let facets = try XCTUnwrap(record["facets"] as? [[String: Any]])
        let flat = facets.map { f -> String in
            let i = f["index"] as! [String: Int]
            let feat = (f["features"] as! [[String: String]])[0]
            return "\(i["byteStart"]!)-\(i["byteEnd"]!) \(feat["$type"]!) \(feat["did"] ?? feat["uri"] ?? feat["tag"]!)"
        }
        XCTAssertEqual(
            flat,
            [
                "17-34 app.bsky.richtext.facet#mention did:plc:anna42",
                "42-69 app.bsky.richtext.facet#link https://acme.example/status",
                "70-79 app.bsky.richtext.facet#tag Störung",
            ], "the unresolvable handle stays plain text")
        let bytes = Array(text.utf8)
        XCTAssertEqual(String(decoding: bytes[17..<34], as: UTF8.self), "@anna.example.com")
        XCTAssertEqual(String(decoding: bytes[70..<79], as: UTF8.self), "#Störung")
        XCTAssertEqual(
            server.requests("GET", "/xrpc/com.atproto.identity.resolveHandle").map { $0.query("handle") },
            ["anna.example.com", "nobody.example.org"])
        XCTAssertEqual(
            ref,
            PostedRef(
                id: "3lnew", uri: "at://did:plc:acme123/app.bsky.feed.post/3lnew",
                url: "https://bsky.app/profile/acme.bsky.social/post/3lnew", cid: "bafynew"))
    }

    func testRetryOfTheSameDraftNeverPostsTwice() async throws {
        let dir = try blueskyDataDir()
        setUpAccount()
        // The first attempt was stored by the server but its answer was lost (500); the retry finds it exists.
        server.on(
            "POST", "/xrpc/com.atproto.repo.createRecord",
            .json(#"{"error":"InternalServerError","message":"Internal Server Error"}"#, status: 500),
            .json(#"{"error":"InvalidRequest","message":"Record already exists"}"#, status: 400))
        let p = try BlueskyPublisher(config: blueskyConfig(server), dataDir: dir, http: TestHTTPClient())
        let draft = OutgoingPost(
            text: "Thanks!", inReplyTo: ReplyRef(uri: "at://did:plc:bob/app.bsky.feed.post/3k", cid: "bafy3k"),
            createdAt: Date(timeIntervalSince1970: 1_800_000_000))
        do {
            _ = try await p.post(draft, idempotencyKey: "k-1")
            XCTFail("500 must fail")
        } catch let e as PublishError { XCTAssertTrue(e.isRetryable, "\(e)") }
        let ref = try await p.post(draft, idempotencyKey: "k-1")
        let keys = server.requests("POST", "/xrpc/com.atproto.repo.createRecord").compactMap {
            $0.json?["rkey"] as? String
        }
        XCTAssertEqual(keys.count, 2)
        XCTAssertEqual(Set(keys).count, 1, "both attempts use the same record key")
        XCTAssertEqual(ref.uri, "at://did:plc:acme123/app.bsky.feed.post/\(keys[0])")
        let reply =
            (server.requests("POST", "/xrpc/com.atproto.repo.createRecord")[0].json?["record"] as? [String: Any])?[
                "reply"] as? [String: [String: String]]
        XCTAssertEqual(
            reply?["root"], ["uri": "at://did:plc:bob/app.bsky.feed.post/3k", "cid": "bafy3k"],
            "a reply to a top-level post uses it as root")
    }

    func testTooLongAndRefusedPostsArePermanent() async throws {
        let dir = try blueskyDataDir()
        setUpAccount()
        let p = try BlueskyPublisher(config: blueskyConfig(server), dataDir: dir, http: TestHTTPClient())
        do {
            _ = try await p.post(OutgoingPost(text: String(repeating: "ä", count: 301)), idempotencyKey: "k")
            XCTFail()
        } catch let e as PublishError {
            XCTAssertEqual(e, .rejected("301 characters: Bluesky allows 300"))
        }
        XCTAssertEqual(server.requests.count, 0, "nothing is sent for a post that is too long")
        // 300 graphemes made of many bytes each are fine.
        server.on(
            "POST", "/xrpc/com.atproto.repo.createRecord",
            .json(
                #"{"error":"InvalidRequest","message":"Invalid app.bsky.feed.post record: Record/text must not be longer than 3000 bytes"}"#,
                status: 400))
        do {
            _ = try await p.post(OutgoingPost(text: String(repeating: "👩‍👩‍👧‍👦", count: 300)), idempotencyKey: "k")
            XCTFail()
        } catch let e as PublishError {
            XCTAssertEqual(
                e,
                .rejected(
                    "bluesky source bsky: HTTP 400: InvalidRequest: Invalid app.bsky.feed.post record: Record/text must not be longer than 3000 bytes"
                ), "\(server.requests.map { "\($0.method) \($0.path) \($0.body.count)" })")
        }
    }

    func testTIDShape() {
        let t = BlueskyFacets.tid(date: Date(timeIntervalSince1970: 1_700_000_000), key: "x")
        XCTAssertEqual(t.count, 13)
        XCTAssertTrue("234567abcdefghij".contains(t.first!), t)
        XCTAssertNotEqual(t, BlueskyFacets.tid(date: Date(timeIntervalSince1970: 1_700_000_000), key: "y"))
        XCTAssertLessThan(
            t, BlueskyFacets.tid(date: Date(timeIntervalSince1970: 1_700_000_001), key: "x"), "TIDs sort by time")
    }

    func testFacetRenderingIgnoresBrokenRanges() {
        let text = "ab ü cd"
        let bad = [
            Bluesky.Facet(byteStart: 4, byteEnd: 5, features: [.link(uri: "https://x.example")]),  // inside ü
            Bluesky.Facet(byteStart: 3, byteEnd: 99, features: [.link(uri: "https://y.example")]),
        ]  // past the end
        XCTAssertEqual(BlueskyFacets.render(text, facets: bad), text)
        let ok = [Bluesky.Facet(byteStart: 6, byteEnd: 8, features: [.link(uri: "https://z.example/cd")])]
        XCTAssertEqual(BlueskyFacets.render(text, facets: ok), "ab ü cd (https://z.example/cd)")
    }
}
