import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Our own Mastodon payloads, shaped like the API documentation's Status, Account and Notification entities.
enum MastodonFixture {
    static func account(id: String, acct: String, name: String = "Anna Example", followers: Int = 321) -> String {
        let user = acct.split(separator: "@").first.map(String.init) ?? acct
        let host = acct.contains("@") ? String(acct.split(separator: "@")[1]) : "social.example"
        return """
            {"id":"\(id)","username":"\(user)","acct":"\(acct)","display_name":"\(name)","locked":false,"bot":false,"discoverable":true,\
            "group":false,"created_at":"2021-03-16T14:34:26.392Z","note":"<p>Hello</p>","url":"https://\(host)/@\(user)",\
            "avatar":"https://files.example/a.png","avatar_static":"https://files.example/a.png","header":"https://files.example/h.png",\
            "header_static":"https://files.example/h.png","followers_count":\(followers),"following_count":12,"statuses_count":345,\
            "last_status_at":"2026-11-26","emojis":[],"fields":[]}
            """
    }

    static func status(
        id: String, acct: String = "anna@other.example",
        content: String =
            "<p>Hello <span class=\\\"h-card\\\"><a href=\\\"https://social.example/@acme\\\" class=\\\"u-url mention\\\">@<span>acme</span></a></span></p>",
        visibility: String = "public", inReplyTo: String? = nil, language: String? = "en", spoiler: String = "",
        created: String = "2026-11-26T10:00:00.000Z", followers: Int = 321
    ) -> String {
        let host = acct.contains("@") ? String(acct.split(separator: "@")[1]) : "social.example"
        let user = acct.split(separator: "@").first.map(String.init) ?? acct
        let reply = inReplyTo.map { "\"\($0)\"" } ?? "null"
        let lang = language.map { "\"\($0)\"" } ?? "null"
        return """
            {"id":"\(id)","created_at":"\(created)","in_reply_to_id":\(reply),"in_reply_to_account_id":\(inReplyTo == nil ? "null" : "\"14715\""),\
            "sensitive":\(spoiler.isEmpty ? "false" : "true"),"spoiler_text":"\(spoiler)","visibility":"\(visibility)","language":\(lang),\
            "uri":"https://\(host)/users/\(user)/statuses/9\(id)","url":"https://\(host)/@\(user)/9\(id)","replies_count":0,"reblogs_count":1,\
            "favourites_count":2,"quotes_count":0,"edited_at":null,"favourited":false,"reblogged":false,"muted":false,"bookmarked":false,\
            "content":"\(content)","filtered":[],"reblog":null,"application":{"name":"Web","website":null},\
            "account":\(account(id: "7\(id.suffix(3))", acct: acct, followers: followers)),"media_attachments":[],\
            "mentions":[{"id":"14715","username":"acme","url":"https://social.example/@acme","acct":"acme"}],\
            "tags":[],"emojis":[],"quote":null,"card":null,"poll":null}
            """
    }

    static func notification(
        id: String, type: String = "mention", status statusID: String, acct: String = "anna@other.example"
    ) -> String {
        let s = type == "follow" ? "" : ",\"status\":" + status(id: statusID, acct: acct)
        return
            "{\"id\":\"\(id)\",\"type\":\"\(type)\",\"created_at\":\"2026-11-26T10:00:01.000Z\",\"account\":\(account(id: "55", acct: acct))\(s)}"
    }

    static func list(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }
}

extension XCTestCase {
    /// A data directory in a fresh temporary folder (removed after the test), with the Mastodon token as a secret file.
    func makeDataDir(token: String = "masto-secret-token-123", file: String = "secrets/masto.token") throws
        -> DataDirectory
    {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sb-net-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        let dir = DataDirectory(root: root)
        try FileIO.makeDirectory(dir.root)
        try Secrets.write(token, to: dir.root.appendingPathComponent(file))
        let team = TeamConfig(brand: .init(name: "Acme", terms: ["Acme"]))
        try FileIO.writeDocument(try JSONEncoder().encode(team), to: dir.teamFile)
        return dir
    }
}

func mastodonConfig(
    _ server: NetworkTestServer, id: String = "masto", hashtags: [String] = [], search: [String] = [],
    notifications: Bool = true
) -> SourceConfig {
    var c = SourceConfig(id: id, type: "mastodon")
    c.instance = server.baseURL.absoluteString
    c.tokenFile = "secrets/masto.token"
    c.notifications = notifications
    c.hashtags = hashtags
    c.search = search
    return c
}

