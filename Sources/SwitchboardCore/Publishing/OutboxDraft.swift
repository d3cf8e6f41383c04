import Foundation

/// A reply waiting in the outbox: everything needed to send it, stored durably (as an `outbox_queued` action)
/// before anything goes to the network. `createdAt` and `idempotencyKey` never change across retries, so a
/// retried entry can never become a second post (Mastodon `Idempotency-Key`, Bluesky record key).
public struct OutboxDraft: Codable, Hashable, Sendable {
    /// The outbox entry's id (short, unique).
    public var id: String
    /// The mention being answered.
    public var mention: String
    public var text: String
    /// The mention's network (`mastodon`, `bluesky`, `rss`, …).
    public var network: String
    /// The source (team.json `sources[].id`) whose account answers.
    public var source: String?
    /// The post being answered, as the connector stored it on the mention.
    public var inReplyTo: ReplyRef?
    /// Mastodon visibility; nil means the original's.
    public var visibility: String?
    public var language: String?
    /// When the draft was made (Bluesky derives the record key from it).
    public var createdAt: Date
    public var idempotencyKey: String
    /// Not sent before this time (the send delay during which it can be taken back).
    public var sendAfter: Date
    /// True when the network has no reply API (RSS, JSON Lines): copied and answered by hand, then confirmed.
    public var manual: Bool
    /// One part of a reply posted as a thread (nil: a single post).
    public var thread: ThreadPart?
    /// Images attached to the reply, with their alt texts (a thread carries them on its first part).
    public var media: [QueueMedia]?

    public init(
        id: String = OutboxDraft.newID(), mention: String, text: String, network: String, source: String? = nil,
        inReplyTo: ReplyRef? = nil, visibility: String? = nil, language: String? = nil, createdAt: Date = Date(),
        idempotencyKey: String? = nil, sendAfter: Date? = nil, manual: Bool = false
    ) {
        (self.id, self.mention, self.text, self.network, self.source) = (id, mention, text, network, source)
        (self.inReplyTo, self.visibility, self.language, self.createdAt) = (inReplyTo, visibility, language, createdAt)
        (self.idempotencyKey, self.sendAfter) = (idempotencyKey ?? "sb-\(id)", sendAfter ?? createdAt)
        self.manual = manual
    }

    /// A draft answering `m` through its network, to go out after `delay` seconds. Manual (answered by hand) when
    /// the network has no reply API or the mention lacks the ids a reply needs (never a top-level post by mistake).
    public static func reply(
        to m: Mention, text: String, delay: TimeInterval = 10, now: Date = Date(), manual: Bool? = nil
    ) -> OutboxDraft {
        let p = m.platform.lowercased()
        let hasAPI = replyNetworks.contains(p) && m.reply?.uri != nil
        return OutboxDraft(
            mention: m.key, text: text, network: p, source: m.source, inReplyTo: m.reply,
            visibility: m.reply?.visibility, language: languageTag(m.lang ?? m.analysis?.lang), createdAt: now,
            sendAfter: now.addingTimeInterval(max(0, delay)), manual: manual ?? !hasAPI)
    }

    /// The networks Switchboard answers through their own API.
    public static let replyNetworks: Set<String> = [
        "mastodon", "bluesky", "bsky", "instagram", "facebook", "threads", "youtube", "reddit", "x",
    ]

    /// A language tag a network accepts (`de`, `pt-BR`), or nil for "other", "und" and anything malformed.
    static func languageTag(_ l: String?) -> String? {
        guard let l, l != "und", l.count <= 12, l.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-" || $0 == "_") })
        else { return nil }
        let primary = l.prefix { $0 != "-" && $0 != "_" }
        return (2...3).contains(primary.count) ? l : nil
    }

    public static func newID() -> String {
        String(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12))
    }

    enum CodingKeys: String, CodingKey {
        case id = "outbox", mention, text, network, source, visibility, manual, inReplyTo = "reply_ref"
        case language = "lang", createdAt = "created_at", idempotencyKey = "idempotency_key"
        case sendAfter = "send_after", thread, media
    }

    /// `text` as the parts `ThreadSplitter` makes of it on this draft's network: this draft when it fits in one post,
    /// else one draft per part (ids and idempotency keys of their own, created a millisecond apart), each but the
    /// first posted after the one before it and as an answer to it.
    public func threadParts() -> [OutboxDraft] {
        let chat = ThreadSplitter.isChatMessage(network: network, visibility: inReplyTo?.visibility)
        let texts = manual || chat ? [text] : ThreadSplitter.split(text, network: network)
        guard texts.count > 1 else { return [self] }
        var out: [OutboxDraft] = []
        for (i, t) in texts.enumerated() {
            var d = self
            if i > 0 {
                d.media = nil
                d.id = OutboxDraft.newID()
                d.idempotencyKey = "sb-\(d.id)"
                d.createdAt = createdAt.addingTimeInterval(Double(i) / 1000)
            }
            d.text = t
            d.thread = ThreadPart(thread: id, part: i + 1, of: texts.count, after: out.last?.id)
            out.append(d)
        }
        return out
    }
}
