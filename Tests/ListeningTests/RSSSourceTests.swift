import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// RSSSource over real HTTP against a loopback server the test starts.
final class RSSSourceTests: XCTestCase {
    static func rss(_ items: [(id: String, title: String, date: String)]) -> String {
        var s =
            #"<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Acme search</title><link>https://example.org/</link>"#
        for i in items {
            s +=
                "<item><guid>https://example.org/p/\(i.id)</guid><title>\(i.title)</title><link>https://example.org/p/\(i.id)</link>"
            s +=
                "<description>&lt;p&gt;Body of &lt;b&gt;\(i.id)&lt;/b&gt;&lt;/p&gt;</description><author>ann@example.org (Ann)</author>"
            s += "<pubDate>\(i.date)</pubDate></item>"
        }
        return s + "</channel></rss>"
    }

    func source(_ url: URL, kind: String? = "news", now: @escaping @Sendable () -> Date = { Date() }) -> RSSSource {
        var c = SourceConfig(id: "alerts", type: "rss")
        c.url = url.absoluteString
        c.kind = kind
        return RSSSource(
            config: c, http: URLSessionHTTPClient(timeout: 5), dataDir: FileManager.default.temporaryDirectory, now: now
        )
    }

    func testFirstPollSendsUserAgentAndMapsEntries() async throws {
        let body = RSSSourceTests.rss([
            ("1", "Acme Cloud is down", "Thu, 26 Nov 2026 10:00:00 GMT"),
            ("2", "Acme praised", "Thu, 26 Nov 2026 11:30:00 +0100"),
        ])
        let server = try NetworkTestServer { _ in
            .init(
                status: 200, headers: ["Content-Type": "application/rss+xml", "ETag": "\"v1\""], body: Data(body.utf8))
        }
        defer { server.stop() }
        let r = try await source(server.url("/feed.xml")).poll(cursor: [:])
        XCTAssertEqual(server.requests.count, 1)
        XCTAssertEqual(server.requests[0].header("user-agent"), RSSSource.userAgent)
        XCTAssertEqual(server.requests[0].path, "/feed.xml")
        XCTAssertNil(server.requests[0].header("if-none-match"))
        XCTAssertEqual(r.mentions.count, 2)
        let m = r.mentions[0]  // oldest first: entry 1 (10:00 UTC) before entry 2 (11:30 +0100 = 10:30 UTC)
        XCTAssertEqual(m.platform, "rss")
        XCTAssertEqual(m.id, "https://example.org/p/1")
        XCTAssertEqual(m.text, "Acme Cloud is down\nBody of 1")
        XCTAssertEqual(m.title, "Acme Cloud is down")
        XCTAssertEqual(m.url, "https://example.org/p/1")
        XCTAssertEqual(m.author?.handle, "ann@example.org")
        XCTAssertEqual(m.author?.name, "Ann")
        XCTAssertEqual(m.source, "alerts")
        XCTAssertEqual(m.extra?["kind"], .string("news"))
        XCTAssertEqual(Timestamp.format(m.createdAt), "2026-11-26T10:00:00Z")
        XCTAssertEqual(Timestamp.format(r.mentions[1].createdAt), "2026-11-26T10:30:00Z")
        XCTAssertEqual(r.cursor["etag"], "\"v1\"")
    }

    func testETagRoundTripAnswers304WithNoMentions() async throws {
        let body = RSSSourceTests.rss([("1", "One", "Thu, 26 Nov 2026 10:00:00 GMT")])
        let server = try NetworkTestServer { req in
            if req.header("if-none-match") == "\"v1\"" {
                return .init(status: 304, headers: ["ETag": "\"v1\""], body: Data())
            }
            let headers = ["ETag": "\"v1\"", "Last-Modified": "Thu, 26 Nov 2026 10:00:00 GMT"]
            return .init(status: 200, headers: headers, body: Data(body.utf8))
        }
        defer { server.stop() }
        let src = source(server.url("/feed.xml"))
        let first = try await src.poll(cursor: [:])
        XCTAssertEqual(first.mentions.count, 1)
        let second = try await src.poll(cursor: first.cursor)
        XCTAssertEqual(server.requests.count, 2)
        XCTAssertEqual(server.requests[1].header("if-none-match"), "\"v1\"")
        XCTAssertEqual(server.requests[1].header("if-modified-since"), "Thu, 26 Nov 2026 10:00:00 GMT")
        XCTAssertTrue(second.mentions.isEmpty)
        XCTAssertEqual(second.cursor, first.cursor)
    }

