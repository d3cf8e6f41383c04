import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// The X source over loopback HTTP: the requests it sends, paging from `since_id`, authors and referenced posts from
/// `includes`, partial errors, hostile text, and every error class with its message.
final class XSourceTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    func source(_ dir: DataDirectory, _ c: SourceConfig? = nil, clock: TestClock? = nil) throws -> XSource {
        let clock = clock ?? TestClock(Date(timeIntervalSince1970: 1_800_000_000))
        return try XSource(config: c ?? xConfig(server), dataDir: dir, http: TestHTTPClient(), timeout: 5) {
            clock.now
        }
    }

    func testMentionsRequestAuthorsReferencedPostsAndConversation() async throws {
        let dir = try xDataDir()
        let reply = XFixture.tweet(
            "1900000000000000002", "@acme Die Rechnung fehlt &amp; der Export hängt: https://t.co/abc",
            author: "201", conversation: "1900000000000000001", lang: "de",
            refs: [("replied_to", "1900000000000000001"), ("quoted", "1800000000000000009")],
            urls: [("https://t.co/abc", "https://status.acme.example/störung")])
        let body = XFixture.page(
            [reply],
            users: [XFixture.user("201", "groesse_anna", "Anna Größe"), XFixture.user("100", "acme", "Acme")],
            included: [XFixture.tweet("1900000000000000001", "Unser neues Release ist da", author: "100")],
            errors: [
                [
                    "value": "1800000000000000009", "detail": "Could not find tweet with referenced_tweets.id: [1800].",
                    "title": "Not Found Error", "resource_type": "tweet",
                    "type": "https://api.twitter.com/2/problems/resource-not-found",
                ]
            ])
        server.on("GET", "/2/users/100/mentions", .json(body, headers: XFixture.rate))
        let r = try await source(dir).poll(cursor: [:])

        let req = try XCTUnwrap(server.requests("GET", "/2/users/100/mentions").first)
        XCTAssertEqual(req.header("authorization"), "Bearer x-access-1")
        XCTAssertEqual(req.query("max_results"), "100")
        XCTAssertEqual(req.query("tweet.fields"), X.tweetFields)
        XCTAssertEqual(req.query("expansions"), "author_id,referenced_tweets.id,referenced_tweets.id.author_id")
        XCTAssertEqual(req.query("user.fields"), "username,name,verified,public_metrics")
        XCTAssertNil(req.query("since_id"), "the first poll starts at the newest")

        XCTAssertEqual(r.mentions.count, 1, "a deleted quoted post (a partial error) loses nothing else")
        let m = try XCTUnwrap(r.mentions.first)
        XCTAssertEqual(m.platform, "x")
        XCTAssertEqual(m.id, "1900000000000000002")
        XCTAssertEqual(m.text, "@acme Die Rechnung fehlt & der Export hängt: https://status.acme.example/störung")
        XCTAssertEqual(m.author?.handle, "@groesse_anna")
        XCTAssertEqual(m.author?.name, "Anna Größe")
        XCTAssertEqual(m.url, "https://x.com/groesse_anna/status/1900000000000000002")
        XCTAssertEqual(m.lang, "de")
        XCTAssertEqual(m.inReplyTo, "1900000000000000001")
        XCTAssertEqual(m.threadRoot, "1900000000000000001")
        XCTAssertEqual(m.reply, ReplyRef(uri: "1900000000000000002", rootURI: "1900000000000000001"))
        XCTAssertEqual(m.extra?["replied_to_text"], .string("Unser neues Release ist da"))
        XCTAssertEqual(m.extra?["replied_to_author"], .string("@acme"))
        XCTAssertEqual(m.extra?["quoted"], .string("1800000000000000009"))
        XCTAssertNil(m.extra?["quoted_text"])
        XCTAssertEqual(r.cursor["mentions"], "1900000000000000002")
    }

    /// Issue 20: `t` on an X post reads its conversation (a recent search for `conversation_id:`), charged to the
    /// month's read ledger; with the budget spent, no request is made.
    func testTheThreadViewSearchesTheConversationAndChargesTheReadLedger() async throws {
        let dir = try xDataDir()
        let root = XFixture.tweet("1900000000000000001", "Unser neues Release ist da", author: "100")
        let answer = XFixture.tweet(
            "1900000000000000003", "@groesse_anna Danke, wir schauen nach!", author: "100",
            conversation: "1900000000000000001", refs: [("replied_to", "1900000000000000002")])
        let question = XFixture.tweet(
            "1900000000000000002", "@acme Der Export hängt", author: "201", conversation: "1900000000000000001",
            refs: [("replied_to", "1900000000000000001")])
        server.on(
            "GET", "/2/tweets/search/recent",
            .json(
                XFixture.page(
                    [answer, question, root],
                    users: [XFixture.user("201", "groesse_anna", "Anna Größe"), XFixture.user("100", "acme", "Acme")]),
                headers: XFixture.rate))
        let clock = TestClock(Date(timeIntervalSince1970: 1_800_000_000))
        let src = try XSource(config: xConfig(server, budget: 10), dataDir: dir, http: TestHTTPClient(), timeout: 5) {
            clock.now
        }
        let m = Mention(
            platform: "x", id: "1900000000000000002", text: "@acme Der Export hängt", createdAt: clock.now,
            inReplyTo: "1900000000000000001", threadRoot: "1900000000000000001", source: "xacme")
        let all = try await src.conversation(of: m)
        XCTAssertEqual(Set(all.map(\.id)), ["1900000000000000001", "1900000000000000002", "1900000000000000003"])
        XCTAssertEqual(all.first { $0.id == "1900000000000000003" }?.inReplyTo, "1900000000000000002")
        XCTAssertEqual(all.first { $0.id == "1900000000000000002" }?.author?.handle, "@groesse_anna")
        let req = try XCTUnwrap(server.requests("GET", "/2/tweets/search/recent").first)
        XCTAssertEqual(req.query("query"), "conversation_id:1900000000000000001")
        let ledger = XReadLedger(dataDir: dir, sourceID: "xacme")
        XCTAssertEqual(ledger.used(now: clock.now), 3, "three posts read")
        try ledger.add(7, now: clock.now)
        do {
            _ = try await src.conversation(of: m)
            XCTFail("a spent budget reads nothing")
        } catch SourceError.rateLimited(_, let detail) {
            XCTAssertTrue(detail.contains("monthly read budget is spent"), detail)
        }
        XCTAssertEqual(server.requests("GET", "/2/tweets/search/recent").count, 1)
    }

    func testLaterPollsPageFromSinceIDUntilNothingIsLeft() async throws {
        let dir = try xDataDir()
        server.handle("GET", "/2/users/100/mentions") { r in
            switch r.query("pagination_token") {
            case nil:
                return .json(XFixture.page(XFixture.posts(2, top: 1_900_000_000_000_000_200), next: "page2"))
            case "page2":
                return .json(XFixture.page(XFixture.posts(2, top: 1_900_000_000_000_000_150), next: "page3"))
            default:
                return .json(XFixture.page([XFixture.tweet("1900000000000000120", "last")]))
            }
        }
        let r = try await source(dir).poll(cursor: ["mentions": "1900000000000000100"])
        let reqs = server.requests("GET", "/2/users/100/mentions")
        XCTAssertEqual(reqs.map { $0.query("pagination_token") ?? "-" }, ["-", "page2", "page3"])
        XCTAssertEqual(Set(reqs.map { $0.query("since_id") ?? "" }), ["1900000000000000100"])
        XCTAssertEqual(r.mentions.count, 5)
        XCTAssertEqual(r.cursor["mentions"], "1900000000000000200", "the newest id of the first page")
    }

    func testSearchRecentWithQueryAndNextTokenAndAnOwnCursor() async throws {
        let dir = try xDataDir()
        server.on("GET", "/2/users/100/mentions", .json(XFixture.page([])))
        server.on(
            "GET", "/2/tweets/search/recent",
            .json(XFixture.page(XFixture.posts(1, top: 1_900_000_000_000_000_300), next: "more")),
            .json(XFixture.page([])))
        let src = try source(dir, xConfig(server, search: ["acme -is:retweet"]))
        let r = try await src.poll(cursor: ["search:acme -is:retweet": "1900000000000000001"])
        let reqs = server.requests("GET", "/2/tweets/search/recent")
        XCTAssertEqual(reqs.first?.query("query"), "acme -is:retweet")
        XCTAssertEqual(reqs.first?.query("since_id"), "1900000000000000001")
        XCTAssertEqual(reqs.map { $0.query("next_token") ?? "-" }, ["-", "more"])
        XCTAssertEqual(r.mentions.first?.extra?["via"], .string("search"))
        XCTAssertEqual(r.cursor["search:acme -is:retweet"], "1900000000000000300")
    }

    func testHostileTextAndIDsAreCleanedAndOddShapesTolerated() async throws {
        let dir = try xDataDir()
        let body = """
            {"data":[{"id":"1900000000000000005","text":"Hallo \\u001b[31mrot\\u001b[0m\\u202e","author_id":"666",
            "created_at":"2027-01-15T08:00:00.000Z","lang":"und","extra_field":{"x":1}},
            {"text":"no id at all"}, 42,
            {"id":1900000000000000004,"text":null,"author_id":null}],
            "includes":{"users":[{"id":"666","username":"evil\\u0007user","name":"\\u001b]0;pwned\\u0007Mallory"}]},
            "meta":{"result_count":3,"newest_id":"1900000000000000005"}}
            """
        server.on("GET", "/2/users/100/mentions", .json(body))
        let r = try await source(dir).poll(cursor: [:])
        XCTAssertEqual(r.mentions.map(\.id), ["1900000000000000005", "1900000000000000004"])
        let m = r.mentions[0]
        XCTAssertFalse(m.text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
        XCTAssertTrue(m.text.hasPrefix("Hallo "))
        XCTAssertFalse(m.author!.handle.unicodeScalars.contains { $0.value < 0x20 })
        XCTAssertFalse(m.author!.name!.unicodeScalars.contains { $0.value < 0x20 })
        XCTAssertNil(m.lang, "`und` is no language")
        XCTAssertEqual(r.mentions[1].author?.handle, nil)
    }

    func testErrorClassesHaveClearMessages() async throws {
        let dir = try xDataDir()
        let src = try source(dir)
        func poll(_ resp: NetworkTestServer.Response) async -> SourceError? {
            server.on("GET", "/2/users/100/mentions", resp)
            do { _ = try await src.poll(cursor: [:]) } catch let e as SourceError { return e } catch { return nil }
            return nil
        }
        let unauthorized = await poll(
            .json(#"{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}"#, status: 401))
        guard case .needsLogin(let m401)? = unauthorized else { return XCTFail("\(String(describing: unauthorized))") }
        XCTAssertTrue(m401.contains("expired or was revoked"), m401)
        XCTAssertTrue(m401.contains("sources add --type x --id xacme"), m401)

        let scope = await poll(
            .json(
                #"{"title":"Forbidden","type":"https://api.twitter.com/2/problems/not-authorized-for-resource","detail":"Missing scope users.read"}"#,
                status: 403))
        guard case .needsLogin(let m403)? = scope else { return XCTFail("\(String(describing: scope))") }
        XCTAssertTrue(m403.contains("lack a scope") && m403.contains("tweet.read tweet.write users.read"), m403)

        let forbidden = await poll(
            .json(
                #"{"title":"Client Forbidden","type":"https://api.twitter.com/2/problems/client-forbidden","reason":"client-not-enrolled","detail":"When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project."}"#,
                status: 403))
        guard case .configuration(let mApp)? = forbidden else { return XCTFail("\(String(describing: forbidden))") }
        XCTAssertTrue(mApp.contains("Project"), mApp)

        let cap = await poll(
            .json(
                #"{"account_id":1,"product_name":"standard-basic","title":"UsageCapExceeded","period":"Monthly","scope":"Product","detail":"Usage cap exceeded: Monthly product cap","type":"https://api.twitter.com/2/problems/usage-capped"}"#,
                status: 429))
        guard case .rateLimited(let capUntil, let mCap)? = cap else { return XCTFail("\(String(describing: cap))") }
        XCTAssertTrue(mCap.contains("usage cap is exhausted"), mCap)
        XCTAssertEqual(capUntil, Timestamp.parse("2027-02-01T00:00:00Z"), "the next month (the clock is 2027-01-15)")

        let limited = await poll(
            .json(
                #"{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}"#,
                status: 429,
                headers: [
                    "x-rate-limit-limit": "450", "x-rate-limit-remaining": "0", "x-rate-limit-reset": "1800000900",
                ]))
        guard case .rateLimited(let at, let mRate)? = limited else { return XCTFail("\(String(describing: limited))") }
        XCTAssertEqual(at, Date(timeIntervalSince1970: 1_800_000_900), "until x-rate-limit-reset")
        XCTAssertTrue(mRate.contains("rate limit"), mRate)

        let down = await poll(.json(#"{"title":"Service Unavailable"}"#, status: 503))
        guard case .transient(let m5)? = down else { return XCTFail("\(String(describing: down))") }
        XCTAssertTrue(m5.contains("X server error (HTTP 503"), m5)

        let html = await poll(
            NetworkTestServer.Response(
                status: 200, headers: ["Content-Type": "text/html"],
                body: Data("<!DOCTYPE html><html><body>Over capacity</body></html>".utf8)))
        guard case .malformed(let mHTML, _)? = html else { return XCTFail("\(String(describing: html))") }
        XCTAssertTrue(mHTML.contains("an HTML page instead of JSON"), mHTML)

        let full = XFixture.page(XFixture.posts(3))
        let cut = await poll(
            NetworkTestServer.Response(
                status: 200, headers: ["Content-Type": "application/json"], body: Data(full.utf8), truncateAt: 40))
        switch cut {
        case .malformed?, .transient?: break
        default: XCTFail("a truncated body is malformed or a lost connection: \(String(describing: cut))")
        }

        let nobody = await poll(
            .json(
                #"{"errors":[{"value":"100","detail":"Could not find user with id: [100].","title":"Not Found Error","resource_type":"user","parameter":"id","type":"https://api.twitter.com/2/problems/resource-not-found"}]}"#
            ))
        guard case .configuration(let mUser)? = nobody else { return XCTFail("\(String(describing: nobody))") }
        XCTAssertTrue(mUser.contains("Could not find user with id"), mUser)
    }

    func testAnExhaustedRateLimitWaitsForTheResetAndTheNextFeedWaitsToo() async throws {
        let dir = try xDataDir()
        server.on(
            "GET", "/2/users/100/mentions",
            .json(
                XFixture.page(XFixture.posts(2), next: "more"),
                headers: [
                    "x-rate-limit-limit": "450", "x-rate-limit-remaining": "0", "x-rate-limit-reset": "1800000600",
                ]))
        server.on("GET", "/2/tweets/search/recent", .json(XFixture.page(XFixture.posts(1))))
        let r = try await source(dir, xConfig(server, search: ["acme"])).poll(cursor: ["mentions": "1"])
        XCTAssertEqual(r.mentions.count, 2, "what was read is kept")
        XCTAssertEqual(r.notBefore, Date(timeIntervalSince1970: 1_800_000_600), "x-rate-limit-reset, epoch seconds")
        XCTAssertEqual(server.requests("GET", "/2/users/100/mentions").count, 1, "no next page at remaining 0")
        XCTAssertEqual(server.requests("GET", "/2/tweets/search/recent").count, 0, "the next feed waits too")
    }

    func testConfigurationErrorsAreClear() throws {
        let dir = try xDataDir()
        var c = xConfig(server)
        c.userID = "@acme"
        XCTAssertThrowsError(try XSource(config: c, dataDir: dir, http: TestHTTPClient())) {
            XCTAssertTrue("\($0)".contains("numeric X id"), "\($0)")
        }
        c = xConfig(server)
        c.tokenFile = nil
        XCTAssertThrowsError(try XSource(config: c, dataDir: dir, http: TestHTTPClient())) {
            XCTAssertTrue("\($0)".contains("token_file"), "\($0)")
        }
        c = xConfig(server)
        c.api = "ftp://nope"
        XCTAssertThrowsError(try XSource(config: c, dataDir: dir, http: TestHTTPClient())) {
            XCTAssertTrue("\($0)".contains("`api`"), "\($0)")
        }
    }
}
