import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// X's OAuth 2.0 tokens: an expiring token is renewed with its refresh token before a request, X's rotation (a
/// refresh token works once) never locks two processes out, a refused token stops only its own source, and the
/// PKCE pieces of the login are right.
final class XTokenTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    var t0: Date { Self.t0 }

    /// A token endpoint that rotates: each refresh token works once and is replaced by the next.
    func rotatingTokenEndpoint() {
        let used = Counter()
        server.handle("POST", "/2/oauth2/token") { r in
            let form = XTokenTests.form(r.body)
            guard form["grant_type"] == "refresh_token", form["client_id"] == "client-abc",
                let rt = form["refresh_token"], rt.hasPrefix("refresh-"), let n = Int(rt.dropFirst(8)),
                used.take(n)
            else {
                return .json(
                    #"{"error":"invalid_request","error_description":"Value passed for the token was invalid."}"#,
                    status: 400)
            }
            return .json(
                #"{"token_type":"bearer","expires_in":7200,"access_token":"access-\#(n + 1)","scope":"tweet.read users.read offline.access","refresh_token":"refresh-\#(n + 1)"}"#
            )
        }
        server.handle("GET", "/2/users/100/mentions") { r in
            r.header("authorization") == "Bearer access-2"
                ? .json(XFixture.page(XFixture.posts(1)))
                : .json(#"{"title":"Unauthorized","status":401}"#, status: 401)
        }
    }

    static func form(_ body: Data) -> [String: String] {
        var out: [String: String] = [:]
        for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            out[kv[0]] = kv.count > 1 ? kv[1] : ""
        }
        return out
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var seen = Set<Int>()
        func take(_ n: Int) -> Bool { lock.withLock { seen.insert(n).inserted } }
    }

    func expiring() -> OAuthToken {
        OAuthToken(accessToken: "access-1", refreshToken: "refresh-1", expiresAt: t0.addingTimeInterval(60))
    }

    func testAnExpiringTokenIsRenewedAndTheRotatedRefreshTokenSaved() async throws {
        let dir = try xDataDir(token: expiring())
        rotatingTokenEndpoint()
        let src = try XSource(config: xConfig(server), dataDir: dir, http: TestHTTPClient(), timeout: 5) {
            XTokenTests.t0
        }
        let r = try await src.poll(cursor: [:])
        XCTAssertEqual(r.mentions.count, 1)
        let body = String(decoding: try XCTUnwrap(server.requests("POST", "/2/oauth2/token").first).body, as: UTF8.self)
        XCTAssertEqual(body, "grant_type=refresh_token&refresh_token=refresh-1&client_id=client-abc")
        let saved = try XCTUnwrap(
            OAuthToken.parse(try Data(contentsOf: dir.root.appendingPathComponent("secrets/xacme.token"))))
        XCTAssertEqual(saved.accessToken, "access-2")
        XCTAssertEqual(saved.refreshToken, "refresh-2", "X rotates: the new refresh token replaces the used one")
        XCTAssertEqual(saved.expiresAt, t0.addingTimeInterval(7200))
        let attrs = try FileManager.default.attributesOfItem(
            atPath: dir.root.appendingPathComponent("secrets/xacme.token").path)
        XCTAssertEqual((attrs[.posixPermissions] as? NSNumber)?.intValue, 0o600)
    }

    func testTwoProcessesRenewOnceAndBothKeepWorking() async throws {
        let dir = try xDataDir(token: expiring())
        rotatingTokenEndpoint()
        // Two sources built separately, as two processes would (each its own token store on the same file).
        let a = try XSource(config: xConfig(server), dataDir: dir, http: TestHTTPClient(), timeout: 5) {
            XTokenTests.t0
        }
        let b = try XSource(config: xConfig(server), dataDir: dir, http: TestHTTPClient(), timeout: 5) {
            XTokenTests.t0
        }
        async let ra = a.poll(cursor: [:])
        async let rb = b.poll(cursor: [:])
        let (x, y) = try await (ra, rb)
        XCTAssertEqual(x.mentions.count + y.mentions.count, 2)
        XCTAssertEqual(server.requests("POST", "/2/oauth2/token").count, 1, "one renewal; the other used its token")
    }

    func testARefusedRefreshNeedsLoginForThatSourceOnlyAndOthersKeepPolling() async throws {
        let dir = try xDataDir(
            id: "xbroken",
            token: OAuthToken(accessToken: "old", refreshToken: "refresh-9", expiresAt: Date(timeIntervalSince1970: 0)))
        try OAuthTokenStore(file: dir.root.appendingPathComponent("secrets/xgood.token"), what: "t")
            .save(OAuthToken(accessToken: "access-2"))
        server.on(
            "POST", "/2/oauth2/token",
            .json(
                #"{"error":"invalid_request","error_description":"Value passed for the token was invalid."}"#,
                status: 400))
        server.handle("GET", "/2/users/100/mentions") { r in
            r.header("authorization") == "Bearer access-2"
                ? .json(XFixture.page(XFixture.posts(2)))
                : .json(#"{"title":"Unauthorized","status":401}"#, status: 401)
        }
        let store = try Store(dir: dir)
        var team = TeamConfig(brand: .init(name: "Acme", terms: ["Acme"]))
        team.sources = [xConfig(server, id: "xbroken"), xConfig(server, id: "xgood")]
        let l = Listener(
            store: store, team: team,
            makeSource: { c in try Listener.networkSource(c, dataDir: dir, http: TestHTTPClient()) })
        let out = await l.runOnce()
        let byID = Dictionary(uniqueKeysWithValues: out.map { ($0.source, $0) })
        guard case .needsLogin(let why)? = byID["xbroken"]?.error else {
            return XCTFail("\(String(describing: byID["xbroken"]?.error))")
        }
        XCTAssertTrue(why.contains("refused the token request") && why.contains("--id xbroken"), why)
        XCTAssertNil(byID["xgood"]?.error)
        XCTAssertEqual(byID["xgood"]?.added.count, 2)
        let health = SourceStateStore(dir: dir).load()
        XCTAssertEqual(health["xbroken"]?.status, .needsLogin)
        XCTAssertEqual(health["xgood"]?.status, .ok)
        XCTAssertEqual(store.mentions.filter { $0.platform == "x" }.count, 2)
    }

    func testPKCEChallengeAndAuthorizeAddress() throws {
        // Expected values from Python's hashlib (base64url without padding).
        let p = XOAuth.PKCE(verifier: "dBjftJeZ4CVP-mJ92K1NMpaNmZMm-AcIiH9Qa7j8e1Sz8uaIWHU", state: "st")
        XCTAssertEqual(p.challenge, "7fml5EgaotgPVPfLuiS1V-KQa_-UcBDVouh30vPnc5c")
        let long = SHA256.hash(Array(String(repeating: "Grüße ", count: 20).utf8))
        XCTAssertEqual(
            long.map { String(format: "%02x", $0) }.joined(),
            "955725991865686942c28dc77afbfdfefabc50d9d54d679a2d11818def5d8357")
        let url = XOAuth.authorizeURL(clientID: "client-abc", redirectURI: "http://127.0.0.1:8765/callback", pkce: p)
        let q = Dictionary(
            uniqueKeysWithValues: URLComponents(url: url, resolvingAgainstBaseURL: false)!.queryItems!.map {
                ($0.name, $0.value ?? "")
            })
        XCTAssertEqual(url.host, "x.com")
        XCTAssertEqual(q["scope"], "tweet.read tweet.write users.read offline.access media.write")
        XCTAssertEqual(q["code_challenge_method"], "S256")
        XCTAssertEqual(q["code_challenge"], p.challenge)
        XCTAssertEqual(q["redirect_uri"], "http://127.0.0.1:8765/callback")
        XCTAssertEqual(
            try XOAuth.code(fromPasted: "http://127.0.0.1:8765/callback?state=st&code=abc123", state: "st"), "abc123")
        XCTAssertEqual(try XOAuth.code(fromPasted: "  abc123 ", state: "st"), "abc123")
        XCTAssertThrowsError(try XOAuth.code(fromPasted: "https://x/cb?state=other&code=abc", state: "st"))
    }

    func testCodeExchangeSendsTheVerifier() async throws {
        server.on(
            "POST", "/2/oauth2/token",
            .json(
                #"{"token_type":"bearer","expires_in":7200,"access_token":"a1","refresh_token":"r1","scope":"tweet.read"}"#
            ))
        let t = try await XOAuth.exchange(
            code: "c0de", verifier: "v3r", clientID: "client-abc", redirectURI: "http://127.0.0.1:8765/callback",
            base: server.baseURL, http: TestHTTPClient(), now: t0)
        XCTAssertEqual(
            t,
            OAuthToken(
                accessToken: "a1", refreshToken: "r1", expiresAt: t0.addingTimeInterval(7200), scope: "tweet.read"))
        let body = String(decoding: try XCTUnwrap(server.requests.first).body, as: UTF8.self)
        XCTAssertEqual(
            body,
            "grant_type=authorization_code&code=c0de&redirect_uri=http%3A%2F%2F127.0.0.1%3A8765%2Fcallback&code_verifier=v3r&client_id=client-abc"
        )
    }
}
