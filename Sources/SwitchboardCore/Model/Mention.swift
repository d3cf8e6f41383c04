import Foundation

/// One post about the brand, from any network. Stored as one line of `log/mentions-YYYY-MM.jsonl`
/// in the JSON Lines import format plus Switchboard's own fields.
public struct Mention: Codable, Hashable, Sendable, Identifiable, SchemaVersioned {
    public static let schemaVersion = 1

    public var schema: Int
    /// Switchboard's own id: stable, short, derived from platform and id.
    public var key: String
    public var platform: String
    /// The platform's id for the post.
    public var id: String, text: String, createdAt: Date, fetchedAt: Date
    public var url: String?
    public var author: Author?
    public var lang: String?
    public var inReplyTo: String?
    public var threadRoot: String?
    public var source: String?
    public var title: String?
    public var reply: ReplyRef?
    public var extra: [String: JSONValue]?
    public var analysis: Analysis?

    public init(
        platform: String, id: String, text: String, createdAt: Date, fetchedAt: Date = Date(),
        url: String? = nil, author: Author? = nil, lang: String? = nil, inReplyTo: String? = nil,
        threadRoot: String? = nil, source: String? = nil, title: String? = nil, reply: ReplyRef? = nil,
        extra: [String: JSONValue]? = nil, analysis: Analysis? = nil
    ) {
        self.schema = Mention.schemaVersion
        self.key = MentionKey.make(platform: platform, id: id)
        (self.platform, self.id, self.text, self.createdAt, self.fetchedAt) = (platform, id, text, createdAt, fetchedAt)
        (self.url, self.author, self.lang, self.inReplyTo, self.threadRoot) = (url, author, lang, inReplyTo, threadRoot)
        (self.source, self.title, self.reply, self.extra, self.analysis) = (source, title, reply, extra, analysis)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.schemaVersion(.schema, supported: Mention.schemaVersion)
        platform = try c.decode(String.self, forKey: .platform)
        id = try c.decode(String.self, forKey: .id)
        key = try c.decodeIfPresent(String.self, forKey: .key) ?? MentionKey.make(platform: platform, id: id)
        text = try c.decode(String.self, forKey: .text)
        createdAt = try c.decode(Date.self, forKey: .createdAt)
        fetchedAt = try c.decodeIfPresent(Date.self, forKey: .fetchedAt) ?? createdAt
        url = try c.decodeIfPresent(String.self, forKey: .url)
        author = try c.decodeIfPresent(Author.self, forKey: .author)
        lang = try c.decodeIfPresent(String.self, forKey: .lang)
        inReplyTo = try c.decodeIfPresent(String.self, forKey: .inReplyTo)
        threadRoot = try c.decodeIfPresent(String.self, forKey: .threadRoot)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        reply = try c.decodeIfPresent(ReplyRef.self, forKey: .reply)
        extra = try c.decodeIfPresent([String: JSONValue].self, forKey: .extra)
        analysis = try c.decodeIfPresent(Analysis.self, forKey: .analysis)
    }

    /// Dedupe identity: the same post from the same network is one mention.
    public var identity: String { platform + "\u{1F}" + id }

    enum CodingKeys: String, CodingKey {
        case schema = "v", key, platform, id, text, url, author, lang, source, title, reply, extra, analysis
        case createdAt = "created_at", fetchedAt = "fetched_at", inReplyTo = "in_reply_to"
        case threadRoot = "thread_root"
    }
}
