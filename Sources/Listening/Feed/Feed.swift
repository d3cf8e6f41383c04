import Foundation

/// A feed as Switchboard reads it: RSS 0.9x/1.0/2.0, Atom 0.3/1.0, RDF or CDF, reduced to the fields
/// listening needs. Every string is clean text (no markup, no control characters or escape sequences).
public struct Feed: Sendable, Hashable, Codable {
    public var title: String?
    /// The site the feed belongs to (absolute URL when the feed gave enough to resolve it).
    public var link: String?
    public var entries: [FeedEntry]
    /// `rss090`, `rss091`, `rss092`, `rss093`, `rss094`, `rss20`, `rss10`, `atom03`, `atom10`, `cdf`, or nil when
    /// unknown.
    public var version: String?
    /// The character encoding the bytes were read in (`utf-8`, `iso-8859-1`, `gb18030`, …).
    public var encoding: String
    /// True when the document was not well-formed XML and had to be recovered (feedparser's "bozo").
    public var recovered: Bool

    public init(
        title: String? = nil, link: String? = nil, entries: [FeedEntry] = [], version: String? = nil,
        encoding: String = "utf-8", recovered: Bool = false
    ) {
        (self.title, self.link, self.entries, self.version, self.encoding) = (title, link, entries, version, encoding)
        self.recovered = recovered
    }
}
