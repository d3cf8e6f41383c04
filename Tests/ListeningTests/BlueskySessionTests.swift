import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

final class BlueskySessionTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    static func jwt(exp: Date, name: String) -> String {
        func b64(_ s: String) -> String {
            Data(s.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "").replacingOccurrences(
                of: "+", with: "-"
            ).replacingOccurrences(of: "/", with: "_")
        }
        return b64(#"{"typ":"at+jwt","alg":"ES256K"}"#) + "."
            + b64(
                #"{"scope":"com.atproto.appPass","sub":"did:plc:acme123","exp":\#(Int(exp.timeIntervalSince1970)),"n":"\#(name)"}"#
            ) + ".sig"
    }

    func testAnAccessTokenAboutToExpireIsRefreshedBeforeTheCall() async throws {
        let dir = try blueskyDataDir()
        let expired = Self.jwt(exp: Date().addingTimeInterval(-10), name: "a")
        let fresh = Self.jwt(exp: Date().addingTimeInterval(7200), name: "b")
        server.on(
            "POST", "/xrpc/com.atproto.server.createSession",
            .json(#"{"accessJwt":"\#(expired)","refreshJwt":"r1","handle":"acme.bsky.social","did":"did:plc:acme123"}"#)
        )
        server.on(
            "POST", "/xrpc/com.atproto.server.refreshSession",
            .json(#"{"accessJwt":"\#(fresh)","refreshJwt":"r2","handle":"acme.bsky.social","did":"did:plc:acme123"}"#))
        server.on("GET", "/xrpc/app.bsky.notification.listNotifications", .json(#"{"notifications":[]}"#))
        let source = try BlueskySource(config: blueskyConfig(server), dataDir: dir, http: TestHTTPClient())
        _ = try await source.poll(cursor: [:])
        XCTAssertEqual(
            server.requests.map(\.path),
            [
                "/xrpc/com.atproto.server.createSession", "/xrpc/com.atproto.server.refreshSession",
                "/xrpc/app.bsky.notification.listNotifications",
            ])
        XCTAssertEqual(
            server.requests[2].header("authorization"), "Bearer " + fresh, "no request is made with an expired token")
    }

    func testTwoProcessesShareOneSession() async throws {
        let dir = try blueskyDataDir()
        server.on("POST", "/xrpc/com.atproto.server.createSession", .json(BlueskyFixture.session(1)))
        server.handle("POST", "/xrpc/com.atproto.server.refreshSession") { r in
            r.header("authorization") == "Bearer ref-1"
                ? .json(BlueskyFixture.session(2))
                : .json(#"{"error":"ExpiredToken","message":"Token has been revoked"}"#, status: 400)
        }
        let ok = #"{"notifications":[]}"#
        server.handle("GET", "/xrpc/app.bsky.notification.listNotifications") { r in
            r.header("authorization") == "Bearer acc-1" || r.header("authorization") == "Bearer acc-2"
                ? .json(ok) : .json(#"{"error":"ExpiredToken","message":"Token has expired"}"#, status: 400)
        }
        // A listener and a workbench (two clients, one session file) both start with the first session.
        let listener = try BlueskySource(config: blueskyConfig(server), dataDir: dir, http: TestHTTPClient())
        let workbench = try BlueskyPublisher(config: blueskyConfig(server), dataDir: dir, http: TestHTTPClient())
        _ = try await listener.poll(cursor: [:])
        _ = try await workbench.client.session()
        // The access token expires; the listener renews first (the refresh token rotates).
        server.handle("GET", "/xrpc/app.bsky.notification.listNotifications") { r in
            r.header("authorization") == "Bearer acc-2"
                ? .json(ok) : .json(#"{"error":"ExpiredToken","message":"Token has expired"}"#, status: 400)
        }
        _ = try await listener.poll(cursor: [:])
        // The workbench still holds the old session in memory: it adopts the renewed one from disk instead of
        // refreshing with the rotated-away refresh token (which would fail and cost a login).
        let r = try await workbench.client.get("app.bsky.notification.listNotifications", [])
        XCTAssertEqual(r.status, 200)
        XCTAssertEqual(server.requests("POST", "/xrpc/com.atproto.server.refreshSession").count, 1)
        XCTAssertEqual(server.requests("POST", "/xrpc/com.atproto.server.createSession").count, 1)
    }
}
