import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Taking back the brand's own posts beyond Mastodon and Bluesky (issue 20: "edit … elsewhere where the API
/// allows"), against a loopback server: Reddit, YouTube and Facebook edits send the exact request and the log keeps
/// both versions; X and Reddit deletes go through the network's delete; a network whose API can't edit says so and
/// sends nothing.
final class OwnPostNetworksTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    /// The brand's own post on `platform` (author `acme.shop`, own through that brand term) in a store.
    func own(_ dir: DataDirectory, _ platform: String, id: String, source: String, text: String) throws -> (
        Store, OwnPosts.Target
    ) {
        let store = try Store(dir: dir)
        let m = Mention(
            platform: platform, id: id, text: text, createdAt: Date(), author: Author(handle: "acme.shop"),
            source: source,
            reply: ReplyRef(uri: id))
        try store.ingest([m])
        let own = OwnAccounts(team: TeamConfig(brand: .init(name: "Acme", terms: ["acme.shop"])))
        return (store, try OwnPosts.target(store: store, key: m.key, own: own))
    }

    /// A form body's fields, decoded (`+` is a space).
    func form(_ r: NetworkTestServer.Request) -> [String: String] {
        Dictionary(
            String(decoding: r.body, as: UTF8.self).split(separator: "&").map {
                let kv = $0.split(separator: "=", maxSplits: 1).map {
                    String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
                }
                return (kv[0], kv.count > 1 ? kv[1] : "")
            }, uniquingKeysWith: { a, _ in a })
    }

    func team(_ source: SourceConfig) -> TeamConfig {
        TeamConfig(brand: .init(name: "Acme", terms: ["acme.shop"]), sources: [source])
    }

    func testARedditCommentIsEditedWithEditUserTextAndTheLogKeepsBothVersions() async throws {
        let dir = try redditDataDir(token: OAuthToken(accessToken: "tok-1", expiresAt: Date().addingTimeInterval(3600)))
        server.on("POST", "/api/editusertext", .json(#"{"json": {"errors": [], "data": {"things": []}}}"#))
        let (store, t) = try own(dir, "reddit", id: "t1_own7", source: "rd", text: "Die Störung ist behoben.")
        let event = try await OwnPosts.edit(
            t, to: "Die Störung ist seit 14:05 behoben – Grüße!", store: store, team: team(redditConfig(server)),
            http: TestHTTPClient(), actor: "alice")
        let calls = server.requests("POST", "/api/editusertext")
        XCTAssertEqual(calls.count, 1)
        XCTAssertEqual(calls[0].header("authorization"), "bearer tok-1")
        let form = form(calls[0])
        XCTAssertEqual(form["thing_id"], "t1_own7")
        XCTAssertEqual(form["text"], "Die Störung ist seit 14:05 behoben – Grüße!")
        XCTAssertEqual(form["api_type"], "json")
        XCTAssertEqual(event.action.typeName, "post_edit")
        XCTAssertEqual(
            try Store(dir: dir).state(t.key).postEdits?["t1_own7"], "Die Störung ist seit 14:05 behoben – Grüße!")
    }

    func testARedditRefusalInTheBodyIsAClearErrorAndNothingIsRecorded() async throws {
        let dir = try redditDataDir(token: OAuthToken(accessToken: "tok-1", expiresAt: Date().addingTimeInterval(3600)))
        server.on(
            "POST", "/api/editusertext",
            .json(#"{"json": {"errors": [["TOO_LONG", "this is too long (max: 10000)", "text"]]}}"#))
        let (store, t) = try own(dir, "reddit", id: "t1_own7", source: "rd", text: "kurz")
        do {
            try await OwnPosts.edit(
                t, to: "lang", store: store, team: team(redditConfig(server)), http: TestHTTPClient(), actor: "alice")
            XCTFail("expected Reddit's refusal")
        } catch let e as PublishError {
            XCTAssertTrue(e.description.contains("too long"), e.description)
        }
        XCTAssertNil(try Store(dir: dir).state(t.key).postEdits)
    }

    func testAYouTubeCommentIsEditedWithCommentsUpdate() async throws {
        let dir = try YouTubeFixture.dataDir(self)
        server.on("PUT", "/youtube/v3/comments", .json(#"{"kind": "youtube#comment", "id": "UgzOwn"}"#))
        let (store, t) = try own(dir, "youtube", id: "UgzOwn", source: "yt", text: "Link folgt.")
        try await OwnPosts.edit(
            t, to: "Hier der Link: https://acme.example/hilfe", store: store, team: team(YouTubeFixture.config(server)),
            http: TestHTTPClient(), actor: "alice")
        let put = try XCTUnwrap(server.requests("PUT", "/youtube/v3/comments").first)
        XCTAssertEqual(put.query("part"), "snippet")
        XCTAssertEqual(put.header("authorization"), "Bearer ya29.token-yt")
        let body = try XCTUnwrap(JSONSerialization.jsonObject(with: put.body) as? [String: Any])
        XCTAssertEqual(body["id"] as? String, "UgzOwn")
        XCTAssertEqual(
            (body["snippet"] as? [String: Any])?["textOriginal"] as? String, "Hier der Link: https://acme.example/hilfe"
        )
    }

    func testAFacebookCommentIsEditedWithItsMessage() async throws {
        let dir = try GraphFixture.dataDir(self)
        server.on("POST", "/v24.0/19292868552_7001", .json(#"{"success":true}"#))
        let (store, t) = try own(dir, "facebook", id: "19292868552_7001", source: "fb", text: "Öffnungszeiten: 9–17")
        try await OwnPosts.edit(
            t, to: "Öffnungszeiten: 9–18 Uhr", store: store, team: team(GraphFixture.config("facebook", server)),
            http: TestHTTPClient(), actor: "alice")
        let post = try XCTUnwrap(server.requests("POST", "/v24.0/19292868552_7001").first)
        XCTAssertEqual(form(post)["message"], "Öffnungszeiten: 9–18 Uhr")
        XCTAssertEqual(try Store(dir: dir).state(t.key).postEdits?["19292868552_7001"], "Öffnungszeiten: 9–18 Uhr")
    }

    func testAnXPostIsDeletedThroughXsDeleteAndThreadsCannotBeEdited() async throws {
        let dir = try xDataDir()
        server.on("DELETE", "/2/tweets/1900000000000000900", .json(#"{"data":{"deleted":true}}"#))
        let (store, t) = try own(dir, "x", id: "1900000000000000900", source: "xacme", text: "Wir sind wieder da.")
        do {
            try await OwnPosts.edit(
                t, to: "neu", store: store, team: team(xConfig(server)), http: TestHTTPClient(), actor: "alice")
            XCTFail("X's API has no edit")
        } catch let e as PublishError {
            XCTAssertTrue(e.description.contains("does not allow editing a post"), e.description)
        }
        let event = try await OwnPosts.delete(
            t, store: store, team: team(xConfig(server)), http: TestHTTPClient(), actor: "alice")
        XCTAssertEqual(server.requests("DELETE", "/2/tweets/1900000000000000900").count, 1)
        XCTAssertEqual(server.requests.count, 1, "nothing else was asked of X")
        XCTAssertEqual(event.action.typeName, "post_delete")
        XCTAssertEqual(try Store(dir: dir).state(t.key).moderated, .delete)
    }

    /// An item of the brand's own blog feed is no post on a network: edit and delete say so before any request.
    func testAFeedItemOfTheBrandIsRefusedAsNotANetwork() throws {
        let dir = try xDataDir()
        for platform in ["rss", "jsonl"] {
            do {
                _ = try own(dir, platform, id: "https://acme.shop/blog/\(platform)", source: "blog", text: "Neu im Blog")
                XCTFail("\(platform): a feed item has no network to act on")
            } catch let e as PublishError {
                XCTAssertTrue(e.description.contains("not a post on a social network"), e.description)
            }
        }
        XCTAssertEqual(server.requests.count, 0)
    }
}
