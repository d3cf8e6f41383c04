import Foundation
import SwitchboardCore
import XCTest

@testable import Listening

/// The feed parser on our own small fixtures, one per format and per kind of breakage.
final class FeedParserTests: XCTestCase {
    func parse(_ s: String, url: String? = nil, contentType: String? = nil) throws -> Feed {
        try FeedParser.parse(Data(s.utf8), url: url.flatMap(URL.init(string:)), contentType: contentType)
    }

    func testRSS20() throws {
        let f = try parse(
            """
            <?xml version="1.0"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel><title>Acme News</title><link>https://news.example/</link>
              <image><title>logo title</title><link>https://img.example/</link></image>
              <item>
                <title>Acme Cloud outage</title><link>https://news.example/a</link>
                <guid isPermaLink="false">news-1</guid>
                <dc:creator>Jo Writer</dc:creator>
                <pubDate>Wed, 25 Nov 2026 08:15:00 +0000</pubDate>
                <description><![CDATA[<p>Customers report <b>errors</b>.</p><p>Second&nbsp;para</p>]]></description>
                <content:encoded><![CDATA[<div>Full <i>story</i></div>]]></content:encoded>
              </item>
            </channel></rss>
            """)
        XCTAssertEqual(f.title, "Acme News")
        XCTAssertEqual(f.link, "https://news.example/")
        XCTAssertEqual(f.version, "rss20")
        XCTAssertFalse(f.recovered)
        XCTAssertEqual(f.entries.count, 1)
        let e = f.entries[0]
        XCTAssertEqual(e.id, "news-1")
        XCTAssertEqual(e.title, "Acme Cloud outage")
        XCTAssertEqual(e.link, "https://news.example/a")
        XCTAssertEqual(e.author, "Jo Writer")
        XCTAssertEqual(e.published.map(Timestamp.format), "2026-11-25T08:15:00Z")
        XCTAssertEqual(e.summary, "Customers report errors.\nSecond para")
        XCTAssertEqual(e.content, "Full story")
    }

    func testAtom10WithXHTMLAndPerson() throws {
        let f = try parse(
            """
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title type="html">Acme &amp;lt;Status&amp;gt;</title>
              <link rel="self" href="https://status.example/feed"/><link href="https://status.example/"/>
              <entry>
                <id>tag:status.example,2026:1</id>
                <title type="text">Degraded &lt;API&gt;</title>
                <link rel="alternate" type="text/html" href="https://status.example/i/1"/>
                <author><name>Ops Team</name><email>ops@status.example</email></author>
                <source><title>Not the entry title</title></source>
                <published>2026-11-25T09:00:00-05:00</published>
                <updated>2026-11-25T10:30:00Z</updated>
                <summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Line one</p><p>Line <em>two</em></p></div></summary>
              </entry>
            </feed>
            """)
        XCTAssertEqual(f.version, "atom10")
        XCTAssertEqual(f.title, "Acme <Status>")
        XCTAssertEqual(f.link, "https://status.example/")
        let e = f.entries[0]
        XCTAssertEqual(e.id, "tag:status.example,2026:1")
        XCTAssertEqual(e.title, "Degraded <API>")
        XCTAssertEqual(e.link, "https://status.example/i/1")
        XCTAssertEqual(e.author, "Ops Team (ops@status.example)")
        XCTAssertEqual(e.authorName, "Ops Team")
        XCTAssertEqual(e.published.map(Timestamp.format), "2026-11-25T14:00:00Z")
        XCTAssertEqual(e.updated.map(Timestamp.format), "2026-11-25T10:30:00Z")
        XCTAssertEqual(e.summary, "Line one\nLine two")
    }

