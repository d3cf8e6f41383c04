import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

final class MastodonPublisherTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    func publisher(_ dir: DataDirectory) throws -> MastodonPublisher {
        try MastodonPublisher(config: mastodonConfig(server), dataDir: dir, http: TestHTTPClient(), timeout: 2)
    }

    func testReplySendsExactBodyAndHeaders() async throws {
        let dir = try makeDataDir()
        server.on(
            "POST", "/api/v1/statuses",
            .json(
                MastodonFixture.status(
                    id: "130001", acct: "acme", content: "<p>reply</p>", visibility: "unlisted", inReplyTo: "110002")))
        let draft = OutgoingPost(
            text: "@bob@social.example Grüße – we're on it 👋 https://status.example.com",
            inReplyTo: ReplyRef(uri: "110002", visibility: "unlisted"), language: "de")
        let ref = try await publisher(dir).post(draft, idempotencyKey: "outbox-7f3a")

        let req = try XCTUnwrap(server.requests("POST", "/api/v1/statuses").first)
        XCTAssertEqual(req.header("idempotency-key"), "outbox-7f3a")
        XCTAssertEqual(req.header("authorization"), "Bearer masto-secret-token-123")
        XCTAssertEqual(req.header("content-type"), "application/json")
        XCTAssertEqual(
            String(decoding: req.body, as: UTF8.self),
            #"{"in_reply_to_id":"110002","language":"de","status":"@bob@social.example Grüße – we're on it 👋 https://status.example.com","visibility":"unlisted"}"#
        )
        XCTAssertEqual(
            ref,
            PostedRef(
                id: "130001", uri: "https://social.example/users/acme/statuses/9130001",
                url: "https://social.example/@acme/9130001"))
        XCTAssertEqual(server.requests.count, 1)
    }

    func testANewStatusHasNoReplyFields() async throws {
        let dir = try makeDataDir()
        server.on("POST", "/api/v1/statuses", .json(MastodonFixture.status(id: "130002", acct: "acme")))
        _ = try await publisher(dir).post(OutgoingPost(text: "Maintenance tonight"), idempotencyKey: "k2")
        XCTAssertEqual(server.requests.first?.json as? [String: String], ["status": "Maintenance tonight"])
    }

    func testRefusedPostIsPermanentWithTheNetworksMessage() async throws {
        let dir = try makeDataDir()
        server.on(
            "POST", "/api/v1/statuses",
            .json(#"{"error":"Validation failed: Text character limit of 500 exceeded"}"#, status: 422))
        do {
            _ = try await publisher(dir).post(
                OutgoingPost(text: String(repeating: "a", count: 600)), idempotencyKey: "k3")
            XCTFail("a 422 must fail")
        } catch let e as PublishError {
            XCTAssertEqual(e, .rejected("Validation failed: Text character limit of 500 exceeded"))
            XCTAssertFalse(e.isRetryable)
        }
    }

    func testRateLimitedServerErrorAndTimeoutAreRetryable() async throws {
        let dir = try makeDataDir()
        server.on(
            "POST", "/api/v1/statuses",
            .json(#"{"error":"Too many requests"}"#, status: 429, headers: ["Retry-After": "30"]),
            .json(#"{"error":"oops"}"#, status: 500),
            NetworkTestServer.Response(body: Data("{}".utf8), delay: 5))
        let p = try publisher(dir)
        var errors: [PublishError] = []
        for _ in 0..<3 {
            do { _ = try await p.post(OutgoingPost(text: "hi"), idempotencyKey: "same-key") } catch let e
                as PublishError
            { errors.append(e) }
        }
        XCTAssertEqual(errors.count, 3)
        guard case .rateLimited = errors[0] else { return XCTFail("\(errors[0])") }
        XCTAssertEqual(errors[1], .transient("mastodon account masto: HTTP 500: oops"))
        XCTAssertEqual(errors[2], .transient("mastodon account masto: cannot reach 127.0.0.1: timed out"))
        XCTAssertTrue(errors.allSatisfy(\.isRetryable))
        XCTAssertEqual(
            Set(server.requests.map { $0.header("idempotency-key") ?? "" }), ["same-key"], "retries reuse the key")
    }

    func testUnauthorizedNeedsLogin() async throws {
        let dir = try makeDataDir()
        server.on("POST", "/api/v1/statuses", .json(#"{"error":"The access token is invalid"}"#, status: 401))
        do {
            _ = try await publisher(dir).post(OutgoingPost(text: "hi"), idempotencyKey: "k")
            XCTFail("a 401 must fail")
        } catch let e as PublishError {
            guard case .needsLogin(let s) = e else { return XCTFail("\(e)") }
            XCTAssertFalse(s.contains("masto-secret-token-123"))
        }
    }

    func testOAuthOutOfBandFlow() async throws {
        server.on(
            "POST", "/api/v1/apps",
            .json(
                #"{"id":"563419","name":"Switchboard","website":null,"redirect_uri":"urn:ietf:wg:oauth:2.0:oob","client_id":"cid-1","client_secret":"csecret-1","vapid_key":"x"}"#
            ))
        server.on(
            "POST", "/oauth/token",
            .json(#"{"access_token":"new-token-9","token_type":"Bearer","scope":"read write","created_at":1573979017}"#)
        )
        let oauth = MastodonOAuth(instance: server.baseURL, http: TestHTTPClient())
        let app = try await oauth.registerApp()
        let url = oauth.authorizeURL(clientID: app.clientId)
        XCTAssertEqual(
            url.absoluteString,
            server.baseURL.absoluteString
                + "/oauth/authorize?client_id=cid-1&scope=read%20write&redirect_uri=urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob&response_type=code"
        )
        let token = try await oauth.exchange(code: "pasted code", app: app)
        XCTAssertEqual(token, "new-token-9")
        let reg = server.requests("POST", "/api/v1/apps")[0]
        XCTAssertEqual(
            String(decoding: reg.body, as: UTF8.self),
            "client_name=Switchboard&redirect_uris=urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob&scopes=read%20write")
        let tok = server.requests("POST", "/oauth/token")[0]
        XCTAssertEqual(
            String(decoding: tok.body, as: UTF8.self),
            "grant_type=authorization_code&code=pasted%20code&client_id=cid-1&client_secret=csecret-1&redirect_uri=urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob&scope=read%20write"
        )
    }
}
