import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// `"api": "https://…"` replaces the network's default base for every network source (a corporate proxy, a test
/// server), while Mastodon's `instance` and Bluesky's `service` keep naming the accounts' server.
final class ApiBaseTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    func testMastodonRequestsGoToApiAndHandlesKeepTheInstance() async throws {
        let dir = try makeDataDir()
        server.on(
            "GET", "/api/v1/notifications",
            .json(MastodonFixture.list([MastodonFixture.notification(id: "1", status: "2")])))
        var c = mastodonConfig(server)
        c.instance = "https://social.unreachable.example"
        c.api = server.baseURL.absoluteString + "/"
        let r = try await MastodonSource(config: c, dataDir: dir, http: TestHTTPClient(), timeout: 5).poll(cursor: [:])
        XCTAssertEqual(server.requests("GET", "/api/v1/notifications").count, 1)
        XCTAssertEqual(r.mentions.first?.extra?["instance"], .string("social.unreachable.example"))
    }

    func testBlueskyRequestsGoToApi() async throws {
        let dir = try blueskyDataDir()
        server.on("POST", "/xrpc/com.atproto.server.createSession", .json(BlueskyFixture.session(1)))
        server.on("GET", "/xrpc/app.bsky.notification.listNotifications", .json(#"{"notifications":[]}"#))
        var c = blueskyConfig(server)
        c.service = "https://pds.unreachable.example"
        c.api = server.baseURL.absoluteString
        _ = try await BlueskySource(config: c, dataDir: dir, http: TestHTTPClient(), timeout: 5).poll(cursor: [:])
        XCTAssertEqual(server.requests("POST", "/xrpc/com.atproto.server.createSession").count, 1)
        XCTAssertEqual(server.requests("GET", "/xrpc/app.bsky.notification.listNotifications").count, 1)
    }

    func testGraphSourcesUseApiWithTheVersionSegmentAndDefaultsWithout() throws {
        let dir = try GraphFixture.dataDir(self)
        for (type, path) in [
            ("instagram", "/v24.0/1784100/tags"), ("facebook", "/v24.0/19292868552/tagged"),
            ("threads", "/v1.0/7001/mentions"),
        ] {
            server.on("GET", path, GraphFixture.page([]))
        }
        var ig = GraphFixture.config("instagram", server)
        ig.api = server.baseURL.absoluteString + "/meta-proxy"
        let s = try InstagramSource(config: ig, dataDir: dir, http: TestHTTPClient())
        XCTAssertEqual(
            s.client.url("/1784100/tags").absoluteString,
            server.baseURL.absoluteString + "/meta-proxy/v24.0/1784100/tags")
        var fb = GraphFixture.config("facebook", server)
        fb.api = nil
        XCTAssertEqual(
            try FacebookSource(config: fb, dataDir: dir, http: TestHTTPClient()).client.url("/1/tagged").absoluteString,
            "https://graph.facebook.com/v24.0/1/tagged")
        var th = GraphFixture.config("threads", server)
        th.api = nil
        XCTAssertEqual(
            try ThreadsSource(config: th, dataDir: dir, http: TestHTTPClient()).client.url("/me").absoluteString,
            "https://graph.threads.net/v1.0/me")
        // An Instagram Login token (IG…) goes to graph.instagram.com.
        let igDir = try GraphFixture.dataDir(self, token: "IGQVJ-instagram-login-token")
        ig.api = nil
        XCTAssertEqual(
            try InstagramSource(config: ig, dataDir: igDir, http: TestHTTPClient()).client.url("/me").absoluteString,
            "https://graph.instagram.com/v24.0/me")
    }

    func testGraphPollsReachTheApiServer() async throws {
        let dir = try GraphFixture.dataDir(self)
        for path in [
            "/v24.0/1784100/tags", "/v24.0/19292868552/tagged", "/v24.0/19292868552/visitor_posts",
            "/v1.0/7001/mentions",
        ] {
            server.on("GET", path, GraphFixture.page([]))
        }
        var ig = GraphFixture.config("instagram", server)
        ig.comments = false
        var fb = GraphFixture.config("facebook", server)
        fb.comments = false
        var th = GraphFixture.config("threads", server)
        th.replies = false
        for c in [ig, fb, th] {
            let s = try XCTUnwrap(try Listener.networkSource(c, dataDir: dir, http: TestHTTPClient()))
            _ = try await s.poll(cursor: [:])
        }
        XCTAssertEqual(server.requests.count, 4)
    }
}