    func testRDFRSS10() throws {
        let f = try parse(
            """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://r.example/"><title>RDF feed</title><link>https://r.example/</link></channel>
              <item rdf:about="https://r.example/1"><title>First</title><link>https://r.example/1</link><dc:date>2026-11-20T12:00Z</dc:date></item>
              <item rdf:about="https://r.example/2"><title>Second</title><link>https://r.example/2</link></item>
            </rdf:RDF>
            """)
        XCTAssertEqual(f.version, "rss10")
        XCTAssertEqual(f.title, "RDF feed")
        XCTAssertEqual(f.entries.map(\.title), ["First", "Second"])
        XCTAssertEqual(f.entries[0].id, "https://r.example/1")
        XCTAssertEqual(f.entries[0].updated.map(Timestamp.format), "2026-11-20T12:00:00Z")
    }

    func testISO88591BytesAreTranscoded() throws {
        var bytes = Array(#"<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Caf"#.utf8)
        bytes += [0xE9]  // é in Latin-1
        bytes +=
            Array(" M".utf8) + [0xFC] + Array("nchen</title><item><title>Gr".utf8) + [0xFC, 0xDF, 0x65]
            + Array("</title></item></channel></rss>".utf8)
        let f = try FeedParser.parse(Data(bytes))
        XCTAssertEqual(f.encoding, "iso-8859-1")
        XCTAssertEqual(f.title, "Café München")
        XCTAssertEqual(f.entries[0].title, "Grüße")
    }

    func testHTTPCharsetOverridesDeclarationAndUTF16BOM() throws {
        let latin: [UInt8] =
            Array(#"<?xml version="1.0" encoding="utf-8"?><rss><channel><title>na"#.utf8) + [0xEF]
            + Array("ve</title></channel></rss>".utf8)
        XCTAssertEqual(
            try FeedParser.parse(Data(latin), contentType: "text/xml; charset=\"windows-1252\"").title, "naïve")
        let utf16 =
            Data([0xFF, 0xFE]) + "<rss version=\"2.0\"><channel><title>Ünïcödé ✓</title></channel></rss>".data(
                using: .utf16LittleEndian)!
        XCTAssertEqual(try FeedParser.parse(utf16).title, "Ünïcödé ✓")
    }

    func testRelativeLinksResolveAgainstXMLBaseAndFeedURL() throws {
        let f = try parse(
            """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/posts/">
              <link href="../"/>
              <entry><title>A</title><link href="a.html"/></entry>
              <entry xml:base="/archive/"><title>B</title><link href="b.html"/></entry>
            </feed>
            """, url: "https://feeds.example/blog.atom")
        XCTAssertEqual(f.link, "https://blog.example/")
        XCTAssertEqual(f.entries[0].link, "https://blog.example/posts/a.html")
        XCTAssertEqual(f.entries[1].link, "https://blog.example/archive/b.html")
        let rss = try parse(
            "<rss version=\"2.0\"><channel><item><link>/p/7</link></item></channel></rss>",
            url: "https://site.example/feed.xml")
        XCTAssertEqual(rss.entries[0].link, "https://site.example/p/7")
    }

    func testBrokenDates() throws {
        let f = try parse(
            """
            <rss version="2.0"><channel>
              <item><title>a</title><pubDate>Sun, 4 Jan 04 16:29 EST</pubDate></item>
              <item><title>b</title><pubDate>thu, 01 jan 2004 19:48:21 gmt</pubDate></item>
              <item><title>c</title><pubDate>2004-01-01 19:48:21</pubDate></item>
              <item><title>d</title><pubDate>not a date</pubDate></item>
            </channel></rss>
            """)
        XCTAssertEqual(
            f.entries.map { $0.published.map(Timestamp.format) ?? "nil" },
            ["2004-01-04T21:29:00Z", "2004-01-01T19:48:21Z", "2004-01-01T19:48:21Z", "nil"])
    }

    func testEntitiesAndHostileControlCharacters() throws {
        let f = try parse(
            """
            <rss version="2.0"><channel>
              <title>Acme&#x1B;[2J&#x1B;]52;c;SGVsbG8=&#x07; News &#8212; &#x202E;daily</title>
              <item><title>Q&amp;A: caf&amp;eacute; &amp;amp; more &#x9B;31m</title>
                <description>&lt;script&gt;alert(1)&lt;/script&gt;&lt;style&gt;p{}&lt;/style&gt;Fish &amp;amp; chips &amp;#8364;5 &amp;#150;ok</description></item>
            </channel></rss>
            """)
        // XML forbids &#x1B; and &#7;: the parser drops them, leaving inert text; U+202E never survives.
        let title = try XCTUnwrap(f.title)
        XCTAssertTrue(title.hasPrefix("Acme") && title.hasSuffix("News — daily"), title)
        XCTAssertFalse(
            title.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E })
        // &#x9B; (an 8-bit CSI) is read the way browsers read it: Windows-1252 "›".
        XCTAssertEqual(f.entries[0].title, "Q&A: café & more ›31m")
        XCTAssertEqual(f.entries[0].summary, "Fish & chips €5 –ok")
    }

    func testIllFormedFeedsAreRecovered() throws {
        // Stray ampersand, HTML entity XML does not know, an unclosed element, a truncated end.
        let f = try parse(
            """
            <rss version="2.0"><channel><title>AT&T &nbsp;news</title>
              <item><title>One &copy; 2026</title><link>https://x.example/?a=1&b=2</link></item>
              <item><title>Two<item><title>Three</title></item>
              <item><title>Four</title><description>cut off here
            """)
        XCTAssertTrue(f.recovered)
        XCTAssertEqual(f.title, "AT&T news")
        XCTAssertEqual(f.entries.first?.title, "One © 2026")
        XCTAssertEqual(f.entries.first?.link, "https://x.example/?a=1&b=2")
        XCTAssertTrue(f.entries.contains { $0.title == "Three" })
        XCTAssertEqual(f.entries.last?.title, "Four")
        XCTAssertEqual(f.entries.last?.summary, "cut off here")
    }

    func testNonFeedsAreCleanErrors() {
        for body in ["<!DOCTYPE html><html><body>Service unavailable</body></html>", #"{"error":"nope"}"#, "", "<x"] {
            XCTAssertThrowsError(try parse(body), body) { e in
                guard case FeedError.notAFeed(let sample) = e else { return XCTFail("\(e)") }
                XCTAssertFalse(sample.unicodeScalars.contains { $0.value < 0x20 })
            }
        }
    }

    func testEntityExpansionIsBounded() throws {
        var doc =
            "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"" + String(repeating: "x", count: 1000)
            + "\">]><rss><channel><title>"
        doc += String(repeating: "&a;", count: 20000) + "</title></channel></rss>"
        let f = try parse(doc)
        XCTAssertLessThan(f.title?.utf8.count ?? 0, 4 * doc.utf8.count + 70000)
    }

    func testRawEscapeSequencesLeaveNoResidue() throws {
        let f = try parse(
            "<rss><channel><title>Acme\u{1B}[31m red\u{1B}]0;pwned\u{07} news\u{1B}[0m</title><item><title>a\u{0}b\u{8}c</title></item></channel></rss>"
        )
        XCTAssertEqual(f.title, "Acme red news")
        XCTAssertEqual(f.entries[0].title, "abc")
        XCTAssertTrue(f.recovered)
    }

    func testHostileStructureStillParses() throws {
        let attrs = (0..<5000).map { "a\($0)=\"x\"" }.joined(separator: " ")
        let f = try parse(
            "<rss><channel><title>kept</title><item><title>first</title></item><item \(attrs)><title>second</title></item></channel></rss>"
        )
        XCTAssertEqual(f.title, "kept")
        XCTAssertEqual(f.entries.map(\.title), ["first"])
        XCTAssertTrue(f.recovered)
        let deep = try parse(
            "<rss><channel><item><title>" + String(repeating: "<b>", count: 20000) + "x"
                + String(repeating: "</b>", count: 20000) + "</title></item></channel></rss>")
        XCTAssertEqual(deep.entries.first?.title, "x")
        let long = try parse(
            "<rss><channel><item><title>" + String(repeating: "word ", count: 10000) + "</title></item></channel></rss>"
        )
        XCTAssertLessThanOrEqual(long.entries[0].title?.count ?? 0, 2001)
    }
}