    func testOnlyEntriesNotSeenBeforeBecomeMentions() async throws {
        let state = Counter()
        let server = try NetworkTestServer { _ in
            let n = state.next()
            var items = [("1", "One", "Thu, 26 Nov 2026 10:00:00 GMT"), ("2", "Two", "Thu, 26 Nov 2026 11:00:00 GMT")]
            if n > 0 { items.insert(("3", "Three", "Thu, 26 Nov 2026 12:00:00 GMT"), at: 0) }
            return .init(status: 200, headers: [:], body: Data(RSSSourceTests.rss(items).utf8))
        }
        defer { server.stop() }
        let src = source(server.url("/feed.xml"))
        let first = try await src.poll(cursor: [:])
        XCTAssertEqual(first.mentions.map(\.title), ["One", "Two"])
        let second = try await src.poll(cursor: first.cursor)
        XCTAssertEqual(second.mentions.map(\.title), ["Three"])
        XCTAssertEqual(second.cursor["seen"]?.split(separator: " ").count, 3)
    }

    func testServerErrorIsTransient() async throws {
        let server = try NetworkTestServer { _ in .init(status: 500, headers: [:], body: Data("oops".utf8)) }
        defer { server.stop() }
        do {
            _ = try await source(server.url("/feed.xml")).poll(cursor: [:])
            XCTFail("expected an error")
        } catch let e as SourceError {
            guard case .transient(let msg) = e else { return XCTFail("got \(e)") }
            XCTAssertTrue(msg.contains("500"), msg)
        }
    }

    func testRateLimitHonoursRetryAfter() async throws {
        let server = try NetworkTestServer { _ in .init(status: 429, headers: ["Retry-After": "120"], body: Data()) }
        defer { server.stop() }
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        do {
            _ = try await source(server.url("/feed.xml"), now: { now }).poll(cursor: [:])
            XCTFail("expected an error")
        } catch let e as SourceError {
            guard case .rateLimited(let at, _) = e else { return XCTFail("got \(e)") }
            XCTAssertEqual(at.timeIntervalSince(now), 120, accuracy: 0.5)
        }
    }

    func testUnauthorizedNeedsLogin() async throws {
        let server = try NetworkTestServer { _ in .init(status: 401, headers: [:], body: Data()) }
        defer { server.stop() }
        do {
            _ = try await source(server.url("/private.rss")).poll(cursor: [:])
            XCTFail("expected an error")
        } catch let e as SourceError {
            guard case .needsLogin = e else { return XCTFail("got \(e)") }
        }
    }

    func testHTMLErrorPageIsMalformedWithCleanSample() async throws {
        let page = "<!DOCTYPE html><html><head><title>Blocked</title></head><body>\u{1B}[31mAccess denied</body></html>"
        let server = try NetworkTestServer { _ in
            .init(status: 200, headers: ["Content-Type": "text/html"], body: Data(page.utf8))
        }
        defer { server.stop() }
        do {
            _ = try await source(server.url("/feed.xml")).poll(cursor: [:])
            XCTFail("expected an error")
        } catch let e as SourceError {
            guard case .malformed(_, let sample) = e else { return XCTFail("got \(e)") }
            XCTAssertTrue(sample.hasPrefix("<!DOCTYPE html>"), sample)
            XCTAssertFalse(sample.unicodeScalars.contains { $0.value < 0x20 }, sample)
        }
    }

    func testSlowServerTimesOutAsTransient() async throws {
        let server = try NetworkTestServer(responder: { _ in .init(status: 200, body: Data("<rss/>".utf8), delay: 3) })
        defer { server.stop() }
        var c = SourceConfig(id: "slow", type: "rss")
        c.url = server.url("/slow.xml").absoluteString
        let src = RSSSource(
            config: c, http: URLSessionHTTPClient(timeout: 1), dataDir: FileManager.default.temporaryDirectory)
        do {
            _ = try await src.poll(cursor: [:])
            XCTFail("expected an error")
        } catch let e as SourceError {
            guard case .transient(let msg) = e else { return XCTFail("got \(e)") }
            XCTAssertTrue(msg.contains("timed out"), msg)
            XCTAssertTrue(msg.contains("/slow.xml"), msg)
        }
    }

