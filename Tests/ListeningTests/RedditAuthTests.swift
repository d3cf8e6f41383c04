import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Reddit's OAuth2 and its errors by class, over loopback HTTP: refresh before expiry, the script app's password
/// grant, a 401 renewed once, needs-login for the one source whose login failed, and every failure a poll reports.
final class RedditAuthTests: RedditTestCase {
    func pollError(_ response: NetworkTestServer.Response, file: StaticString = #filePath, line: UInt = #line)
        async throws -> SourceError
    {
        let dir = try redditDataDir()
        server.on("GET", "/message/inbox", response)
        do {
            let r = try await source(redditConfig(server), dir, timeout: 2).poll(cursor: [:])
            XCTFail("expected an error, got \(r.mentions.count) mentions", file: file, line: line)
        } catch let e as SourceError { return e }
        throw SourceError.configuration("unreachable")
    }

    func testAnExpiringTokenIsRefreshedFirstWithBasicAuthAndTheFileIsRewritten() async throws {
        let dir = try redditDataDir(
            token: OAuthToken(accessToken: "old", refreshToken: "R1", expiresAt: now.addingTimeInterval(60)))
        server.on("POST", "/api/v1/access_token", RedditFixture.token("new-1"))
        server.on("GET", "/message/inbox", RedditFixture.empty())
        server.on("GET", "/message/mentions", RedditFixture.empty())
        _ = try await source(redditConfig(server), dir).poll(cursor: [:])

        let grant = try XCTUnwrap(server.requests("POST", "/api/v1/access_token").first)
        XCTAssertEqual(String(decoding: grant.body, as: UTF8.self), "grant_type=refresh_token&refresh_token=R1")
        XCTAssertEqual(grant.header("authorization"), "Basic " + Data("cid:s3cret".utf8).base64EncodedString())
        XCTAssertEqual(grant.header("content-type"), "application/x-www-form-urlencoded")
        XCTAssertEqual(server.requests("GET", "/message/inbox").first?.header("authorization"), "bearer new-1")
        let saved = try OAuthTokenStore(file: dir.root.appendingPathComponent("secrets/rd.token"), what: "t").current()
        XCTAssertEqual(saved.accessToken, "new-1")
        XCTAssertEqual(saved.refreshToken, "R1", "Reddit answers without a refresh token: the old one is kept")
        XCTAssertEqual(saved.expiresAt, now.addingTimeInterval(3600))
    }

    func testAScriptAppLogsInWithThePasswordGrant() async throws {
        let dir = try redditDataDir(token: nil)
        try Secrets.write("Pässwort & mehr", to: dir.root.appendingPathComponent("secrets/rd.password"))
        var c = redditConfig(server)
        c.passwordFile = "secrets/rd.password"
        server.on("POST", "/api/v1/access_token", RedditFixture.token("pw-1"))
        server.on("GET", "/message/inbox", RedditFixture.empty())
        server.on("GET", "/message/mentions", RedditFixture.empty())
        _ = try await source(c, dir).poll(cursor: [:])
        let body = String(
            decoding: try XCTUnwrap(server.requests("POST", "/api/v1/access_token").first).body, as: UTF8.self)
        XCTAssertEqual(body, "grant_type=password&username=acmecloud&password=P%C3%A4sswort%20%26%20mehr")
        XCTAssertEqual(server.requests("GET", "/message/mentions").first?.header("authorization"), "bearer pw-1")
        XCTAssertEqual(server.requests("POST", "/api/v1/access_token").count, 1, "one login, then the saved token")
    }

    func testA401IsRenewedOnceThenTheRequestRepeated() async throws {
        let dir = try redditDataDir(
            token: OAuthToken(accessToken: "revoked", refreshToken: "R1", expiresAt: now.addingTimeInterval(3000)))
        server.on("POST", "/api/v1/access_token", RedditFixture.token("fresh"))
        server.handle("GET", "/message/inbox") { r in
            r.header("authorization") == "bearer fresh"
                ? RedditFixture.listing([RedditFixture.comment("c1", body: "ok")])
                : .json(#"{"message": "Unauthorized", "error": 401}"#, status: 401)
        }
        server.on("GET", "/message/mentions", RedditFixture.empty())
        let r = try await source(redditConfig(server), dir).poll(cursor: [:])
        XCTAssertEqual(r.mentions.map(\.id), ["t1_c1"])
        XCTAssertEqual(server.requests("POST", "/api/v1/access_token").count, 1)
    }

    func testARevokedGrantNeedsLogin() async throws {
        let dir = try redditDataDir(
            token: OAuthToken(accessToken: "old", refreshToken: "R-revoked", expiresAt: now.addingTimeInterval(10)))
        server.on("POST", "/api/v1/access_token", .json(#"{"error": "invalid_grant"}"#, status: 400))
        do {
            _ = try await source(redditConfig(server), dir).poll(cursor: [:])
            XCTFail("expected needs login")
        } catch SourceError.needsLogin(let s) {
            XCTAssertTrue(s.contains("invalid_grant"), s)
            XCTAssertTrue(s.contains("switchboard sources add --type reddit --id rd --relogin"), s)
            XCTAssertFalse(s.contains("R-revoked"), "never a secret in a message")
        }
    }

    func testAnExpiredTokenThatCannotBeRenewedNeedsLogin() async throws {
        let dir = try redditDataDir(token: OAuthToken(accessToken: "old", expiresAt: now.addingTimeInterval(-10)))
        do {
            _ = try await source(redditConfig(server), dir).poll(cursor: [:])
            XCTFail("expected needs login")
        } catch SourceError.needsLogin(let s) {
            XCTAssertEqual(
                s,
                "reddit source rd: the Reddit token expired and cannot be renewed; log in again: "
                    + "`switchboard sources add --type reddit --id rd --relogin`")
        }
        XCTAssertEqual(server.requests.count, 0, "nothing is sent with an expired token")
    }

    func testOnlyTheSourceWhoseLoginFailedNeedsLogin() async throws {
        let dir = try redditDataDir()
        try OAuthTokenStore(file: dir.root.appendingPathComponent("secrets/rd2.token"), what: "t")
            .save(OAuthToken(accessToken: "tok-2", expiresAt: now + 3600))
        server.handle("GET", "/message/inbox") { r in
            r.header("authorization") == "bearer tok-1"
                ? .json(#"{"message": "Unauthorized", "error": 401}"#, status: 401)
                : RedditFixture.listing([RedditFixture.comment("c9", body: "Hallo")])
        }
        server.on("GET", "/message/mentions", RedditFixture.empty())
        var team = TeamConfig(brand: .init(name: "Acme", terms: ["Acme"]))
        team.sources = [redditConfig(server, id: "rd"), redditConfig(server, id: "rd2")]
        let t = now
        let listener = Listener(
            store: try Store(dir: dir), team: team,
            makeSource: { c in try RedditSource(config: c, dataDir: dir, http: TestHTTPClient(), now: { t }) },
            now: { t })
        let a = await listener.poll(team.sources[0])
        let b = await listener.poll(team.sources[1])
        guard case .needsLogin(let why)? = a.error else { return XCTFail("\(String(describing: a.error))") }
        XCTAssertTrue(why.contains("reddit source rd:"), why)
        XCTAssertNil(b.error)
        XCTAssertEqual(b.added.count, 1)
        XCTAssertEqual(listener.state.health("rd").status, .needsLogin)
        XCTAssertEqual(listener.state.health("rd2").status, .ok)
    }

    // MARK: Errors by class

    func testMissingScopeNeedsLoginNamingTheScopes() async throws {
        let e = try await pollError(
            .json(
                #"{"message": "Forbidden", "error": 403}"#, status: 403,
                headers: ["WWW-Authenticate": #"Bearer realm="reddit", error="insufficient_scope""#]))
        guard case .needsLogin(let s) = e else { return XCTFail("\(e)") }
        XCTAssertTrue(s.contains("insufficient_scope") && s.contains("privatemessages"), s)
    }

    func testAPrivateSubredditIsAConfigurationErrorNotALogin() async throws {
        let e = try await pollError(.json(#"{"reason": "private", "message": "Forbidden", "error": 403}"#, status: 403))
        guard case .configuration(let s) = e else { return XCTFail("\(e)") }
        XCTAssertTrue(s.contains("private"), s)
    }

    func testTooManyRequestsWaitsForTheReset() async throws {
        let e = try await pollError(
            .json(#"{"message": "Too Many Requests", "error": 429}"#, status: 429, headers: ["X-Ratelimit-Reset": "90"])
        )
        guard case .rateLimited(let at, let detail) = e else { return XCTFail("\(e)") }
        XCTAssertEqual(at, now.addingTimeInterval(90))
        XCTAssertTrue(detail.contains("HTTP 429"), detail)
    }

    func testServerErrorsAndTheDownPageAreTransient() async throws {
        var e = try await pollError(.json(#"{"message": "Internal Server Error", "error": 500}"#, status: 500))
        guard case .transient(let s) = e else { return XCTFail("\(e)") }
        XCTAssertEqual(s, "reddit source rd: HTTP 500: Internal Server Error")
        let page =
            "<!doctype html><html><head><title>Reddit - Dive into anything</title></head><body>"
            + "all of our servers are busy right now</body></html>"
        e = try await pollError(
            NetworkTestServer.Response(status: 503, headers: ["Content-Type": "text/html"], body: Data(page.utf8)))
        guard case .transient(let down) = e else { return XCTFail("\(e)") }
        XCTAssertEqual(down, "reddit source rd: Reddit is down or overloaded (HTTP 503, an HTML error page)")
    }

    func testAnHTMLPageWith200IsMalformed() async throws {
        let e = try await pollError(
            NetworkTestServer.Response(status: 200, body: Data("<html><body>blocked</body></html>".utf8)))
        guard case .malformed(let s, let sample) = e else { return XCTFail("\(e)") }
        XCTAssertEqual(s, "reddit source rd: the server sent an HTML page instead of JSON")
        XCTAssertTrue(sample.hasPrefix("<html>"), sample)
    }

    func testATruncatedBodyIsReported() async throws {
        let body = #"{"kind": "Listing", "data": {"children": [{"kind": "t1", "data": {"body": "cut"#
        let e = try await pollError(.json(body))
        guard case .malformed(let s, _) = e else { return XCTFail("\(e)") }
        XCTAssertTrue(s.contains("not the documented JSON"), s)
        let cut = try await pollError(
            NetworkTestServer.Response(
                body: Data(#"{"kind": "Listing", "data": {"children": []}}"#.utf8), truncateAt: 10))
        switch cut {
        case .transient, .malformed: break
        default: XCTFail("\(cut)")
        }
    }
}
