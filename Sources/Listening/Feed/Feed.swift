import Foundation

/// A feed as Switchboard reads it: RSS 0.9x/1.0/2.0, Atom 0.3/1.0, RDF or CDF, reduced to the fields
/// listening needs. Every string is clean text (no markup, no control characters or escape sequences).
public struct Feed: Sendable, Hashable, Codable {
    public var title: String?
    /// The site the feed belongs to (absolute URL when the feed gave enough to resolve it).
    public var link: String?
    public var entries: [FeedEntry]
    /// `rss090`, `rss091`, `rss092`, `rss093`, `rss094`, `rss20`, `rss10`, `atom03`, `atom10`, `cdf`, or nil when unknown.
    public var version: String?
    /// The character encoding the bytes were read in (`utf-8`, `iso-8859-1`, `gb18030`, …).
    public var encoding: String
    /// True when the document was not well-formed XML and had to be recovered (feedparser's "bozo").
    public var recovered: Bool

    public init(title: String? = nil, link: String? = nil, entries: [FeedEntry] = [], version: String? = nil,
                encoding: String = "utf-8", recovered: Bool = false) {
        self.title = title; self.link = link; self.entries = entries; self.version = version
        self.encoding = encoding; self.recovered = recovered
    }
}

/// One item/entry of a feed.
public struct FeedEntry: Sendable, Hashable, Codable {
    /// `guid`, Atom `id`, `dc:identifier` or `rdf:about`, as written.
    public var id: String?
    public var title: String?
    /// The entry's page (absolute when resolvable against `xml:base` and the feed URL).
    public var link: String?
    /// Display form: `Name (email)`, `Name` or `email`, as feedparser shows it.
    public var author: String?
    public var authorName: String?
    public var authorEmail: String?
    public var authorURL: String?
    public var published: Date?
    public var updated: Date?
    /// Summary/description as clean text (line breaks where the HTML had blocks).
    public var summary: String?
    /// Full content (`content:encoded`, Atom `content`, `xhtml:body`) as clean text.
    public var content: String?

    public init(id: String? = nil, title: String? = nil, link: String? = nil, author: String? = nil,
                published: Date? = nil, updated: Date? = nil, summary: String? = nil, content: String? = nil) {
        self.id = id; self.title = title; self.link = link; self.author = author
        self.published = published; self.updated = updated; self.summary = summary; self.content = content
    }
}

/// Why bytes could not be read as a feed at all.
public enum FeedError: Error, Sendable, CustomStringConvertible, Equatable {
    /// Not XML, or XML without a feed element (an HTML error page, JSON, …). `sample` is short and sanitised.
    case notAFeed(sample: String)

    public var description: String {
        switch self { case .notAFeed(let s): return "not an RSS/Atom feed (body starts: \(s))" }
    }

    /// The first ~80 characters of a body, cleaned for a log line.
    public static func sample(_ data: Data) -> String {
        let head = String(decoding: data.prefix(240), as: UTF8.self)
        let clean = HTMLText.clean(head)
        return clean.count > 80 ? String(clean.prefix(80)) + "…" : clean
    }
}

/// Parses feeds. Never crashes and never hangs on hostile input: ill-formed XML is recovered as far as it
/// goes (libxml2's recovery mode plus a repair pass for stray `&` and HTML entities).
public enum FeedParser {
    /// - Parameters:
    ///   - url: where the feed came from: the base for relative links (after `Content-Location`).
    ///   - contentType: the HTTP `Content-Type`, for its `charset`.
    ///   - contentLocation: the HTTP `Content-Location`, the base when present.
    public static func parse(_ data: Data, url: URL? = nil, contentType: String? = nil, contentLocation: String? = nil) throws -> Feed {
        let enc = FeedEncoding.utf8(data, httpCharset: FeedEncoding.charset(fromContentType: contentType))
        var base = url
        if let cl = contentLocation?.trimmingCharacters(in: .whitespaces), !cl.isEmpty {
            base = URL(string: cl, relativeTo: url)?.absoluteURL ?? base
        }
        var bytes = enc.bytes
        var repaired = false
        if let stripped = FeedRepair.stripControls(bytes) { bytes = stripped; repaired = true }
        if let fixed = FeedRepair.fixReferences(bytes) { bytes = fixed.bytes; repaired = repaired || fixed.illFormed }
        if let cut = FeedRepair.cutHostileTags(bytes) { bytes = cut; repaired = true }
        let handler = FeedHandler(base: base)
        let ok = handler.run(bytes)
        guard handler.sawFeed else { throw FeedError.notAFeed(sample: FeedError.sample(data)) }
        var feed = handler.result()
        feed.encoding = enc.encoding
        feed.recovered = !ok || repaired || enc.recovered
        return feed
    }
}
