import Foundation

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

    public init(
        id: String? = nil, title: String? = nil, link: String? = nil, author: String? = nil,
        published: Date? = nil, updated: Date? = nil, summary: String? = nil, content: String? = nil
    ) {
        (self.id, self.title, self.link, self.author, self.published) = (id, title, link, author, published)
        (self.updated, self.summary, self.content) = (updated, summary, content)
    }
}