final class MastodonSourceTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    func testFirstPollReadsLatestNotificationPageAndMapsMentions() async throws {
        let dir = try makeDataDir()
        let html =
            "<p>&quot;Is <a href=\\\"https://social.example/tags/acme\\\" class=\\\"mention hashtag\\\" rel=\\\"tag\\\">#<span>Acme</span></a> down?&quot;<br>see <a href=\\\"https://status.example.com/incidents/2026/11/26/long-path\\\" rel=\\\"nofollow noopener\\\" target=\\\"_blank\\\"><span class=\\\"invisible\\\">https://</span><span class=\\\"ellipsis\\\">status.example.com/incidents/</span><span class=\\\"invisible\\\">2026/11/26/long-path</span></a></p><p>Gr&#252;&#xDF;e &amp; thanks</p>"
        server.on(
            "GET", "/api/v1/notifications",
            .json(
                MastodonFixture.list([
                    "{\"id\":\"1002\",\"type\":\"mention\",\"created_at\":\"2026-11-26T10:00:01.000Z\",\"account\":\(MastodonFixture.account(id: "55", acct: "bob")),"
                        + "\"status\":\(MastodonFixture.status(id: "110002", acct: "bob", content: html, visibility: "unlisted", inReplyTo: "109999", language: "de"))}",
                    MastodonFixture.notification(id: "1001", status: "110001"),
                ])))
        let source = try MastodonSource(config: mastodonConfig(server), dataDir: dir, http: TestHTTPClient())
        let r = try await source.poll(cursor: [:])

        let req = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(req.path, "/api/v1/notifications")
        XCTAssertEqual(req.query("types[]"), "mention")
        XCTAssertEqual(req.query("limit"), "40")
        XCTAssertNil(req.query("min_id"), "the first poll reads the latest page only")
        XCTAssertEqual(req.header("authorization"), "Bearer masto-secret-token-123")
        XCTAssertEqual(server.requests.count, 1)

