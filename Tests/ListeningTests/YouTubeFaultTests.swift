import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Every class of YouTube failure, as the listener sees it, and the login: renewal when due and after a 401, and a
/// refused login that stops only its own source.
final class YouTubeFaultTests: YouTubeServerTestCase {
    let threadsPath = "/youtube/v3/commentThreads"
    let t0 = Timestamp.parse("2026-12-05T12:00:00Z")!

    func poll(_ dir: DataDirectory, _ c: SourceConfig? = nil) async -> Error? {
        let clock = t0
        do {
            let s = try YouTubeSource(
                config: c ?? YouTubeFixture.config(server), dataDir: dir, http: TestHTTPClient(), timeout: 2,
                now: { clock })
            _ = try await s.poll(cursor: [:])
            return nil
        } catch { return error }
    }

    func testEachErrorClassGetsItsOwnClearMessage() async throws {
        let dir = try YouTubeFixture.dataDir(self)
        let reset = Timestamp.parse("2026-12-06T08:00:00Z")!  // midnight Pacific (PST)
        let html = NetworkTestServer.Response(
            status: 200, headers: ["Content-Type": "text/html"], body: Data("<!DOCTYPE html><html>Sorry…</html>".utf8))
        let cut = NetworkTestServer.Response(
            status: 200, headers: ["Content-Type": "application/json"],
            body: Data(#"{"kind":"youtube#commentThreadListResponse","items":[{"id":"T1","snippet":{"#.utf8),
            truncateAt: 30)
        let cases: [(NetworkTestServer.Response, String, String)] = [
            (
                YouTubeFixture.error(401, "authError", "Invalid Credentials"), "needs login",
                "login expired or was revoked"
            ),
            (
                YouTubeFixture.error(403, "insufficientPermissions", "Insufficient Permission"), "needs login",
                "youtube.force-ssl"
            ),
            (YouTubeFixture.error(403, "rateLimitExceeded"), "rate limited", "rate limited"),
            (
                .json(#"{"error":{"code":429,"message":"slow down"}}"#, status: 429, headers: ["Retry-After": "120"]),
                "rate limited", "HTTP 429"
            ),
            (YouTubeFixture.error(503, "backendError", "Backend Error"), "", "YouTube is having trouble (HTTP 503"),
            (html, "", "an HTML page instead of JSON"),
            (cut, "", "cannot reach 127.0.0.1"),
            (YouTubeFixture.error(404, "channelNotFound"), "", "not found: it may have been deleted"),
            (YouTubeFixture.error(400, "invalidParameter", "bad part"), "", "YouTube did not accept the request"),
        ]
        for (response, prefix, words) in cases {
            server.on("GET", threadsPath, response)
            let e = await poll(dir)
            let text = (e as? SourceError)?.description ?? "\(String(describing: e))"
            XCTAssertTrue(text.hasPrefix(prefix) && text.contains(words), "\(words): got \(text)")
            if case .rateLimited(let at, _)? = e as? SourceError, words == "HTTP 429" {
                XCTAssertEqual(at.timeIntervalSince(t0), 120, accuracy: 1)
            }
        }
        // The quota: marked spent until midnight Pacific, and no call is made until then.
        server.on("GET", threadsPath, YouTubeFixture.error(403, "quotaExceeded", "The request cannot be completed"))
        let before = server.requests.count
        guard case .rateLimited(let at, let detail)? = await poll(dir) as? SourceError else { return XCTFail() }
        XCTAssertEqual(at, reset)
        XCTAssertTrue(detail.contains("quota exhausted"), detail)
        guard case .rateLimited(let at2, let d2)? = await poll(dir) as? SourceError else { return XCTFail() }
        XCTAssertEqual(at2, reset)
        XCTAssertTrue(d2.contains("quota exhausted"), d2)
        XCTAssertEqual(server.requests.count, before + 1, "an exhausted quota makes no call")
    }

    func testAnExpiredTokenIsRenewedFirstAndA401RenewsAndRetriesOnce() async throws {
        let expired = OAuthToken(
            accessToken: "old", refreshToken: "1//refresh", expiresAt: t0.addingTimeInterval(-10),
            scope: YouTubeOAuth.writeScope,
            extra: ["token_uri": server.url("/token").absoluteString, "client_id": "cid.apps.googleusercontent.com"])
        let dir = try YouTubeFixture.dataDir(self, token: expired)
        server.on(
            "POST", "/token", .json(#"{"access_token":"new-1","expires_in":3599,"token_type":"Bearer"}"#),
            .json(#"{"access_token":"new-2","expires_in":3599,"token_type":"Bearer"}"#))
        server.handle("GET", threadsPath) { r in
            r.header("authorization") == "Bearer new-2"
                ? YouTubeFixture.page([YouTubeFixture.thread("T1", text: "ok", at: "2026-12-05T11:00:00Z")])
                : YouTubeFixture.error(401, "authError", "Invalid Credentials")
        }
        let e = await poll(dir)
        XCTAssertNil(e, "renewed when due, refused, renewed again, retried: \(String(describing: e))")
        let refreshes = server.requests("POST", "/token")
        XCTAssertEqual(refreshes.count, 2)
        XCTAssertEqual(
            String(decoding: refreshes[0].body, as: UTF8.self),
            "grant_type=refresh_token&refresh_token=1%2F%2Frefresh&client_id=cid.apps.googleusercontent.com")
        XCTAssertEqual(
            server.requests("GET", threadsPath).map { $0.header("authorization") ?? "" },
            ["Bearer new-1", "Bearer new-2"])
        let saved = try OAuthTokenStore(file: dir.root.appendingPathComponent("secrets/yt.token"), what: "t").current()
        XCTAssertEqual(saved.accessToken, "new-2")
        XCTAssertEqual(saved.refreshToken, "1//refresh", "Google sends no new refresh token: the old one is kept")
    }

    func testARefusedLoginStopsOnlyItsOwnSource() async throws {
        let dir = try YouTubeFixture.dataDir(self, ids: ["yt", "yt2"])
        server.handle("GET", threadsPath) { r in
            r.header("authorization") == "Bearer ya29.token-yt2"
                ? YouTubeFixture.page([YouTubeFixture.thread("T9", text: "Tolles Video!", at: "2026-12-05T11:00:00Z")])
                : YouTubeFixture.error(401, "authError", "Invalid Credentials")
        }
        var team = TeamConfig(brand: .init(name: "Acme", terms: ["Acme"]))
        team.sources = [YouTubeFixture.config(server, id: "yt"), YouTubeFixture.config(server, id: "yt2")]
        let store = try Store(dir: dir)
        let http = TestHTTPClient()
        let listener = Listener(store: store, team: team) { c in
            try Listener.networkSource(c, dataDir: dir, http: http)
        }
        let outcomes = await listener.runOnce()
        XCTAssertEqual(outcomes.map(\.source), ["yt", "yt2"])
        guard case .needsLogin(let why)? = outcomes[0].error else { return XCTFail("\(outcomes[0])") }
        XCTAssertTrue(why.contains("youtube source yt"), why)
        XCTAssertNil(outcomes[1].error)
        XCTAssertEqual(outcomes[1].added.count, 1)
        XCTAssertEqual(listener.state.health("yt").status, .needsLogin)
        XCTAssertEqual(listener.state.health("yt2").status, .ok)
        XCTAssertEqual(store.mention(MentionKey.make(platform: "youtube", id: "T9"))?.text, "Tolles Video!")
    }
}
