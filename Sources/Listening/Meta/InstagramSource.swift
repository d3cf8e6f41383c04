import Foundation
import SwitchboardCore

/// Mentions from an Instagram professional account (`account_id`): comments and replies on its own media, media it
/// is tagged in (`/{ig-user}/tags`), and recent media of followed hashtags (`ig_hashtag_search` →
/// `/{hashtag}/recent_media`, at most 30 different hashtags in 7 days: `HashtagLedger`). Comments are read only for
/// media whose comment count changed since the last poll; tags and hashtags page back until the newest time seen.
/// Captions and comments elsewhere that @-mention the account reach apps only through webhooks (not polled here).
public struct InstagramSource: GraphSource, NetworkConnector {
    public let id: String, account: String
    let config: SourceConfig, client: GraphClient, ledger: HashtagLedger
    /// Pages per feed and poll; the account's newest media whose comments are watched.
    public var maxPages = 5, mediaWatched = 25

    public init(_ setup: ConnectorSetup) throws {
        let (config, dataDir) = (setup.config, setup.dataDir)
        account = try setup.required(config.accountID, "account_id", "the Instagram professional account's id")
        let token = try GraphToken(config: config, dataDir: dataDir)
        let host = (try? token.current()).map(Graph.instagramHost(for:)) ?? .facebook
        client = GraphClient(setup, host: host, label: "instagram source \(config.id)", token: token)
        (self.id, self.config) = (config.id, config)
        ledger = HashtagLedger(dir: dataDir, sourceID: config.id)
    }

    enum Feed { case comments, tags, hashtag(String), messages }

    var feeds: [(key: String, feed: Feed)] {
        var f: [(String, Feed)] = []
        if config.comments ?? true { f.append(("comments", .comments)) }
        if config.mentions ?? true { f.append(("tags", .tags)) }
        for t in config.hashtags ?? [] {
            let tag = HashtagLedger.normalize(t)
            if !tag.isEmpty { f.append(("hashtag:" + tag, .hashtag(tag))) }
        }
        if config.directMessages == true { f.append(("messages", .messages)) }
        return f
    }

    static let platform = "instagram"

    public func poll(cursor: [String: String]) async throws -> PollResult { try await pollFeeds(cursor: cursor) }

    func read(_ f: Feed, since: String?) async throws -> (items: [Mention], newest: String?, wait: Date?) {
        switch f {
        case .comments: return try await comments(since: since)
        case .tags: return try await tagged(since: since)
        case .hashtag(let t): return try await hashtag(t, since: since)
        case .messages:
            return try await GraphMessages(config: config, client: client, account: account).read(since: since)
        }
    }

    static let commentFields =
        "id,text,timestamp,username,from{id,username},like_count,parent_id,hidden,"
        + "replies{id,text,timestamp,username,from{id,username},parent_id,hidden}"
    static let mediaFields = "id,caption,permalink,timestamp,username,media_type,comments_count"

    /// Comments and replies on the newest media whose comment count changed (the cursor keeps each one's count).
    func comments(since: String?) async throws -> (items: [Mention], newest: String?, wait: Date?) {
        let known = GraphCursor.decode(since)
        var counts: [String: String] = [:]
        var out: [Mention] = []
        let media = try await client.page(
            GraphObject.self, "/\(account)/media",
            query: [("fields", InstagramSource.mediaFields), ("limit", String(mediaWatched))])
        for m in media.data {
            guard let mid = m.id else { continue }
            let count = m.commentTotal.map(String.init) ?? "?"
            counts[mid] = count
            if count == "0" || (known[mid] == count && count != "?") { continue }
            let all = try await feed.all(
                "/\(mid)/comments", query: [("fields", InstagramSource.commentFields), ("limit", "50")])
            for c in all where c.authorID != account {
                if let x = feed.mention(
                    c, kind: .comment, root: mid, parent: m.owned("post"), via: "comment",
                    fallbackURL: m.link, profile: InstagramSource.profile)
                {
                    out.append(x)
                }
                for r in c.replies?.data ?? [] where r.authorID != account {
                    if let x = feed.mention(
                        r, kind: .reply, root: mid, parentComment: c.id, parent: "comment \(c.quote)", via: "reply",
                        fallbackURL: m.link, profile: InstagramSource.profile)
                    {
                        out.append(x)
                    }
                }
            }
        }
        return (out, GraphCursor.encode(counts), nil)
    }

