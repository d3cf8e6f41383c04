import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// The installed-app login (the one that grants youtube.force-ssl): the page to open, the pasted address, the code
/// exchange; and a refused renewal that asks for a new login.
final class YouTubeOAuthTests: YouTubeServerTestCase {
    func testTheBrowserLoginAsksForForceSSLOfflineAndExchangesThePastedCode() async throws {
        let oauth = YouTubeOAuth(
            clientID: "cid", clientSecret: "sec", http: TestHTTPClient(), oauthBase: server.baseURL)
        let url = oauth.authorizationURL(
            redirect: "http://127.0.0.1:4711", verifier: "v" + String(repeating: "x", count: 50))
        let q = Dictionary(
            uniqueKeysWithValues: (URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? []).map {
                ($0.name, $0.value ?? "")
            })
        XCTAssertEqual(q["scope"], "https://www.googleapis.com/auth/youtube.force-ssl")
        XCTAssertEqual(q["access_type"], "offline")
        XCTAssertEqual(q["redirect_uri"], "http://127.0.0.1:4711")
        XCTAssertEqual(q["response_type"], "code")
        // PKCE S256: Google gets the verifier's SHA-256 (base64url), never the verifier itself.
        XCTAssertEqual(q["code_challenge_method"], "S256")
        XCTAssertEqual(q["code_challenge"], SHA256.pkceChallenge("v" + String(repeating: "x", count: 50)))
        XCTAssertNotEqual(q["code_challenge"], "v" + String(repeating: "x", count: 50))
        // RFC 7636 appendix B: the published verifier and its S256 challenge.
        let rfc = oauth.authorizationURL(
            redirect: "http://127.0.0.1:4711", verifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")
        XCTAssertEqual(
            URLComponents(url: rfc, resolvingAgainstBaseURL: false)?.queryItems?.first { $0.name == "code_challenge" }?
                .value, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
        XCTAssertEqual(
            YouTubeOAuth.code(
                fromPasted:
                    " http://127.0.0.1:4711/?code=4/0Ab-x_y&scope=https://www.googleapis.com/auth/youtube.force-ssl "),
            "4/0Ab-x_y")
        XCTAssertEqual(YouTubeOAuth.code(fromPasted: "4/0Ab-x_y"), "4/0Ab-x_y")
        XCTAssertNil(YouTubeOAuth.code(fromPasted: "   "))

        server.on(
            "POST", "/token",
            .json(
                #"{"access_token":"ya29.a","refresh_token":"1//r","expires_in":3599,"scope":"https://www.googleapis.com/auth/youtube.force-ssl"}"#
            ))
        let now = Timestamp.parse("2026-12-05T12:00:00Z")!
        let t = try await oauth.exchange(code: "4/0Ab", redirect: "http://127.0.0.1:4711", verifier: "VER", now: now)
        XCTAssertEqual(t.accessToken, "ya29.a")
        XCTAssertEqual(t.refreshToken, "1//r")
        XCTAssertEqual(t.expiresAt, now.addingTimeInterval(3599))
        XCTAssertEqual(t.extra?["token_uri"], server.url("/token").absoluteString)
        XCTAssertEqual(
            String(decoding: server.requests[0].body, as: UTF8.self),
            "client_id=cid&code=4%2F0Ab&code_verifier=VER&grant_type=authorization_code"
                + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A4711&client_secret=sec")

        server.on("POST", "/token", .json(#"{"error":"invalid_grant","error_description":"Bad Request"}"#, status: 400))
        do {
            _ = try await oauth.exchange(code: "used", redirect: "http://127.0.0.1:4711", verifier: "VER")
            XCTFail()
        } catch let e as SourceError {
            XCTAssertEqual(e.description, "needs login: Google login refused: invalid_grant: Bad Request")
        }
    }

    func testARevokedRefreshTokenAsksForANewLogin() async throws {
        let t0 = Timestamp.parse("2026-12-05T12:00:00Z")!
        let dir = try YouTubeFixture.dataDir(
            self,
            token: OAuthToken(
                accessToken: "old", refreshToken: "1//gone", expiresAt: t0.addingTimeInterval(-1),
                extra: ["token_uri": server.url("/token").absoluteString]))
        server.on(
            "POST", "/token",
            .json(#"{"error":"invalid_grant","error_description":"Token has been expired or revoked."}"#, status: 400))
        let s = try YouTubeSource(
            config: YouTubeFixture.config(server), dataDir: dir, http: TestHTTPClient(), now: { t0 })
        do {
            _ = try await s.poll(cursor: [:])
            XCTFail()
        } catch let e as SourceError {
            guard case .needsLogin(let why) = e else { return XCTFail("\(e)") }
            XCTAssertTrue(
                why.contains("Google refused to renew the login (invalid_grant: Token has been expired or revoked.)"),
                why)
            XCTAssertTrue(why.contains("switchboard sources add youtube"), why)
        }
        XCTAssertEqual(server.requests("GET", "/youtube/v3/commentThreads").count, 0)
    }
}
