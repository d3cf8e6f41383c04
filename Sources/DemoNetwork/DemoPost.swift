import Foundation

/// A post the demo's network accepted from the brand's account: a Mastodon status or a Bluesky record. It comes
/// back in the account's notifications (so the brand's replies and queued posts show in the feed), and is kept in
/// `demo-network.jsonl` so a restarted demo still knows it (ids only grow; a retried key finds it).
public struct DemoPost: Codable, Sendable, Hashable {
    /// `mastodon` or `bluesky`.
    public var network: String
    /// Mastodon status id (a snowflake), or the Bluesky record key.
    public var id: String
    /// Mastodon status URI, or the Bluesky AT-URI.
    public var uri: String
    /// Bluesky CID of the record.
    public var cid: String?
    public var text: String
    /// The post answered: a Mastodon status id, or a Bluesky AT-URI (with `replyCID` and the thread's root).
    public var inReplyTo: String?
    public var replyCID: String?
    public var rootURI: String?
    public var rootCID: String?
    public var language: String?
    public var visibility: String?
    public var createdAt: Date
    /// The Mastodon `Idempotency-Key` it was created with, or the Bluesky record key.
    public var key: String?

    enum CodingKeys: String, CodingKey {
        case network, id, uri, cid, text, language, visibility, key, inReplyTo = "in_reply_to"
        case replyCID = "reply_cid", rootURI = "root_uri", rootCID = "root_cid", createdAt = "created_at"
    }
}