    /// Media the account is tagged in.
    func tagged(since: String?) async throws -> (items: [Mention], newest: String?, wait: Date?) {
        let (items, newest) = try await feed.newest(
            "/\(account)/tags", query: [("fields", InstagramSource.mediaFields), ("limit", "25")], since: since)
        let ms = items.compactMap {
            feed.mention($0, kind: .post, root: $0.id, via: "tag", profile: InstagramSource.profile)
        }
        return (ms, newest, nil)
    }

    /// Recent media (last 24 hours) with `#tag`. The cursor is `HASHTAG-ID|NEWEST-TIME`.
    func hashtag(_ tag: String, since: String?) async throws -> (items: [Mention], newest: String?, wait: Date?) {
        guard client.host == .facebook else {
            throw SourceError.configuration(
                "\(client.label): hashtag search needs Instagram with Facebook Login (a Page token), not Instagram Login"
            )
        }
        try ledger.use(tag, now: client.now(), label: client.label)
        let parts = (since ?? "").split(separator: "|", maxSplits: 1).map(String.init)
        var hid = parts.first.flatMap { $0.isEmpty ? nil : $0 }
        if hid == nil {
            let found = try await client.page(
                GraphObject.self, "/ig_hashtag_search", query: [("user_id", account), ("q", tag)])
            guard let h = found.data.first?.id else {
                throw SourceError.configuration("\(client.label): Instagram knows no hashtag #\(tag)")
            }
            hid = NetworkText.identifier(h)
        }
        let (items, newest) = try await feed.newest(
            "/\(hid!)/recent_media",
            query: [
                ("user_id", account), ("fields", "id,caption,permalink,timestamp,media_type,comments_count"),
                ("limit", "50"),
            ], since: parts.count > 1 ? parts[1] : nil)
        let ms = items.compactMap { feed.mention($0, kind: .post, root: $0.id, via: "#" + tag) }
        return (ms, hid! + "|" + (newest ?? ""), nil)
    }

    static func profile(_ handle: String) -> String? {
        handle.isEmpty ? nil : "https://www.instagram.com/\(handle)/"
    }
}

extension InstagramSource {
    /// Decodes one page of an edge (media, tags, hashtag media, comments) into mentions, for benchmarks and replays.
    public func mentions(fromPage data: Data, kind: GraphReplyRef.Kind = .comment, root: String? = nil) throws
        -> [Mention]
    {
        let page = try client.decode(
            GraphPage<GraphObject>.self, from: HTTPResponse(status: 200, headers: [:], body: data))
        return page.data.compactMap { feed.mention($0, kind: kind, root: root ?? $0.id, via: "replay") }
    }

    /// A mention for a `mentioned_comment` or `mentioned_media` field expansion (the id comes from a webhook):
    /// `GET /{ig-user}?fields=mentioned_comment.comment_id(ID){…}`.
    public func mention(fromMentionLookup data: Data) throws -> Mention? {
        struct Lookup: Decodable {
            var comment: GraphObject?, media: GraphObject?
            enum CodingKeys: String, CodingKey { case comment = "mentioned_comment", media = "mentioned_media" }
        }
        let l = try client.decode(Lookup.self, from: HTTPResponse(status: 200, headers: [:], body: data))
        if let c = l.comment {
            return feed.mention(
                c, kind: .mentionedComment, root: c.id, via: "mention", profile: InstagramSource.profile)
        }
        return l.media.flatMap {
            feed.mention($0, kind: .mentionedMedia, root: $0.id, via: "mention", profile: InstagramSource.profile)
        }
    }
}
