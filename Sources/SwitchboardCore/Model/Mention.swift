import Foundation

/// Who wrote a mention, as the network shows them.
public struct Author: Codable, Hashable, Sendable {
    public var handle: String
    public var name: String?
    public var url: String?
    public var followers: Int?

    public init(handle: String, name: String? = nil, url: String? = nil, followers: Int? = nil) {
        self.handle = handle; self.name = name; self.url = url; self.followers = followers
    }
}

/// What a connector needs to answer a post through the network's own API.
public struct ReplyRef: Codable, Hashable, Sendable {
    /// Mastodon status id / Bluesky AT-URI of the post itself.
    public var uri: String?
    /// Bluesky CID of the post.
    public var cid: String?
    /// Bluesky thread root (AT-URI and CID), when the post is itself a reply.
    public var rootURI: String?
    public var rootCID: String?
    /// Mastodon visibility of the original (public, unlisted, private, direct).
    public var visibility: String?

    public init(uri: String? = nil, cid: String? = nil, rootURI: String? = nil, rootCID: String? = nil, visibility: String? = nil) {
        self.uri = uri; self.cid = cid; self.rootURI = rootURI; self.rootCID = rootCID; self.visibility = visibility
    }

    enum CodingKeys: String, CodingKey {
        case uri, cid, visibility
        case rootURI = "root_uri"
        case rootCID = "root_cid"
    }
}

public enum Sentiment: String, Codable, Sendable, CaseIterable {
    case negative, neutral, positive
}

public enum Intent: String, Codable, Sendable, CaseIterable {
    case question, complaint, praise, help = "help_request", purchase = "purchase_interest", spam, crisis
}

/// What the Insight module read in a mention.
public struct Analysis: Codable, Hashable, Sendable {
    public var lang: String
    public var sentiment: Sentiment
    /// -1 (very negative) … +1 (very positive).
    public var score: Double
    public var intents: [Intent]
    /// Configured crisis terms found in the text.
    public var crisisTerms: [String]?
    /// Analysis model version, so `reanalyze` knows what is stale.
    public var model: String?

    public init(lang: String, sentiment: Sentiment, score: Double, intents: [Intent], crisisTerms: [String]? = nil, model: String? = nil) {
        self.lang = lang; self.sentiment = sentiment; self.score = score; self.intents = intents
        self.crisisTerms = crisisTerms; self.model = model
    }

    enum CodingKeys: String, CodingKey {
        case lang, sentiment, score, intents, model
        case crisisTerms = "crisis_terms"
    }
}

/// One post about the brand, from any network. Stored as one line of `log/mentions-YYYY-MM.jsonl`
/// in the JSON Lines import format plus Switchboard's own fields.
public struct Mention: Codable, Hashable, Sendable, Identifiable {
    public static let schemaVersion = 1

    public var schema: Int
    /// Switchboard's own id: stable, short, derived from platform and id.
    public var key: String
    public var platform: String
    /// The platform's id for the post.
    public var id: String
    public var text: String
    public var createdAt: Date
    public var fetchedAt: Date
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

    public init(platform: String, id: String, text: String, createdAt: Date, fetchedAt: Date = Date(),
                url: String? = nil, author: Author? = nil, lang: String? = nil, inReplyTo: String? = nil,
                threadRoot: String? = nil, source: String? = nil, title: String? = nil, reply: ReplyRef? = nil,
                extra: [String: JSONValue]? = nil, analysis: Analysis? = nil) {
        self.schema = Mention.schemaVersion
        self.key = MentionKey.make(platform: platform, id: id)
        self.platform = platform; self.id = id; self.text = text; self.createdAt = createdAt; self.fetchedAt = fetchedAt
        self.url = url; self.author = author; self.lang = lang; self.inReplyTo = inReplyTo; self.threadRoot = threadRoot
        self.source = source; self.title = title; self.reply = reply; self.extra = extra; self.analysis = analysis
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.decodeIfPresent(Int.self, forKey: .schema) ?? 1
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
        case createdAt = "created_at", fetchedAt = "fetched_at"
        case inReplyTo = "in_reply_to", threadRoot = "thread_root"
    }
}

/// Stable short keys: 10 characters of Crockford base32 over a 64-bit FNV-1a hash of platform and id.
public enum MentionKey {
    static let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz".utf8)

    public static func make(platform: String, id: String) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for b in platform.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        h = (h ^ 0x1F) &* 0x100000001b3
        for b in id.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        var out = [UInt8]()
        out.reserveCapacity(10)
        for _ in 0..<10 { out.append(alphabet[Int(h & 31)]); h >>= 5 }
        return String(decoding: out, as: UTF8.self)
    }
}
