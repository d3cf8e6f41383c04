import Foundation

/// A post for the content queue as written: what `queue_add` stores (flat, next to the event's own fields).
public struct QueueDraft: Codable, Hashable, Sendable {
    public var id: String
    public var text: String
    /// Per-network text (`mastodon`, `bluesky`) replacing `text` on that network.
    public var variants: [String: String]
    /// Target accounts: source ids from team.json.
    public var accounts: [String]
    public var media: [QueueMedia]
    public var link: String?
    public var via: QueueAttribution?
    public var tags: [String]
    public var campaign: String?
    /// When it is due; nil = a draft.
    public var scheduledAt: Date?
    /// Kept with the item: the Bluesky record key derives from it (with the idempotency key).
    public var createdAt: Date
    /// A crisis's holding statement (the run id): published even while the queue is suspended.
    public var crisis: String?

    public init(
        id: String = QueueDraft.newID(), text: String, variants: [String: String] = [:], accounts: [String],
        media: [QueueMedia] = [],
        link: String? = nil, via: QueueAttribution? = nil, tags: [String] = [], campaign: String? = nil,
        scheduledAt: Date? = nil, createdAt: Date = Date(), crisis: String? = nil
    ) {
        (self.id, self.text, self.variants, self.accounts, self.media) = (id, text, variants, accounts, media)
        (self.link, self.via, self.tags, self.campaign, self.scheduledAt) = (link, via, tags, campaign, scheduledAt)
        self.crisis = crisis
        self.createdAt = Date(timeIntervalSince1970: (createdAt.timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }

    public static func newID() -> String { "q" + AuditEvent.newID().prefix(11) }

    enum CodingKeys: String, CodingKey {
        case id = "queue", text, variants, accounts, media, link, via, tags, campaign, crisis
        case scheduledAt = "scheduled_at", createdAt = "created_at"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        text = try c.decode(String.self, forKey: .text)
        variants = try c.decodeIfPresent([String: String].self, forKey: .variants) ?? [:]
        accounts = try c.decodeIfPresent([String].self, forKey: .accounts) ?? []
        media = try c.decodeIfPresent([QueueMedia].self, forKey: .media) ?? []
        link = try c.decodeIfPresent(String.self, forKey: .link)
        via = try c.decodeIfPresent(QueueAttribution.self, forKey: .via)
        tags = try c.decodeIfPresent([String].self, forKey: .tags) ?? []
        campaign = try c.decodeIfPresent(String.self, forKey: .campaign)
        scheduledAt = try c.decodeIfPresent(Date.self, forKey: .scheduledAt)
        crisis = try c.decodeIfPresent(String.self, forKey: .crisis)
        createdAt = try c.decode(Date.self, forKey: .createdAt)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(text, forKey: .text)
        if !variants.isEmpty { try c.encode(variants, forKey: .variants) }
        try c.encode(accounts, forKey: .accounts)
        if !media.isEmpty { try c.encode(media, forKey: .media) }
        try c.encodeIfPresent(link, forKey: .link)
        try c.encodeIfPresent(via, forKey: .via)
        if !tags.isEmpty { try c.encode(tags, forKey: .tags) }
        try c.encodeIfPresent(campaign, forKey: .campaign); try c.encodeIfPresent(scheduledAt, forKey: .scheduledAt)
        try c.encodeIfPresent(crisis, forKey: .crisis); try c.encode(createdAt, forKey: .createdAt)
    }

    /// The text posted on `network` (`mastodon`, `bluesky`): its variant or the text, then the link and the
    /// attribution when the text does not already contain them.
    public func body(for network: String) -> String {
        let net = network.lowercased() == "bsky" ? "bluesky" : network.lowercased()
        var out = variants[net] ?? text
        if let link, !out.contains(link) { out += "\n\n" + link }
        if let via, let h = via.handle ?? via.url, !out.contains(h) { out += "\n\n" + via.line }
        return out
    }
}
