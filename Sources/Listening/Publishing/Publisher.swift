import Foundation
import SwitchboardCore

/// A post to send: a reply (with `inReplyTo`) or a new status.
public struct OutgoingPost: Sendable, Hashable, Codable {
    public var text: String
    /// The post being answered, as its connector stored it on the mention.
    public var inReplyTo: ReplyRef?
    /// Mastodon visibility; nil means "the original's" for replies, else the account default.
    public var visibility: String?
    /// BCP 47 language tag (`en`, `de`), when known.
    public var language: String?
    /// When the draft was made. Keep it with the outbox entry: Bluesky derives the record key from it,
    /// so a retry of the same draft can never create a second post.
    public var createdAt: Date
    /// The queue item's link (also at the end of `text`): Facebook attaches it as the post's link preview.
    public var link: String?
    /// Who may reply (`mentioned`, `following`, `nobody`), on networks that set it only at creation
    /// (`CreationReplyLimit`): set while a crisis limits replies; nil: the account's default.
    public var replyLimit: String?

    public init(
        text: String, inReplyTo: ReplyRef? = nil, visibility: String? = nil, language: String? = nil,
        createdAt: Date = Date(), link: String? = nil
    ) {
        (self.text, self.inReplyTo, self.visibility, self.language) = (text, inReplyTo, visibility, language)
        (self.createdAt, self.link) = (createdAt, link)
    }
}

/// Where a post ended up.
public struct PostedRef: Sendable, Hashable, Codable {
    /// Mastodon status id, or Bluesky record key.
    public var id: String
    /// Mastodon status URI, or Bluesky AT-URI.
    public var uri: String
    /// A web address people can open.
    public var url: String?
    /// Bluesky record CID (nil when the post was found to exist already).
    public var cid: String?
    public init(id: String, uri: String, url: String? = nil, cid: String? = nil) {
        (self.id, self.uri, self.url, self.cid) = (id, uri, url, cid)
    }
}

/// Why a post failed, and whether trying again can help.
public enum PublishError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The network refused the post itself (too long, invalid): retrying the same text will not help.
    case rejected(String)
    /// 429 or exhausted rate limit: retry at `retryAt`.
    case rateLimited(retryAt: Date, detail: String)
    /// 5xx, timeouts, connection errors: retry with backoff (the idempotency key prevents duplicates).
    case transient(String)
    /// The token or session was refused: fix the login, then retry.
    case needsLogin(String)
    /// Missing secret, unknown network, a reply without the ids it needs.
    case configuration(String)

    /// True when the outbox should try again later.
    public var isRetryable: Bool {
        switch self {
        case .rateLimited, .transient: return true
        default: return false
        }
    }

    public var description: String {
        switch self {
        case .rejected(let s): return "rejected: \(s)"
        case .rateLimited(let d, let s): return "rate limited until \(Timestamp.format(d)): \(s)"
        case .transient(let s): return s
        case .needsLogin(let s): return "needs login: \(s)"
        case .configuration(let s): return s
        }
    }

    /// The same failure as a poll would report it.
    init(_ e: SourceError) {
        switch e {
        case .needsLogin(let s): self = .needsLogin(s)
        case .rateLimited(let d, let s): self = .rateLimited(retryAt: d, detail: s)
        case .transient(let s): self = .transient(s)
        case .malformed(let s, let sample): self = .transient("\(s) (body starts: \(sample))")
        case .configuration(let s): self = .configuration(s)
        }
    }
}

/// Something that can publish posts on a network: `post` sends one post, at most once per idempotency key.
public protocol Publisher: Sendable {
    /// `mastodon` or `bluesky`.
    var platform: String { get }
    func post(_ draft: OutgoingPost, idempotencyKey: String) async throws -> PostedRef
}

/// A publisher on a network that takes no idempotency key (Graph, YouTube, Reddit, X). The engine records the
/// intent (the claim) before the request; every attempt after the first — the earlier one crashed, timed out or
/// lost its connection after the request left, so its outcome is unknown — first asks `findPosted`, and records
/// the post found instead of posting again.
public protocol LookupBeforeRetry: Publisher {
    /// The post this account already made for `draft` (same parent, same text) at or after `since`, or nil.
    /// Throws like `post` when the network cannot be asked (the attempt then fails and is retried later).
    func findPosted(_ draft: OutgoingPost, since: Date) async throws -> PostedRef?
}

/// Something that can moderate items on one network for one account (the source that found them).
public protocol Moderator: Sendable {
    var platform: String { get }
    /// The actions this network's API offers to this account.
    var supported: [ModerationKind] { get }
    /// Applies `kind` to the item `target` (as its connector stored it on the mention). `ban` also bans the author
    /// where the network can (YouTube `reject` with `banAuthor`); throws `PublishError` like a post.
    func moderate(_ target: ReplyRef, _ kind: ModerationKind, reason: String?, ban: Bool) async throws
}