        XCTAssertEqual(r.mentions.count, 2)
        XCTAssertEqual(r.cursor["notifications"], "1002")
        let m = r.mentions[0]
        XCTAssertEqual(m.platform, "mastodon")
        XCTAssertEqual(m.id, "https://social.example/users/bob/statuses/9110002")
        XCTAssertEqual(m.url, "https://social.example/@bob/9110002")
        XCTAssertEqual(
            m.text,
            "\"Is #Acme down?\"\nsee https://status.example.com/incidents/2026/11/26/long-path\n\nGrüße & thanks")
        XCTAssertEqual(m.author?.handle, "@bob@127.0.0.1")
        XCTAssertEqual(m.author?.name, "Anna Example")
        XCTAssertEqual(m.author?.followers, 321)
        XCTAssertEqual(m.lang, "de")
        XCTAssertEqual(m.inReplyTo, "109999")
        XCTAssertEqual(m.reply, ReplyRef(uri: "110002", visibility: "unlisted"))
        XCTAssertEqual(m.source, "masto")
        XCTAssertEqual(Timestamp.format(m.createdAt), "2026-11-26T10:00:00Z")
        XCTAssertEqual(r.mentions[1].text, "Hello @acme")
        XCTAssertEqual(r.mentions[1].author?.handle, "@anna@other.example")
    }

    func testLaterPollPagesForwardByMinIdFollowingTheLinkHeader() async throws {
        let dir = try makeDataDir()
        let base = server.baseURL.absoluteString
        // Page 1 is full (pageSize 2): the Link header's prev relation points at the next newer page.
        server.handle("GET", "/api/v1/notifications") { r in
            switch r.query("min_id") {
            case "1000":
                return .json(
                    MastodonFixture.list([
                        MastodonFixture.notification(id: "1002", status: "110002"),
                        MastodonFixture.notification(id: "1001", status: "110001"),
                    ]),
                    headers: [
                        "Link":
                            "<\(base)/api/v1/notifications?types%5B%5D=mention&limit=2&max_id=1001>; rel=\"next\", <\(base)/api/v1/notifications?types%5B%5D=mention&limit=2&min_id=1002>; rel=\"prev\""
                    ])
            case "1002":
                return .json(MastodonFixture.list([MastodonFixture.notification(id: "1003", status: "110003")]))
            default:
                return .json("[]", status: 500)
            }
        }
        var source = try MastodonSource(config: mastodonConfig(server), dataDir: dir, http: TestHTTPClient())
        source.pageSize = 2
        let r = try await source.poll(cursor: ["notifications": "1000"])
        XCTAssertEqual(server.requests.map { $0.query("min_id") }, ["1000", "1002"])
        XCTAssertEqual(server.requests[1].query("types[]"), "mention", "the Link target keeps the filter")
        XCTAssertEqual(r.mentions.map(\.reply?.uri), ["110002", "110001", "110003"])
        XCTAssertEqual(r.cursor["notifications"], "1003")
    }

    func testHashtagTimelineAndSearchFindTheSamePostOnce() async throws {
        let dir = try makeDataDir()
        let shared = MastodonFixture.status(id: "120001", acct: "carol@x.example")
        server.on(
            "GET", "/api/v1/timelines/tag/acme",
            .json(MastodonFixture.list([shared, MastodonFixture.status(id: "120000", acct: "dave@y.example")])))
        server.on("GET", "/api/v2/search", .json("{\"accounts\":[],\"statuses\":[\(shared)],\"hashtags\":[]}"))
        let source = try MastodonSource(
            config: mastodonConfig(server, hashtags: ["#Acme"], search: ["Acme Cloud"], notifications: false),
            dataDir: dir, http: TestHTTPClient())
        let r = try await source.poll(cursor: [:])
        XCTAssertEqual(server.requests.map(\.path), ["/api/v1/timelines/tag/acme", "/api/v2/search"])
        let search = server.requests[1]
        XCTAssertEqual(search.query("type"), "statuses")
        XCTAssertEqual(search.query("q"), "Acme Cloud")
        XCTAssertEqual(search.query("resolve"), "false")
        XCTAssertEqual(r.mentions.count, 2, "the post found by hashtag and by search is one mention")
        XCTAssertEqual(r.cursor["tag:acme"], "120001")
        XCTAssertEqual(r.cursor["search:Acme Cloud"], "120001")

        // Stored twice (two polls): still one mention in the store.
        let store = try Store(dir: dir)
        try store.ingest(r.mentions)
        let again = try await source.poll(cursor: [:])
        let second = try store.ingest(again.mentions)
        XCTAssertEqual(store.count, 2)
        XCTAssertEqual(second.added, [])
        XCTAssertEqual(second.duplicates, 2)
        XCTAssertEqual(server.requests[2].query("min_id"), nil)
    }

    func testExhaustedRateLimitOnSuccessSetsNotBefore() async throws {
        let dir = try makeDataDir()
        server.on(
            "GET", "/api/v1/notifications",
            .json(
                "[]",
                headers: [
                    "X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "0",
                    "X-RateLimit-Reset": "2031-01-02T03:04:05.123456Z",
                ]))
        server.on("GET", "/api/v1/timelines/tag/acme", .json("[]"))
        let source = try MastodonSource(
            config: mastodonConfig(server, hashtags: ["acme"]), dataDir: dir, http: TestHTTPClient())
        let r = try await source.poll(cursor: [:])
        XCTAssertEqual(r.notBefore.map(Timestamp.format), "2031-01-02T03:04:05.123Z")
        XCTAssertEqual(server.requests.count, 1, "no further requests once the limit is used up")
    }

    func testHTMLToText() {
        XCTAssertEqual(
            MastodonHTML.text("<p>a<br />b</p><p>c &lt;3 &#128512; &#x1F600; &bogus; &amp;amp;</p>"),
            "a\nb\n\nc <3 😀 😀 &bogus; &amp;")
        XCTAssertEqual(
            MastodonHTML.text(
                "<p><a href=\"https://x.example/@a\" class=\"u-url mention\">@<span>a</span></a> <a href=\"https://example.org/docs\">the docs</a></p>"
            ),
            "@a the docs (https://example.org/docs)")
        XCTAssertEqual(MastodonHTML.text("<p>x<script>alert(1)</script>y</p>"), "xy")
        XCTAssertEqual(MastodonHTML.text("unclosed <a href=\"u\">link"), "unclosed link")
        XCTAssertEqual(MastodonHTML.text("broken <p"), "broken <p")
    }

    func testTokenFromCommandAndMissingSecretMessages() async throws {
        let dir = try makeDataDir()
        server.on("GET", "/api/v1/notifications", .json("[]"))
        var c = mastodonConfig(server)
        c.tokenFile = nil
        c.tokenCommand = "printf 'from-command-token\\n'"
        _ = try await MastodonSource(config: c, dataDir: dir, http: TestHTTPClient()).poll(cursor: [:])
        XCTAssertEqual(server.requests.last?.header("authorization"), "Bearer from-command-token")

        c.tokenCommand = "echo leaked-secret; exit 3"
        do {
            _ = try await MastodonSource(config: c, dataDir: dir, http: TestHTTPClient()).poll(cursor: [:])
            XCTFail("a failing token command must fail the poll")
        } catch let e as SourceError {
            XCTAssertEqual(e.description, "the command for the token of source masto failed (exit status 3)")
        }
        c.tokenCommand = nil
        c.tokenFile = "secrets/missing.token"
        do {
            _ = try await MastodonSource(config: c, dataDir: dir, http: TestHTTPClient()).poll(cursor: [:])
            XCTFail("a missing token file must fail the poll")
        } catch let e as SourceError {
            guard case .configuration(let s) = e else { return XCTFail("\(e)") }
            XCTAssertTrue(s.contains("secrets/missing.token"), s)
        }
    }
}

final class MastodonHTMLTests: XCTestCase {
    func testTagNamesAreCaseInsensitiveAndAttributesQuotedAnyWay() {
        XCTAssertEqual(MastodonHTML.text("<P>one</P><P>two<BR>three</P>"), "one\n\ntwo\nthree")
        XCTAssertEqual(
            MastodonHTML.text(
                "<a class='mention hashtag' href='https://x.example/tags/a'>#<span>A</span></a> <a href=https://e.example/x>e.example/x</a>"
            ),
            "#A https://e.example/x")
        XCTAssertEqual(MastodonHTML.text("<p>caf&eacute; &#xZZ; &#99999999; &</p>"), "caf&eacute; &#xZZ; &#99999999; &")
    }
}
