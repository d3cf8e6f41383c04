import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Paging, usage headers, token renewal and the `api` base of the Graph connectors, over loopback HTTP.
final class GraphClientTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    static func tagged(_ id: String, _ time: String, text: String = "Tagged you") -> [String: Any] {
        [
            "id": id, "caption": text, "timestamp": time, "username": "anna.k", "media_type": "IMAGE",
            "permalink": "https://www.instagram.com/p/\(id)/",
        ]
    }

    func instagram(_ dir: DataDirectory, now: Date = GraphFixture.now, interval: String? = nil) throws
        -> InstagramSource
    {
        var c = GraphFixture.config("instagram", server)
        c.comments = false
        c.interval = interval
        return try InstagramSource(config: c, dataDir: dir, http: TestHTTPClient(), timeout: 5, now: { now })
    }

    func testPagesUntilWhatIsKnownAndKeepsPagingOnTheConfiguredBase() async throws {
        let dir = try GraphFixture.dataDir(self)
        // The real API's `next` points at graph.facebook.com; the page must still come from the loopback server.
        let next = "https://graph.facebook.com/v24.0/1784100/tags?access_token=OLD&limit=25&after=QVFI"
        server.handle("GET", "/v24.0/1784100/tags") { r in
            let q = GraphFixture.query(r)
            if q["after"] == "QVFI" {
                return GraphFixture.page([
                    Self.tagged("m3", "2030-03-17T10:00:00+0000"), Self.tagged("m2", "2030-03-16T10:00:00+0000"),
                ])
            }
            return GraphFixture.page(
                [Self.tagged("m5", "2030-03-17T17:00:00+0000"), Self.tagged("m4", "2030-03-17T12:00:00+0000")],
                next: next, after: "QVFI")
        }
        let s = try instagram(dir)
        let first = try await s.poll(cursor: [:])
        XCTAssertEqual(first.mentions.map(\.id), ["m5", "m4"], "the first poll reads one page")
        XCTAssertEqual(first.cursor["tags"], "2030-03-17T17:00:00Z")
        let second = try await s.poll(cursor: ["tags": "2030-03-16T12:00:00Z"])
        XCTAssertEqual(second.mentions.map(\.id), ["m5", "m4", "m3"], "pages back until an item older than the cursor")
        let reqs = server.requests("GET", "/v24.0/1784100/tags")
        XCTAssertEqual(reqs.count, 3)
        let paged = GraphFixture.query(reqs[2])
        XCTAssertEqual(paged["access_token"], GraphFixture.token, "the stale token in `next` is replaced")
        XCTAssertEqual(paged["after"], "QVFI")
        XCTAssertEqual(first.mentions[0].platform, "instagram")
        XCTAssertEqual(first.mentions[0].key, MentionKey.make(platform: "instagram", id: "m5"))
    }

    func testUsageAbove75PercentStretchesTheIntervalAndIsKeptForSourcesList() async throws {
        let dir = try GraphFixture.dataDir(self)
        var page = GraphFixture.page([Self.tagged("m1", "2030-03-17T17:00:00+0000")])
        page.headers["X-App-Usage"] = #"{"call_count":80,"total_time":12,"total_cputime":9}"#
        server.on("GET", "/v24.0/1784100/tags", page)
        let r = try await instagram(dir, interval: "5m").poll(cursor: [:])
        XCTAssertEqual(r.usage, "app 80%")
        XCTAssertEqual(r.notBefore, GraphFixture.now.addingTimeInterval(600), "twice the 5 minute interval")

        var full = GraphFixture.page([Self.tagged("m1", "2030-03-17T17:00:00+0000")])
        full.headers["X-Business-Use-Case-Usage"] =
            #"{"1784100":[{"type":"instagram","call_count":100,"total_cputime":4,"total_time":5,"estimated_time_to_regain_access":42}]}"#
        server.on("GET", "/v24.0/1784100/tags", full)
        let r2 = try await instagram(dir, interval: "5m").poll(cursor: [:])
        XCTAssertEqual(r2.usage, "instagram 100%, access back in 42 min")
        XCTAssertEqual(r2.notBefore, GraphFixture.now.addingTimeInterval(42 * 60), "waits until access is back")
    }

    func testUsageHeadersParsed() {
        let u = GraphUsage.parse([
            "x-app-usage": #"{"call_count":28,"total_time":25,"total_cputime":25}"#,
            "x-ad-account-usage": #"{"acc_id_util_pct":9.67,"reset_time_duration":0}"#,
            "x-business-use-case-usage":
                #"{"99":[{"type":"pages","call_count":91,"estimated_time_to_regain_access":0}]}"#,
        ])
        XCTAssertEqual(u?.summary, "app 28%, ads 10%, pages 91%")
        XCTAssertEqual(u?.slowDown(interval: 60, now: GraphFixture.now), GraphFixture.now.addingTimeInterval(240))
        XCTAssertNil(GraphUsage.parse(["x-app-usage": "\u{1B}[2J not json"]))
        XCTAssertNil(GraphUsage.parse([:]))
    }

    func testThreadsTokenIsRenewedBeforeItExpires() async throws {
        let old = OAuthToken(
            accessToken: "THQ-old-token", expiresAt: GraphFixture.now.addingTimeInterval(86400))
        let dir = try GraphFixture.dataDir(self, token: String(decoding: old.encoded(), as: UTF8.self))
        server.on(
            "GET", "/refresh_access_token",
            .json(#"{"access_token":"THQ-new-token","token_type":"bearer","expires_in":5184000}"#))
        server.on("GET", "/v24.0/7001/mentions", GraphFixture.page([]))
        server.on("GET", "/v1.0/7001/mentions", GraphFixture.page([]))
        var c = GraphFixture.config("threads", server)
        c.replies = false
        let now = GraphFixture.now
        let s = try ThreadsSource(config: c, dataDir: dir, http: TestHTTPClient(), timeout: 5, now: { now })
        _ = try await s.poll(cursor: [:])
        let refresh = try XCTUnwrap(server.requests("GET", "/refresh_access_token").first)
        XCTAssertEqual(GraphFixture.query(refresh)["grant_type"], "th_refresh_token")
        XCTAssertEqual(GraphFixture.query(refresh)["access_token"], "THQ-old-token")
        let used = try XCTUnwrap(server.requests("GET", "/v1.0/7001/mentions").first)
        XCTAssertEqual(GraphFixture.query(used)["access_token"], "THQ-new-token")
        let saved = try XCTUnwrap(
            OAuthToken.parse(try Data(contentsOf: dir.root.appendingPathComponent("secrets/meta.token"))))
        XCTAssertEqual(saved.accessToken, "THQ-new-token")
        XCTAssertEqual(saved.expiresAt, now.addingTimeInterval(5_184_000))
    }

    func testAnExpiredTokenNeedsLoginWithoutARequest() async throws {
        let old = OAuthToken(accessToken: "EAA-old", expiresAt: GraphFixture.now.addingTimeInterval(-60))
        let dir = try GraphFixture.dataDir(self, token: String(decoding: old.encoded(), as: UTF8.self))
        let now = GraphFixture.now
        let s = try FacebookSource(
            config: GraphFixture.config("facebook", server), dataDir: dir, http: TestHTTPClient(), now: { now })
        do {
            _ = try await s.poll(cursor: [:])
            XCTFail("expected needs login")
        } catch SourceError.needsLogin(let why) {
            XCTAssertTrue(why.contains("expired at 2030-03-17T17:45:40Z"), why)
        }
        XCTAssertTrue(server.requests.isEmpty)
    }

    func testTokenExchangeRequests() async throws {
        server.on(
            "GET", "/v24.0/oauth/access_token",
            .json(#"{"access_token":"EAA-long","token_type":"bearer","expires_in":5183944}"#))
        server.on(
            "GET", "/access_token", .json(#"{"access_token":"THQ-long","token_type":"bearer","expires_in":5183944}"#))
        let now = GraphFixture.now
        var fb = GraphOAuth(host: .facebook, base: server.baseURL, http: TestHTTPClient(), label: "facebook source fb")
        fb.now = { now }
        let t = try await fb.exchange(shortLived: "EAA-short", clientID: "4242", secret: "app-secret")
        XCTAssertEqual(t.accessToken, "EAA-long")
        XCTAssertEqual(t.expiresAt, now.addingTimeInterval(5_183_944))
        let q = GraphFixture.query(try XCTUnwrap(server.requests("GET", "/v24.0/oauth/access_token").first))
        XCTAssertEqual(
            q,
            [
                "grant_type": "fb_exchange_token", "client_id": "4242", "client_secret": "app-secret",
                "fb_exchange_token": "EAA-short",
            ])
        let th = GraphOAuth(host: .threads, base: server.baseURL, http: TestHTTPClient(), label: "threads source th")
        _ = try await th.exchange(shortLived: "THQ-short", clientID: nil, secret: "app-secret")
        let q2 = GraphFixture.query(try XCTUnwrap(server.requests("GET", "/access_token").first))
        XCTAssertEqual(
            q2, ["grant_type": "th_exchange_token", "client_secret": "app-secret", "access_token": "THQ-short"])
        let ig = GraphOAuth(
            host: .instagram, base: server.baseURL, http: TestHTTPClient(), label: "instagram source ig")
        let t3 = try await ig.exchange(shortLived: "IGQ-short", clientID: nil, secret: "app-secret")
        XCTAssertEqual(
            GraphFixture.query(server.requests("GET", "/access_token")[1])["grant_type"], "ig_exchange_token")
        XCTAssertEqual(t3.extra?["login"], "instagram")
    }

    func testDeviceLogin() async throws {
        server.on(
            "POST", "/v24.0/device/login",
            .json(
                #"{"code":"DEV123","user_code":"A1B2C3D4","verification_uri":"https://www.facebook.com/device","expires_in":420,"interval":5}"#
            ))
        server.on(
            "POST", "/v24.0/device/login_status",
            GraphFixture.error(31, subcode: 1_349_174, message: "User has not yet authorized your application"),
            .json(#"{"access_token":"EAA-device","expires_in":5183944}"#))
        let o = GraphOAuth(host: .facebook, base: server.baseURL, http: TestHTTPClient(), label: "facebook source fb")
        let code = try await o.startDeviceLogin(appToken: "4242|client-token", scope: ["pages_read_engagement"])
        XCTAssertEqual(code.userCode, "A1B2C3D4")
        let form = GraphFixture.form(try XCTUnwrap(server.requests("POST", "/v24.0/device/login").first))
        XCTAssertEqual(form, ["access_token": "4242|client-token", "scope": "pages_read_engagement"])
        guard case .pending = try await o.deviceStatus(appToken: "4242|client-token", code: code.code) else {
            return XCTFail("expected pending")
        }
        guard case .token(let t) = try await o.deviceStatus(appToken: "4242|client-token", code: code.code) else {
            return XCTFail("expected a token")
        }
        XCTAssertEqual(t.accessToken, "EAA-device")
    }
}