    func testTruncatedBodyIsAnErrorNotAFeed() async throws {
        let body = RSSSourceTests.rss([
            ("1", "One", "Thu, 26 Nov 2026 10:00:00 GMT"), ("2", "Two", "Thu, 26 Nov 2026 11:00:00 GMT"),
        ])
        // Cut right after the first item: a half-read body would still parse to one entry.
        let cut = body.range(of: "</item>")!.upperBound.utf16Offset(in: body)
        let server = try NetworkTestServer(responder: { _ in .init(status: 200, body: Data(body.utf8), truncateAt: cut)
            })
        defer { server.stop() }
        do {
            _ = try await source(server.url("/cut.xml")).poll(cursor: [:])
            XCTFail("expected an error")
        } catch let e as SourceError {
            guard case .transient(let msg) = e else { return XCTFail("got \(e)") }
            XCTAssertTrue(msg.contains("/cut.xml"), msg)  // the connection was cut: nothing half-read is taken for a feed
        }
    }

    func testGoogleAlertsAtomFeed() async throws {
        // The shape of Google Alerts' RSS delivery: Atom, HTML titles, links through a google.com redirect.
        let atom = """
            <?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:idx="urn:atom-extension:indexing">
            <id>tag:google.com,2005:reference:feed/123</id><title>Google Alert - &quot;Acme Cloud&quot;</title>
            <link href="https://www.google.com/alerts/feeds/1/2" rel="self"/><updated>2026-11-26T09:00:00Z</updated>
            <entry><id>tag:google.com,2013:googlealerts/feed:4242</id>
              <title type="html">&lt;b&gt;Acme Cloud&lt;/b&gt; outage hits retailers</title>
              <link href="https://www.google.com/url?rct=j&amp;sa=t&amp;url=https://news.example/acme-outage%3Fref%3Drss&amp;ct=ga&amp;cd=CAI"/>
              <published>2026-11-26T08:10:00Z</published><updated>2026-11-26T08:10:00Z</updated>
              <content type="html">Customers of &lt;b&gt;Acme Cloud&lt;/b&gt; reported errors &amp;amp; timeouts ...</content>
              <author><name/></author></entry></feed>
            """
        let server = try NetworkTestServer { _ in
            .init(status: 200, headers: ["Content-Type": "application/atom+xml; charset=utf-8"], body: Data(atom.utf8))
        }
        defer { server.stop() }
        let r = try await source(server.url("/alerts/feeds/1/2"), kind: "news").poll(cursor: [:])
        XCTAssertEqual(r.mentions.count, 1)
        let m = r.mentions[0]
        XCTAssertEqual(m.id, "tag:google.com,2013:googlealerts/feed:4242")
        XCTAssertEqual(m.title, "Acme Cloud outage hits retailers")
        XCTAssertEqual(
            m.text, "Acme Cloud outage hits retailers\nCustomers of Acme Cloud reported errors & timeouts ...")
        XCTAssertEqual(m.url, "https://news.example/acme-outage?ref=rss")
        XCTAssertNil(m.author)
        XCTAssertEqual(m.extra?["feed_title"], .string("Google Alert - \"Acme Cloud\""))
    }

    func testLocalFileRelativeToDataDirectory() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rss-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("feeds"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(RSSSourceTests.rss([("9", "Local", "2026-11-26T09:00:00Z")]).utf8).write(
            to: dir.appendingPathComponent("feeds/local.xml"))
        var c = SourceConfig(id: "local", type: "rss")
        c.url = "feeds/local.xml"
        let r = try await RSSSource(config: c, http: URLSessionHTTPClient(), dataDir: dir).poll(cursor: [:])
        XCTAssertEqual(r.mentions.map(\.title), ["Local"])
        XCTAssertNil(r.mentions[0].extra?["kind"])
    }
}

final class Counter: @unchecked Sendable {
    private var n = 0
    private let lock = NSLock()
    func next() -> Int {
        lock.withLock {
            defer { n += 1 }
            return n
        }
    }
}
