import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Our own Bluesky payloads, shaped like the lexicons (listNotifications#notification, feed.defs#postView).
enum BlueskyFixture {
    static let did = "did:plc:acme123"
    static func session(_ n: Int) -> String {
        #"{"accessJwt":"acc-\#(n)","refreshJwt":"ref-\#(n)","handle":"acme.bsky.social","did":"\#(did)","email":"x@acme.example","emailConfirmed":true,"active":true}"#
    }
    static func profile(_ handle: String) -> String {
        #"{"did":"did:plc:\#(handle.split(separator: ".")[0])","handle":"\#(handle)","displayName":"\#(handle.split(separator: ".")[0].capitalized)","avatar":"https://cdn.example/a.jpg","viewer":{"muted":false,"blockedBy":false},"labels":[],"createdAt":"2024-01-01T00:00:00.000Z"}"#
    }
    static func record(_ text: String, reply: (String, String)? = nil, facets: String? = nil, langs: [String] = ["en"])
        -> String
    {
        var r =
            #"{"$type":"app.bsky.feed.post","text":"\#(text)","createdAt":"2026-11-26T09:59:58.123Z","langs":["\#(langs.joined(separator: "\",\""))"]"#
        if let (root, parent) = reply {
            r +=
                #","reply":{"root":{"uri":"\#(root)","cid":"bafyroot"},"parent":{"uri":"\#(parent)","cid":"bafyparent"}}"#
        }
        if let facets { r += #","facets":\#(facets)"# }
        return r + "}"
    }
    static func notification(
        rkey: String, reason: String, author: String = "bob.example.com", record rec: String, indexedAt: String
    ) -> String {
        #"{"uri":"at://did:plc:\#(author.split(separator: ".")[0])/app.bsky.feed.post/\#(rkey)","cid":"bafy\#(rkey)","author":\#(profile(author)),"reason":"\#(reason)","reasonSubject":"at://\#(did)/app.bsky.feed.post/3kroot","record":\#(rec),"isRead":false,"indexedAt":"\#(indexedAt)","labels":[]}"#
    }
    static func postView(rkey: String, author: String = "carol.example.com", text: String, indexedAt: String) -> String
    {
        #"{"uri":"at://did:plc:\#(author.split(separator: ".")[0])/app.bsky.feed.post/\#(rkey)","cid":"bafy\#(rkey)","author":\#(profile(author)),"record":\#(record(text)),"replyCount":0,"repostCount":0,"likeCount":3,"quoteCount":0,"indexedAt":"\#(indexedAt)","viewer":{},"labels":[]}"#
    }
}

func blueskyConfig(_ server: NetworkTestServer, id: String = "bsky", search: [String] = [], notifications: Bool = true)
    -> SourceConfig
{
    var c = SourceConfig(id: id, type: "bluesky")
    c.service = server.baseURL.absoluteString
    c.handle = "acme.bsky.social"
    c.appPasswordFile = "secrets/bsky.pass"
    c.notifications = notifications
    c.search = search
    return c
}

extension XCTestCase {
    func blueskyDataDir() throws -> DataDirectory {
        let dir = try makeDataDir()
        try Secrets.write("abcd-efgh-ijkl-mnop", to: dir.root.appendingPathComponent("secrets/bsky.pass"))
        return dir
    }
}

final class BlueskySourceTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    /// Answers with `ok` when the access token is `valid`, else with ExpiredToken.
    func authed(_ valid: String, _ ok: NetworkTestServer.Response)
        -> @Sendable (NetworkTestServer.Request) -> NetworkTestServer.Response
    {
        { r in
            r.header("authorization") == "Bearer " + valid
                ? ok : .json(#"{"error":"ExpiredToken","message":"Token has expired"}"#, status: 400)
        }
    }

    func testLoginOnceThenNotificationsAndSearchWithSessionPersisted() async throws {
        let dir = try blueskyDataDir()
        server.on("POST", "/xrpc/com.atproto.server.createSession", .json(BlueskyFixture.session(1)))
        let facets =
            #"[{"index":{"byteStart":8,"byteEnd":24},"features":[{"$type":"app.bsky.richtext.facet#link","uri":"https://example.com/x/very/long/path"}]}]"#
        server.handle(
            "GET", "/xrpc/app.bsky.notification.listNotifications",
            authed(
                "acc-1",
                .json(
                    "{\"cursor\":\"c1\",\"notifications\":["
                        + [
                            BlueskyFixture.notification(
                                rkey: "3kreply", reason: "reply",
                                record: BlueskyFixture.record(
                                    "Schön: example.com/x... ok",
                                    reply: (
                                        "at://did:plc:acme123/app.bsky.feed.post/3kroot",
                                        "at://did:plc:acme123/app.bsky.feed.post/3kparent"
                                    ), facets: facets, langs: ["de"]), indexedAt: "2026-11-26T10:00:02.000Z"),
                            BlueskyFixture.notification(
                                rkey: "3klike", reason: "like",
                                record:
                                    #"{"$type":"app.bsky.feed.like","subject":{"uri":"at://x","cid":"y"},"createdAt":"2026-11-26T10:00:00Z"}"#,
                                indexedAt: "2026-11-26T10:00:01.000Z"),
                            BlueskyFixture.notification(
                                rkey: "3kmention", reason: "mention", author: "dora.example.com",
                                record: BlueskyFixture.record("hey @acme.bsky.social"),
                                indexedAt: "2026-11-26T10:00:00.000Z"),
                        ].joined(separator: ",") + "]}")))
        server.handle(
            "GET", "/xrpc/app.bsky.feed.searchPosts",
            authed(
                "acc-1",
                .json(
                    "{\"posts\":["
                        + BlueskyFixture.postView(
                            rkey: "3ksearch", text: "Acme Cloud is great", indexedAt: "2026-11-26T09:00:00.000Z") + "]}"
                )))

        let source = try BlueskySource(
            config: blueskyConfig(server, search: ["Acme Cloud"]), dataDir: dir, http: TestHTTPClient())
        let r = try await source.poll(cursor: [:])

        let login = try XCTUnwrap(server.requests("POST", "/xrpc/com.atproto.server.createSession").first)
        XCTAssertEqual(
            login.json as? [String: String], ["identifier": "acme.bsky.social", "password": "abcd-efgh-ijkl-mnop"])
        let list = try XCTUnwrap(server.requests("GET", "/xrpc/app.bsky.notification.listNotifications").first)
        // Follows, likes and reposts are asked for too: counted for reports, never stored (issue 20).
        XCTAssertEqual(
            list.queryItems.filter { $0.0 == "reasons" }.map(\.1),
            ["mention", "reply", "quote", "follow", "like", "repost"])
        XCTAssertEqual(list.query("limit"), "50")
        let search = try XCTUnwrap(server.requests("GET", "/xrpc/app.bsky.feed.searchPosts").first)
        XCTAssertEqual(search.query("q"), "Acme Cloud")
        XCTAssertEqual(search.query("sort"), "latest")

        XCTAssertEqual(
            r.mentions.map(\.id),
            [
                "at://did:plc:bob/app.bsky.feed.post/3kreply", "at://did:plc:dora/app.bsky.feed.post/3kmention",
                "at://did:plc:carol/app.bsky.feed.post/3ksearch",
            ])
        let m = r.mentions[0]
        XCTAssertEqual(m.platform, "bluesky")
        XCTAssertEqual(m.text, "Schön: https://example.com/x/very/long/path ok")
        XCTAssertEqual(m.url, "https://bsky.app/profile/bob.example.com/post/3kreply")
        XCTAssertEqual(
            m.author, Author(handle: "@bob.example.com", name: "Bob", url: "https://bsky.app/profile/bob.example.com"))
        XCTAssertEqual(m.lang, "de")
        XCTAssertEqual(m.inReplyTo, "at://did:plc:acme123/app.bsky.feed.post/3kparent")
        XCTAssertEqual(m.threadRoot, "at://did:plc:acme123/app.bsky.feed.post/3kroot")
        XCTAssertEqual(
            m.reply,
            ReplyRef(
                uri: "at://did:plc:bob/app.bsky.feed.post/3kreply", cid: "bafy3kreply",
                rootURI: "at://did:plc:acme123/app.bsky.feed.post/3kroot", rootCID: "bafyroot"))
        XCTAssertEqual(Timestamp.format(m.createdAt), "2026-11-26T09:59:58.123Z")
        let top = r.mentions[1]
        XCTAssertEqual(
            top.reply, ReplyRef(uri: top.id, cid: "bafy3kmention", rootURI: top.id, rootCID: "bafy3kmention"),
            "a post that is no reply is its own root")
        XCTAssertEqual(
            r.cursor, ["notifications": "2026-11-26T10:00:02.000Z", "search:Acme Cloud": "2026-11-26T09:00:00.000Z"])

        // The session is on disk, private, and a new source (a restarted listener) uses it without logging in.
        let file = BlueskySource.sessionFile(dir, id: "bsky")
        let attrs = try FileManager.default.attributesOfItem(atPath: file.path)
        XCTAssertEqual((attrs[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        let saved = try XCTUnwrap(String(data: Data(contentsOf: file), encoding: .utf8))
        XCTAssertTrue(saved.contains("\"access_jwt\" : \"acc-1\""), saved)
        XCTAssertFalse(saved.contains("abcd-efgh"), "the app password is never stored in the session")
        let restarted = try BlueskySource(
            config: blueskyConfig(server, search: ["Acme Cloud"]), dataDir: dir, http: TestHTTPClient())
        _ = try await restarted.poll(cursor: r.cursor)
        XCTAssertEqual(
            server.requests("POST", "/xrpc/com.atproto.server.createSession").count, 1, "never a login per poll")
        XCTAssertEqual(server.requests("GET", "/xrpc/app.bsky.notification.listNotifications").count, 2)
    }

    func testExpiredAccessTokenIsRefreshedNotReLoggedIn() async throws {
        let dir = try blueskyDataDir()
        server.on("POST", "/xrpc/com.atproto.server.createSession", .json(BlueskyFixture.session(1)))
        server.handle("POST", "/xrpc/com.atproto.server.refreshSession") { r in
            r.header("authorization") == "Bearer ref-1"
                ? .json(BlueskyFixture.session(2))
                : .json(#"{"error":"ExpiredToken","message":"Token has expired"}"#, status: 400)
        }
        let source = try BlueskySource(config: blueskyConfig(server), dataDir: dir, http: TestHTTPClient())
        server.handle(
            "GET", "/xrpc/app.bsky.notification.listNotifications", authed("acc-1", .json(#"{"notifications":[]}"#)))
        _ = try await source.poll(cursor: [:])
        // The server now only accepts the renewed token.
        server.handle(
            "GET", "/xrpc/app.bsky.notification.listNotifications", authed("acc-2", .json(#"{"notifications":[]}"#)))
        _ = try await source.poll(cursor: [:])

        XCTAssertEqual(server.requests("POST", "/xrpc/com.atproto.server.createSession").count, 1)
        let refresh = server.requests("POST", "/xrpc/com.atproto.server.refreshSession")
        XCTAssertEqual(refresh.map { $0.header("authorization") }, ["Bearer ref-1"])
        XCTAssertEqual(
            server.requests("GET", "/xrpc/app.bsky.notification.listNotifications").map { $0.header("authorization") },
            ["Bearer acc-1", "Bearer acc-1", "Bearer acc-2"])
        let saved = try String(contentsOf: BlueskySource.sessionFile(dir, id: "bsky"), encoding: .utf8)
        XCTAssertTrue(saved.contains("\"refresh_jwt\" : \"ref-2\""), saved)
    }

    func testFailedRefreshFallsBackToOneLogin() async throws {
        let dir = try blueskyDataDir()
        server.on(
            "POST", "/xrpc/com.atproto.server.createSession", .json(BlueskyFixture.session(1)),
            .json(BlueskyFixture.session(3)))
        server.on(
            "POST", "/xrpc/com.atproto.server.refreshSession",
            .json(#"{"error":"ExpiredToken","message":"Token has expired"}"#, status: 400))
        let source = try BlueskySource(config: blueskyConfig(server), dataDir: dir, http: TestHTTPClient())
        server.handle(
            "GET", "/xrpc/app.bsky.notification.listNotifications", authed("acc-1", .json(#"{"notifications":[]}"#)))
        _ = try await source.poll(cursor: [:])
        server.handle(
            "GET", "/xrpc/app.bsky.notification.listNotifications", authed("acc-3", .json(#"{"notifications":[]}"#)))
        _ = try await source.poll(cursor: [:])
        XCTAssertEqual(server.requests("POST", "/xrpc/com.atproto.server.createSession").count, 2)
        XCTAssertEqual(server.requests("POST", "/xrpc/com.atproto.server.refreshSession").count, 1)
        let session = try XCTUnwrap(source.client.readFile())
        XCTAssertEqual(session.accessJwt, "acc-3")
        XCTAssertEqual(session.logins.count, 2)
    }

    func testLoginBudgetIsGuarded() async throws {
        let dir = try blueskyDataDir()
        let now = Date(timeIntervalSince1970: 1_900_000_000)
        // 25 login attempts in the last five minutes are on record, and the session is gone.
        let stale = BlueskyStoredSession(
            service: server.baseURL.absoluteString, did: BlueskyFixture.did, handle: "acme.bsky.social",
            accessJwt: "old", refreshJwt: "old-r", updatedAt: now,
            logins: (0..<25).map { now.addingTimeInterval(Double(-280 + $0)) })
        let enc = JSONEncoder()
        enc.dateEncodingStrategy = .switchboard
        try FileIO.makeDirectory(dir.stateDir)
        try FileIO.writeDocument(try enc.encode(stale), to: BlueskySource.sessionFile(dir, id: "bsky"), mode: 0o600)
        server.on(
            "POST", "/xrpc/com.atproto.server.refreshSession",
            .json(#"{"error":"ExpiredToken","message":"Token has expired"}"#, status: 400))
        server.on(
            "GET", "/xrpc/app.bsky.notification.listNotifications",
            .json(#"{"error":"ExpiredToken","message":"Token has expired"}"#, status: 400))
        let source = try BlueskySource(
            config: blueskyConfig(server), dataDir: dir, http: TestHTTPClient(), now: { now })
        do {
            _ = try await source.poll(cursor: [:])
            XCTFail("must not log in again")
        } catch SourceError.rateLimited(let at, let detail) {
            XCTAssertEqual(at, now.addingTimeInterval(20), "when the oldest of the 25 leaves the 5-minute window")
            XCTAssertTrue(detail.contains("25 logins in 5 minutes"), detail)
        }
        XCTAssertEqual(server.requests("POST", "/xrpc/com.atproto.server.createSession").count, 0)
    }

    func testWrongAppPasswordNeedsLogin() async throws {
        let dir = try blueskyDataDir()
        server.on(
            "POST", "/xrpc/com.atproto.server.createSession",
            .json(#"{"error":"AuthenticationRequired","message":"Invalid identifier or password"}"#, status: 401))
        let source = try BlueskySource(config: blueskyConfig(server), dataDir: dir, http: TestHTTPClient())
        do {
            _ = try await source.poll(cursor: [:])
            XCTFail("must fail")
        } catch SourceError.needsLogin(let s) {
            XCTAssertEqual(
                s,
                "bluesky source bsky: Bluesky refused the login for acme.bsky.social (AuthenticationRequired: Invalid identifier or password); check the handle and the app password (app_password_file/app_password_command), or create a new app password"
            )
            XCTAssertFalse(s.contains("abcd-efgh"))
        }
    }

    func testRateLimitResetAsEpochSeconds() async throws {
        let dir = try blueskyDataDir()
        server.on("POST", "/xrpc/com.atproto.server.createSession", .json(BlueskyFixture.session(1)))
        server.on(
            "GET", "/xrpc/app.bsky.notification.listNotifications",
            .json(
                #"{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}"#, status: 429,
                headers: [
                    "ratelimit-limit": "3000", "ratelimit-remaining": "0", "ratelimit-reset": "1900000300",
                    "ratelimit-policy": "3000;w=300",
                ]))
        let source = try BlueskySource(config: blueskyConfig(server), dataDir: dir, http: TestHTTPClient())
        do {
            _ = try await source.poll(cursor: [:])
            XCTFail("must fail")
        } catch SourceError.rateLimited(let at, let detail) {
            XCTAssertEqual(at, Date(timeIntervalSince1970: 1_900_000_300))
            XCTAssertEqual(detail, "bluesky source bsky: HTTP 429: RateLimitExceeded: Rate Limit Exceeded")
        }
    }

    func testLaterPollPagesBackUntilTheSavedPoint() async throws {
        let dir = try blueskyDataDir()
        server.on("POST", "/xrpc/com.atproto.server.createSession", .json(BlueskyFixture.session(1)))
        server.handle("GET", "/xrpc/app.bsky.feed.searchPosts") { r in
            if r.query("cursor") == nil {
                return .json(
                    "{\"cursor\":\"p2\",\"posts\":["
                        + BlueskyFixture.postView(rkey: "3k4", text: "four", indexedAt: "2026-11-26T12:00:04Z") + ","
                        + BlueskyFixture.postView(rkey: "3k3", text: "three", indexedAt: "2026-11-26T12:00:03Z") + "]}")
            }
            return .json(
                "{\"cursor\":\"p3\",\"posts\":["
                    + BlueskyFixture.postView(rkey: "3k2", text: "two", indexedAt: "2026-11-26T12:00:02Z") + ","
                    + BlueskyFixture.postView(rkey: "3k1", text: "one", indexedAt: "2026-11-26T12:00:01Z") + "]}")
        }
        var source = try BlueskySource(
            config: blueskyConfig(server, search: ["acme"], notifications: false), dataDir: dir, http: TestHTTPClient())
        source.pageSize = 2
        let r = try await source.poll(cursor: ["search:acme": "2026-11-26T12:00:02Z"])
        XCTAssertEqual(
            r.mentions.map(\.text), ["four", "three", "two"],
            "the saved newest item is included again (the store dedupes); older ones are not")
        XCTAssertEqual(
            server.requests("GET", "/xrpc/app.bsky.feed.searchPosts").map { $0.query("cursor") }, [nil, "p2"])
        XCTAssertEqual(r.cursor["search:acme"], "2026-11-26T12:00:04Z")
    }
}
